package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conversations with the bot in sandbox mode, as the Agents Playground's people: Alex (provisioning admin), Megan
 * (approver), Adele (approver through a nested group) and Isaiah (no role). Roles come from the simulated directory
 * over the real Graph client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConversationIT {

    static final String ADELE = "00000000-0000-0000-0000-0000000000022";
    static FakeConnector connector;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    private FakeConnector.Call says(String who, String name, String text) throws Exception {
        ObjectNode message = Activities.from(Activities.message(connector.serviceUrl(), text), who, name);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(message)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return connector.awaitReplyTo(message.get("id").asString());
    }

    private FakeConnector.Call alexSays(String text) throws Exception {
        return says(Activities.ALEX, "Alex Wilber", text);
    }

    private FakeConnector.Call isaiahSays(String text) throws Exception {
        return says(Activities.ISAIAH, "Isaiah Langer", text);
    }

    @Test
    void alexAsksForHelpAndSeesEveryProvisioningCommandWithAnExample() throws Exception {
        FakeConnector.Call reply = alexSays("help");

        String card = reply.card().toString();
        assertThat(reply.card().path("version").asString()).isEqualTo("1.5");
        assertThat(card)
                .contains("create service account ‹alias›")
                .contains("e.g. create service account svc-sync")
                .contains("grant app access")
                .contains("You are a provisioning admin")
                .doesNotContain("approve ‹request id›");
    }

    @Test
    void isaiahHasNoRoleSoHelpShowsOnlyWhatEveryoneMayDo() throws Exception {
        String card = isaiahSays("help").card().toString();

        assertThat(card).contains("You have no role with this bot").contains("whoami");
        assertThat(card).doesNotContain("create service account").doesNotContain("approve ‹request id›");
    }

    @Test
    void isaiahIsRefusedPolitelyWhenHeTriesToCreateAnAccount() throws Exception {
        String answer =
                isaiahSays("please create a service account called svc-sync").text();

        assertThat(answer)
                .contains("Sorry Isaiah Langer")
                .contains("create service account")
                .contains("only for provisioning admins")
                .contains("Nothing was done");
    }

    @Test
    void meganMayNotCreateAccountsButMayAskToApprove() throws Exception {
        assertThat(says(Activities.MEGAN, "Megan Bowen", "create service account svc-x")
                        .text())
                .contains("only for provisioning admins");
        assertThat(says(Activities.MEGAN, "Megan Bowen", "approve R-7K2Q").text())
                .contains("There is no request R-7K2Q")
                .doesNotContain("only for");
    }

    @Test
    void alexMayNotApproveBecauseHeIsNoApprover() throws Exception {
        assertThat(alexSays("approve R-7K2Q").text()).contains("only for approvers");
    }

    @Test
    void theAuditCommandsAnswerForAdminsAndNotForPeopleWithoutARole() throws Exception {
        assertThat(alexSays("audit verify").text()).containsAnyOf("The audit log is intact", "The audit log is empty");
        assertThat(alexSays("audit svc-nobody-touched").text())
                .isEqualTo("The audit log has no entries for svc-nobody-touched yet.");
        assertThat(isaiahSays("audit").text()).contains("is only for").contains("Nothing was done");
        assertThat(isaiahSays("doctor").text()).contains("is only for").contains("Nothing was done");
    }

    @Test
    void whoamiNamesThePersonAndTheirRolesFromTheDirectory() throws Exception {
        assertThat(alexSays("whoami").text())
                .contains("Alex Wilber")
                .contains("alexw@example.com")
                .contains("provisioning admin");
        assertThat(says(ADELE, "Adele Vance", "who am i?").text())
                .as("Adele is an approver through a nested group")
                .contains("approver");
        assertThat(isaiahSays("whoami").text()).contains("no role");
    }

    @Test
    void aTypoGetsADidYouMeanWithAnExample() throws Exception {
        assertThat(alexSays("crate service acount svc1").text())
                .contains("Did you mean create service account?")
                .contains("For example: create service account svc-sync");
    }

    @Test
    void anInvalidAliasIsExplainedWithARuleAndAWorkingExample() throws Exception {
        assertThat(alexSays("create service account svc sync!").text())
                .contains("not a valid")
                .contains("For example");
    }

    @Test
    void someoneTeamsDoesNotIdentifyHasNoRole() throws Exception {
        ObjectNode message = Activities.message(connector.serviceUrl(), "create service account svc-x");
        message.withObjectProperty("from").remove("aadObjectId");
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(message)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(connector.awaitReplyTo(message.get("id").asString()).text())
                .contains("only for provisioning admins");
    }
}
