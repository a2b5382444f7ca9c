package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.sandbox.SimulatorControlClient;
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
 * Someone without a role who keeps typing privileged commands costs one Microsoft Graph look-up per {@code
 * bot.access.refusal-cache-ttl}, not one per message (counted by the simulated tenant); a look-up that fails is not
 * remembered, and a role is never granted on a remembered answer.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bot.access.refusal-cache-ttl=60s", "bot.provisioning.graph-max-retries=0"})
class RoleLookupsIT {

    static final String PATTI = "00000000-0000-0000-0000-0000000000024";
    static final String LYNNE = "00000000-0000-0000-0000-0000000000025";
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

    private String says(String who, String name, String text) throws Exception {
        ObjectNode message = Activities.from(Activities.message(connector.serviceUrl(), text), who, name);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(message)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return connector.awaitReplyTo(message.get("id").asString()).text();
    }

    @Test
    void tenPrivilegedCommandsFromSomeoneWithoutARoleCostOneGraphLookUp() throws Exception {
        SimulatorControlClient tenant = new SimulatorControlClient(port);
        long before = tenant.graphCalls();

        for (int i = 0; i < 10; i++) {
            assertThat(says(PATTI, "Patti Fernandez", "create service account svc-flood" + i))
                    .contains("only for provisioning admins");
        }

        assertThat(tenant.graphCalls() - before).isEqualTo(1);
    }

    @Test
    void aFailedLookUpRefusesAndIsNotRemembered() throws Exception {
        SimulatorControlClient tenant = new SimulatorControlClient(port);
        tenant.graphFails("checkMemberGroups", 503, 0, 1);

        assertThat(says(LYNNE, "Lynne Robbins", "create service account svc-x"))
                .contains("couldn't reach Microsoft Entra ID")
                .contains("I did nothing");
        long before = tenant.graphCalls();
        assertThat(says(LYNNE, "Lynne Robbins", "create service account svc-x"))
                .contains("only for provisioning admins");
        assertThat(tenant.graphCalls() - before)
                .as("asked again after the failure")
                .isEqualTo(1);
    }

    @Test
    void someoneWithTheRoleIsCheckedAfreshEveryTime() throws Exception {
        SimulatorControlClient tenant = new SimulatorControlClient(port);
        says(Activities.ALEX, "Alex Wilber", "audit verify");
        long before = tenant.graphCalls();

        says(Activities.ALEX, "Alex Wilber", "audit verify");
        says(Activities.ALEX, "Alex Wilber", "audit verify");

        assertThat(tenant.graphCalls() - before).isEqualTo(2);
    }
}
