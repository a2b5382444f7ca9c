package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ADELE;
import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.command.RequestId;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * With two approvals needed, a request stays pending after the first, and its cards move to a new version: a click
 * on the copy Megan still has from before is answered with the current card and records nothing, while a click on
 * the updated copy counts.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.approval.quorum=2",
            "bot.approval.expiry-check=1h",
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.mailbox-delay=100ms"
        })
@Import(ApprovalTestSupport.class)
class ApprovalQuorumIT {

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    Approvals approvals;

    @Autowired
    ApprovalTestSupport.ServiceAccounts accounts;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @Test
    void aClickOnTheCardOfBeforeTheFirstApprovalRecordsNothingAndTheUpdatedCardCounts() throws Exception {
        accounts.withMailbox("svc-two");
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        String number = ApprovalChat.numberOn(chat.alexSays("grant impersonation to svc-two because two approvers"));
        FakeConnector.Call before = chat.cardPostedTo(MEGAN_CHAT, number);

        chat.invoke(ADELE, "Adele Vance", "approve", number, 1, null);
        FakeConnector.Call updated = connector.await(
                call -> call.method().equals("PUT")
                        && call.path().equals(before.updatePath())
                        && ApprovalChat.text(call.card()).contains("1 of 2, approved by Adele Vance"),
                Duration.ofSeconds(10));
        assertThat(ApprovalChat.titles(updated.card())).containsExactly("Approve", "Reject");
        assertThat(connector
                        .await(
                                call -> call.path().contains(ALEX_CHAT)
                                        && call.text().contains(number)
                                        && call.text().contains("Adele Vance approved"),
                                Duration.ofSeconds(10))
                        .text())
                .contains("1 of 2 approvals");

        JsonNode old = chat.meganClicks("approve", before, null);

        assertThat(ApprovalChat.text(old.path("value")))
                .contains("That card was out of date")
                .contains("1 of 2, approved by Adele Vance");
        assertThat(ApprovalChat.titles(old.path("value"))).containsExactly("Approve", "Reject");
        ApprovalRequest stillPending = approvals.find(RequestId.of(number)).orElseThrow();
        assertThat(stillPending.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(stillPending.decisions())
                .extracting(d -> d.approver().name())
                .containsExactly("Adele Vance");

        JsonNode current = chat.invokeWith(
                Activities.MEGAN,
                "Megan Bowen",
                "approve",
                (tools.jackson.databind.node.ObjectNode)
                        updated.card().path("actions").path(0).path("data").deepCopy(),
                before.activityId());

        assertThat(ApprovalChat.text(current.path("value")))
                .contains("You approved request " + number)
                .contains("Approved by Adele Vance and Megan Bowen");
        assertThat(approvals.find(RequestId.of(number)).orElseThrow().status())
                .isIn(RequestStatus.APPROVED, RequestStatus.EXECUTING, RequestStatus.DONE);
    }
}
