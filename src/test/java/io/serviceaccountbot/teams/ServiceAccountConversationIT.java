package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.SecretNames;
import io.serviceaccountbot.tenant.SecretStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alex provisions service accounts from the chat against the simulated tenant, through the real Graph and Exchange
 * clients over HTTP: what the answers say, what the tenant then holds, and that no password ever reaches the chat. The
 * organisation runs Exchange Online, where accounts are Entra ID users that a licence gives a mailbox.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bot.sandbox.exchange-flavour=exchange-online")
@ExtendWith(OutputCaptureExtension.class)
class ServiceAccountConversationIT {

    static FakeConnector connector;
    static Path secrets;

    @LocalServerPort
    int port;

    @Autowired
    SecretStore secretStore;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        connector = new FakeConnector();
        secrets = Files.createTempDirectory("secrets");
    }

    @AfterAll
    static void stop() {
        connector.close();
    }

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        registry.add("bot.secrets.directory", () -> secrets.toString());
        registry.add("bot.sandbox.mailbox-delay", () -> "0s");
        registry.add("bot.provisioning.graph-max-retry-wait", () -> "250ms");
    }

    @AfterEach
    void noFaultsLeft() throws Exception {
        http.send(
                HttpRequest.newBuilder(URI.create(base() + "/sandbox/control/faults"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private FakeConnector.Call alexSays(String text) throws Exception {
        ObjectNode message = Activities.message(connector.serviceUrl(), text);
        http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(message)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return connector.awaitReplyTo(message.get("id").asString());
    }

    private JsonNode graph(String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/sandbox/graph/v1.0" + pathAndQuery.replace(" ", "%20")))
                        .header("Authorization", "Bearer sandbox-token")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return Activities.JSON.readTree(response.body());
    }

    private void injectGraphFault(String matching, int status, int times) throws Exception {
        http.send(
                HttpRequest.newBuilder(URI.create(base() + "/sandbox/control/faults"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"service\":\"GRAPH\",\"matching\":\"%s\",\"status\":%d,\"times\":%d}"
                                        .formatted(matching, status, times)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void thePasswordReachesNeitherTheChatNorTheLog(CapturedOutput output) throws Exception {
        FakeConnector.Call reply = alexSays("create service account svc-secret");

        String password = secretStore
                .get(SecretNames.forPassword("svc-secret"))
                .orElseThrow()
                .reveal();
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(reply.body().toString()).doesNotContain(password);
        assertThat(output.getAll()).doesNotContain(password).doesNotContain("Bearer ");
    }

    @Test
    void alexCreatesAServiceAccountAndTheTenantHasItAsTheArticleWantsIt() throws Exception {
        FakeConnector.Call reply = alexSays("create service account svc-conv named \"Sync Service\" license E1");

        String card = reply.card().toString();
        assertThat(card)
                .contains("Created svc-conv@example.com (Sync Service): enabled, no password change at first sign-in")
                .contains("Office 365 E1 (STANDARDPACK)")
                .contains("Mailbox ready")
                .contains("☑️ **Already so:** The password never expires (set when the account was created)")
                .contains("The password is stored in the sandbox secret store");
        String password = secretStore
                .get(SecretNames.forPassword("svc-conv"))
                .orElseThrow()
                .reveal();
        assertThat(reply.body().toString()).doesNotContain(password);

        JsonNode user = graph("/users/svc-conv@example.com"
                + "?$select=accountEnabled,passwordProfile,passwordPolicies,usageLocation,assignedLicenses");
        assertThat(user.path("accountEnabled").asBoolean()).isTrue();
        assertThat(user.path("passwordPolicies").asString()).isEqualTo("DisablePasswordExpiration");
        assertThat(user.path("passwordProfile")
                        .path("forceChangePasswordNextSignIn")
                        .asBoolean(true))
                .isFalse();
        assertThat(user.path("usageLocation").asString()).isEqualTo("US");
        assertThat(user.path("assignedLicenses")).hasSize(1);
    }

    @Test
    void askingTwiceCreatesNoSecondAccount() throws Exception {
        alexSays("create service account svc-twice");
        String again = alexSays("create service account svc-twice").card().toString();

        assertThat(again).contains("exists already: this bot created it earlier");
        assertThat(graph("/users?$filter=mailNickname eq 'svc-twice'").path("value"))
                .hasSize(1);
    }

    @Test
    void aLicenceFailureStopsWithAFixAndAskingAgainFinishesTheJob() throws Exception {
        injectGraphFault("assignLicense", 503, 10);

        String failed = alexSays("create service account svc-halfway").card().toString();
        assertThat(failed)
                .contains("Created svc-halfway@example.com")
                .contains("❌")
                .contains("run the same command again in a few minutes")
                .contains("⏭️");

        noFaultsLeft();
        String finished = alexSays("create service account svc-halfway").card().toString();
        assertThat(finished)
                .contains("exists already: this bot created it earlier")
                .contains("Office 365 E1 (STANDARDPACK) assigned")
                .doesNotContain("❌");
        assertThat(graph("/users?$filter=mailNickname eq 'svc-halfway'").path("value"))
                .hasSize(1);
    }

    @Test
    void anAccountTheBotDidNotCreateIsNotTakenOver() throws Exception {
        String answer = alexSays("create service account meganb").card().toString();

        assertThat(answer)
                .contains("meganb@example.com already exists, and this bot did not create it")
                .contains("use meganb@example.com as service account");
        assertThat(secretStore.get(SecretNames.forPassword("meganb"))).isEmpty();
    }

    @Test
    void anExistingUserWithAMailboxAndAPasswordThatNeverExpiresMayBeTheServiceAccount() throws Exception {
        alexSays("create service account svc-existing");

        String answer = alexSays("use svc-existing@example.com as service account")
                .card()
                .toString();

        assertThat(answer)
                .contains("Account exists and is enabled")
                .contains("✅ **Passed:** Password never expires")
                .contains("Mailbox provisioned")
                .contains("svc-existing@example.com can be the service account");
    }

    @Test
    void aPersonWhosePasswordCanExpireCannotBeTheServiceAccountAndTheAnswerSaysHowToFixIt() throws Exception {
        String answer =
                alexSays("use alexw@example.com as service account").card().toString();

        assertThat(answer)
                .contains("❌ **Failed:** Password never expires: The password can expire")
                .contains("Update-MgUser -UserId alexw@example.com -PasswordPolicies DisablePasswordExpiration")
                .contains("password expiration policy is set to never expire")
                .contains("✅ **Passed:** Mailbox provisioned")
                .contains("alexw@example.com cannot be the service account until the failed checks are fixed");
        assertThat(graph("/users/alexw@example.com?$select=passwordPolicies")
                        .path("passwordPolicies")
                        .isNull())
                .as("use only looks; it changes nothing")
                .isTrue();
    }

    @Test
    void anUnknownUserCannotBeTheServiceAccount() throws Exception {
        String answer =
                alexSays("use nobody@example.com as service account").card().toString();

        assertThat(answer).contains("No user nobody@example.com").contains("cannot be the service account");
    }

    @Test
    void verifyReportsEachCheckOfTheNewAccount() throws Exception {
        alexSays("create service account svc-verify");

        String report = alexSays("verify svc-verify").card().toString();

        assertThat(report)
                .contains("Verification of svc-verify@example.com")
                .contains("✅ **Passed:** Account exists and is enabled")
                .contains("✅ **Passed:** Password never expires: Set never to expire (DisablePasswordExpiration)")
                .contains("✅ **Passed:** Usage location and Exchange licence")
                .contains("✅ **Passed:** Mailbox provisioned")
                .as("Exchange Online has no ApplicationImpersonation, and the report says what replaces it")
                .contains("Holds ApplicationImpersonation")
                .contains("Exchange Online removed it in February 2025")
                .contains("grant app access")
                .doesNotContain("❌")
                .doesNotContain("grant impersonation to svc-verify");
    }

    @Test
    void aRoleGroupThatDoesNotExistIsSaidSo() throws Exception {
        assertThat(alexSays("show role group \"Exchange sync role group\"").text())
                .contains("Exchange has no role group named **Exchange sync role group**");
    }

    @Test
    void whenTheDirectoryIsDownTheBotSaysSoAndDoesNothing() throws Exception {
        injectGraphFault("checkMemberGroups", 500, 10);

        assertThat(alexSays("create service account svc-down").text()).contains("couldn't reach Microsoft Entra ID");

        noFaultsLeft();
        assertThat(graph("/users?$filter=mailNickname eq 'svc-down'").path("value"))
                .isEmpty();
    }
}
