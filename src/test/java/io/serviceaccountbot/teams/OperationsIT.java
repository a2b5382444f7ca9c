package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.SecretNames;
import io.serviceaccountbot.tenant.SecretStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * What operators get, after a whole runbook in chat (Alex: setup exchange sync; Megan approves; the plan runs and the
 * report follows): health and readiness, the version, metrics under their documented names, and a log with neither
 * the generated password nor a bearer token anywhere in it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.mailbox-delay=200ms",
            "bot.provisioning.step-backoff=50ms",
            "bot.teams.sends-per-thirty-seconds=1000",
            "bot.teams.sends-per-second=100",
            "logging.level.io.serviceaccountbot=DEBUG"
        })
@Import(ApprovalTestSupport.class)
@ExtendWith(OutputCaptureExtension.class)
class OperationsIT {

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    SecretStore secrets;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWholeRunbookLeavesMetricsAndALogWithoutTheGeneratedPasswordOrAToken(CapturedOutput output) throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        String number = ApprovalChat.numberOn(
                chat.alexSays("setup exchange sync for svc-ops because the operations test needs a whole runbook"));
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, number), null);
        connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Verification of svc-ops@example.com"),
                Duration.ofSeconds(60));

        Thread.sleep(1_500);
        assertThat(connector.calls())
                .filteredOn(call -> call.path().contains(ALEX_CHAT)
                        && call.card() != null
                        && ApprovalChat.text(call.card()).contains("The password is stored in"))
                .as("the report replaces the progress card once")
                .hasSize(1);
        assertThat(connector.calls())
                .filteredOn(call -> call.path().contains(ALEX_CHAT)
                        && call.card() != null
                        && ApprovalChat.text(call.card()).contains("Verification of svc-ops@example.com"))
                .as("one verification report follows it")
                .hasSize(1);

        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern("bot_commands_total\\{[^}]*command=\"setup exchange sync\"[^}]*outcome=\"answered\"")
                .containsPattern("bot_approvals_seconds_count\\{[^}]*outcome=\"approved\"[^}]*} 1")
                .containsPattern("bot_plans_total\\{[^}]*outcome=\"done\"[^}]*} 1")
                .containsPattern("bot_plan_steps_seconds_count\\{[^}]*outcome=\"done\"")
                .containsPattern("bot_tenant_calls_total\\{[^}]*service=\"graph\"[^}]*status=\"20[01]\"")
                .as("on Exchange Server the cmdlets go as jobs of the runner's Azure Automation account")
                .containsPattern("bot_tenant_calls_total\\{[^}]*service=\"azure-automation\"[^}]*status=\"201\"")
                .containsPattern("bot_connector_sends_total\\{[^}]*method=\"POST\"[^}]*status=\"2xx\"");

        String password =
                secrets.get(SecretNames.forPassword("svc-ops")).orElseThrow().reveal();
        assertThat(output.getAll())
                .as("the log of the whole runbook")
                .contains("Request " + number + " done")
                .doesNotContain(password)
                .doesNotContainIgnoringCase("Bearer ");
    }

    @Test
    void healthReadinessAndTheVersionAreThereForThePlatform() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        HttpResponse<String> info = get("/actuator/info");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        assertThat(info.body()).contains("\"build\"").contains("\"version\"").contains("service-account-bot");
    }
}
