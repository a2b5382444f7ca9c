package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.chat.JustificationCard;
import io.serviceaccountbot.command.RequestId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A forged {@code adaptiveCard/action} invoke whose input is longer than the card lets anyone type (a 1.5 MB reject
 * comment, a huge justification) is refused with the limit and the length, and nothing is recorded or sent: no
 * decision, no card update, no request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApprovalTestSupport.class)
class CardInputLimitIT {

    static FakeConnector connector;
    static boolean installed;

    @LocalServerPort
    int port;

    @Autowired
    Approvals approvals;

    @Autowired
    ApprovalTestSupport.ServiceAccounts accounts;

    private ApprovalChat chat;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @BeforeEach
    void meganHasInstalledTheBot() throws Exception {
        chat = new ApprovalChat(connector, port);
        accounts.withMailbox("svc-sync");
        if (!installed) {
            chat.installMegansChatAndTheChannel();
            installed = true;
        }
    }

    @Test
    void aRejectCommentLongerThanTheCardAllowsIsRefusedAndNothingIsRecorded() throws Exception {
        String number = ApprovalChat.numberOn(chat.alexSays(ApprovalConversationIT.ASK));
        FakeConnector.Call megans = chat.cardPostedTo(MEGAN_CHAT, number);
        int callsBefore = connector.calls().size();

        JsonNode answer = chat.meganClicks("reject", megans, "x".repeat(1_500_000));

        assertThat(answer.path("type").asString()).isEqualTo("application/vnd.microsoft.activity.message");
        assertThat(answer.path("value").asString())
                .isEqualTo("The comment may have at most 500 characters; yours has 1,500,000. Nothing changed.");
        ApprovalRequest request = approvals.find(RequestId.of(number)).orElseThrow();
        assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(request.decisions()).isEmpty();
        assertThat(connector.calls()).hasSize(callsBefore);
    }

    @Test
    void aCommentOfExactlyTheLimitIsRecorded() throws Exception {
        String number = ApprovalChat.numberOn(chat.alexSays(ApprovalConversationIT.ASK));
        FakeConnector.Call megans = chat.cardPostedTo(MEGAN_CHAT, number);

        JsonNode answer = chat.meganClicks("reject", megans, "y".repeat(500));

        assertThat(ApprovalChat.text(answer.path("value"))).contains("Rejected by Megan Bowen: " + "y".repeat(500));
        assertThat(approvals.find(RequestId.of(number)).orElseThrow().status()).isEqualTo(RequestStatus.REJECTED);
    }

    @Test
    void aJustificationLongerThanTheCardAllowsIsRefusedAndNoRequestIsOpened() throws Exception {
        ObjectNode data = Activities.JSON.createObjectNode();
        data.put(JustificationCard.COMMAND, "grant impersonation to svc-sync");
        data.put(JustificationCard.JUSTIFICATION, "z".repeat(600_000));
        int callsBefore = connector.calls().size();

        JsonNode answer = chat.invokeWith(Activities.ALEX, "Alex Wilber", JustificationCard.VERB, data, "7");

        assertThat(answer.path("value").asString())
                .isEqualTo("The justification may have at most 500 characters; yours has 600,000. Nothing changed.");
        assertThat(connector.calls()).hasSize(callsBefore);
    }
}
