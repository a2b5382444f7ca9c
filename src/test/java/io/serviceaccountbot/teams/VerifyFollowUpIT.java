package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code verify <account> against <mailbox>} right after {@code create service account} on Exchange Online, where the
 * licence brings the mailbox minutes later: Exchange is still creating the mailbox, so the answer says so and the verification runs again by itself once the mailbox is there, posted in
 * the same chat, once, however often the admin asks meanwhile.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.exchange-flavour=exchange-online",
            "bot.sandbox.mailbox-delay=4s",
            "bot.provisioning.mailbox-wait=2m",
            "bot.provisioning.run-poll-interval=1s"
        })
class VerifyFollowUpIT {

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stop() {
        connector.close();
    }

    private FakeConnector.Call alexSays(String text) throws Exception {
        ObjectNode message = Activities.message(connector.serviceUrl(), text);
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(message)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return connector.awaitReplyTo(message.get("id").asString());
    }

    private void awaitNoFollowUpLeft() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.sql("select count(*) from scheduled_tasks where task_name = 'verify-when-mailbox-ready'")
                        .query(Integer.class)
                        .single()
                > 0) {
            assertThat(System.nanoTime()).as("the follow-up's job is gone").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void aVerificationAgainstAMailboxAskedBeforeTheAccountsMailboxExistsRunsAgainOnceItDoes() throws Exception {
        alexSays("create service account svc-follow");

        String first = ApprovalChat.text(
                alexSays("verify svc-follow against alexw@example.com").card());
        assertThat(first)
                .contains("There is no mailbox yet")
                .contains("Exchange is still creating the mailbox of svc-follow@example.com")
                .contains("I will run this verification again when the mailbox is there (waiting up to 2 minutes)");
        String again = ApprovalChat.text(
                alexSays("verify svc-follow against alexw@example.com").card());
        assertThat(again).contains("I will run this verification again");

        FakeConnector.Call followUp = connector.await(
                call -> call.method().equals("POST")
                        && call.card() != null
                        && ApprovalChat.text(call.card())
                                .contains("The mailbox of svc-follow@example.com is there now"),
                Duration.ofSeconds(60));
        String report = ApprovalChat.text(followUp.card());
        assertThat(report)
                .contains("Verification of svc-follow@example.com")
                .contains("✅ **Passed:** Mailbox provisioned")
                .contains("Impersonation works (live probe)");
        assertThat(followUp.path())
                .as("posted in Alex's chat")
                .contains(Activities.message(connector.serviceUrl(), "x")
                        .path("conversation")
                        .path("id")
                        .asString());

        awaitNoFollowUpLeft();
        assertThat(connector.calls().stream()
                        .filter(call -> call.card() != null
                                && ApprovalChat.text(call.card())
                                        .contains("The mailbox of svc-follow@example.com is there now")))
                .as("asked twice, followed up once")
                .hasSize(1);
    }
}
