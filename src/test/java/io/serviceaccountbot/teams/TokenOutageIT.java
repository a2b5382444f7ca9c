package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.sandbox.SimulatorControlClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.node.ObjectNode;

/**
 * The identity platform goes away while the bot answers, and comes back: no Bot Connector token can be had for a
 * while (taken away through {@code /sandbox/control/identity}). The answer is sent once a token can be had again, and
 * an approval request that was opened gets its approver's card even when the requester's answer is lost for good.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.approval.expiry-check=1h",
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.mailbox-delay=100ms",
            "bot.teams.send-attempts=5",
            "bot.teams.send-backoff=250ms"
        })
@Import(ApprovalTestSupport.class)
@ExtendWith(OutputCaptureExtension.class)
class TokenOutageIT {

    static final int SEND_ATTEMPTS = 5;
    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    ApprovalTestSupport.ServiceAccounts accounts;

    private SimulatorControlClient control;
    private ApprovalChat chat;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    /** Megan's chat is open (her welcome is in) before the identity platform goes, so only the test's sends fail. */
    @BeforeEach
    void openMegansChat() throws Exception {
        control = new SimulatorControlClient(port);
        chat = new ApprovalChat(connector, port);
        chat.post(Activities.sample("conversationUpdate-personal-megan", connector.serviceUrl()));
        connector.await(
                call -> call.path().contains(MEGAN_CHAT) && call.text().startsWith("Hello!"), Duration.ofSeconds(10));
    }

    @AfterEach
    void giveTokensBack() {
        control.refuseTokens();
    }

    @Test
    void theAnswerAndTheApproversCardGoOutOnceATokenCanBeHadAgain() throws Exception {
        accounts.withMailbox("svc-outage");
        long refusedBefore = control.refusedTokens();
        control.refuseTokens(AccessTokens.BOT_CONNECTOR);

        ObjectNode message = Activities.message(
                connector.serviceUrl(), "grant impersonation to svc-outage because the token comes back");
        assertThat(chat.post(message).statusCode()).isEqualTo(200);
        awaitRefusals(refusedBefore + 2);
        control.refuseTokens();

        FakeConnector.Call reply = connector.awaitReplyTo(message.get("id").asString());
        String number = ApprovalChat.numberOn(reply);
        assertThat(chat.cardPostedTo(MEGAN_CHAT, number).card().toString()).contains("svc-outage");
    }

    @Test
    void whenTheAnswerIsLostForGoodTheApproversCardStillGoesOut(CapturedOutput log) throws Exception {
        accounts.withMailbox("svc-lost");
        long refusedBefore = control.refusedTokens();
        control.refuseTokens(AccessTokens.BOT_CONNECTOR);

        ObjectNode message = Activities.message(
                connector.serviceUrl(), "grant impersonation to svc-lost because it must not vanish");
        assertThat(chat.post(message).statusCode()).isEqualTo(200);
        awaitRefusals(refusedBefore + SEND_ATTEMPTS);
        control.refuseTokens();

        FakeConnector.Call card = connector.await(
                call -> call.method().equals("POST")
                        && call.path().endsWith("/conversations/" + MEGAN_CHAT + "/activities")
                        && ApprovalChat.text(call.card()).contains("svc-lost"),
                Duration.ofSeconds(15));
        assertThat(ApprovalChat.text(card.card())).containsPattern("Approval request R-[0-9A-Z]{6}");
        assertThat(connector.calls())
                .as("the requester's answer was given up after %d attempts", SEND_ATTEMPTS)
                .noneMatch(call -> message.get("id")
                        .asString()
                        .equals(call.body().path("replyToId").asString(null)));
    }

    private void awaitRefusals(long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (control.refusedTokens() < atLeast) {
            assertThat(System.nanoTime())
                    .as("%d token requests refused", atLeast)
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
