package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Access reviews on the simulated tenant's default Exchange Server, with reviews every few seconds: a grant Alex asked
 * for and Megan approved comes back to Megan as a review card (who holds what, since when, approved by whom, why),
 * which Alex, no approver, may not answer; Megan's Revoke takes the access away at once, and the card cannot be
 * answered twice. A review no one answers is escalated once, then reported as unanswered by {@code drift}, and an
 * approver may still keep it. Each step is in the audit log.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.mailbox-delay=100ms",
            "bot.provisioning.step-backoff=50ms",
            "bot.provisioning.run-poll-interval=1s",
            "bot.governance.review-interval=3s",
            "bot.governance.review-deadline=4s",
            "bot.teams.approvals-channel=" + ApprovalConversationIT.CHANNEL,
            "bot.teams.sends-per-thirty-seconds=1000",
            "bot.teams.sends-per-second=100"
        })
@Import(ApprovalTestSupport.class)
class AccessReviewIT {

    static final String ROLE = "ApplicationImpersonation";
    static final Duration PATIENCE = Eventually.PATIENCE;

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    Approvals approvals;

    @Autowired
    ExchangeAdmin exchange;

    @Autowired
    JdbcClient jdbc;

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
    void anApproversRevokeInTheReviewTakesTheAccessAway() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        accounts.withMailbox("svc-reviewed");
        String number = chat.approvedByMegan(
                approvals, "grant impersonation to svc-reviewed in role group \"Review Test\" because the CRM sync");
        Eventually.holds(() -> holds("svc-reviewed"), "the grant ran");

        FakeConnector.Call review = awaitCard(MEGAN_CHAT, "Access review: keep or revoke?", "svc-reviewed");
        assertThat(ApprovalChat.text(review.card()))
                .contains("ApplicationImpersonation of svc-reviewed@example.com")
                .contains("approved in " + number)
                .contains("Alex Wilber")
                .contains("Megan Bowen")
                .contains("the CRM sync");
        awaitCard("/conversations/" + ApprovalConversationIT.CHANNEL + "/", "Access review", "svc-reviewed");
        ObjectNode revoke = (ObjectNode) review.card().path("actions").path(1).path("data");

        assertThat(chat.invokeWith(Activities.ALEX, "Alex Wilber", "revoke-grant", revoke, review.activityId())
                        .toString())
                .contains("Only an approver can answer an access review. Nothing changed.");
        assertThat(holds("svc-reviewed")).isTrue();

        assertThat(chat.invokeWith(Activities.MEGAN, "Megan Bowen", "revoke-grant", revoke, review.activityId())
                        .toString())
                .contains("Revoking ApplicationImpersonation of svc-reviewed@example.com now");
        Eventually.holds(() -> !holds("svc-reviewed"), "the access is gone");
        String report = ApprovalChat.text(awaitCard(
                        ALEX_CHAT,
                        "Access review: Megan Bowen revoked ApplicationImpersonation of svc-reviewed@example.com",
                        "svc-reviewed")
                .card());
        assertThat(report).doesNotContain("Failed");

        assertThat(chat.invokeWith(Activities.MEGAN, "Megan Bowen", "keep-grant", revoke, review.activityId())
                        .toString())
                .contains("This review was answered already by Megan Bowen. Nothing changed.");
        Eventually.holds(() -> !watched("account:svc-reviewed@example.com"), "the grant is no longer watched");
        assertThat(audit("svc-reviewed@example.com"))
                .startsWith("review.opened opened")
                .endsWith("review.revoked done");
    }

    @Test
    void aReviewNoOneAnswersIsEscalatedOnceThenListedByDriftAndMayStillBeKept() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        accounts.withMailbox("svc-ignored");
        chat.approvedByMegan(
                approvals, "grant impersonation to svc-ignored in role group \"Ignored Review\" because the ERP sync");

        FakeConnector.Call overdue = awaitCard(MEGAN_CHAT, "Overdue access review", "svc-ignored");
        assertThat(ApprovalChat.text(overdue.card())).contains("it is never kept without an answer");
        Eventually.holds(
                () -> audit("svc-ignored@example.com").contains("review.unanswered unanswered"), "the review lapses");
        assertThat(audit("svc-ignored@example.com"))
                .containsSubsequence(
                        "review.opened opened", "review.escalated escalated", "review.unanswered unanswered")
                .containsOnlyOnce("review.escalated escalated");
        assertThat(ApprovalChat.text(chat.alexSays("drift").card()))
                .contains("Review not answered:")
                .contains("ApplicationImpersonation of svc-ignored@example.com");

        ObjectNode keep = (ObjectNode) overdue.card().path("actions").path(0).path("data");
        assertThat(chat.invokeWith(Activities.MEGAN, "Megan Bowen", "keep-grant", keep, overdue.activityId())
                        .toString())
                .contains("Kept: ApplicationImpersonation of svc-ignored@example.com stays until its next review");
        assertThat(audit("svc-ignored@example.com")).contains("review.kept kept");
        FakeConnector.Call log = chat.alexSays("audit svc-ignored");
        assertThat(ApprovalChat.text(log.card()) + log.text())
                .as("audit shows the reviews")
                .contains("review.kept")
                .contains("review.unanswered");
        assertThat(holds("svc-ignored")).isTrue();
        assertThat(ApprovalChat.text(chat.alexSays("drift").card())).doesNotContain("svc-ignored@example.com (opened");
    }

    private boolean holds(String alias) {
        return exchange.effectiveAssignments(ROLE).stream()
                .anyMatch(holder ->
                        holder.user() != null && holder.user().toLowerCase().contains(alias));
    }

    private boolean watched(String subject) {
        return jdbc.sql("select count(*) from watched_grant where subject = :subject")
                        .param("subject", subject)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private List<String> audit(String target) {
        return jdbc.sql("select action || ' ' || outcome from audit_entry where target = :target and action like"
                        + " 'review.%' order by seq")
                .param("target", target)
                .query(String.class)
                .list();
    }

    private FakeConnector.Call awaitCard(String conversation, String heading, String account) throws Exception {
        return connector.await(
                call -> call.path().contains(conversation)
                        && (ApprovalChat.text(call.card()) + call.text()).contains(heading)
                        && (ApprovalChat.text(call.card()) + call.text()).contains(account),
                PATIENCE);
    }
}
