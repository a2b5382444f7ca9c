package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drift on the simulated tenant's default Exchange Server: Alex's grant of ApplicationImpersonation is approved and
 * runs, and the bot keeps what it left as approved. An admin then adds Patti to the grant's role group by hand, outside
 * the bot: within the check interval Alex, and the approvals channel, get one card saying the access grew, with "Restore as approved" and
 * "Accept", and the audit log records it once however often the bot checks again. Restore opens a request that Megan
 * approves, and its run takes Patti out again. On another grant, Accept is refused to Alex (no approver), refused for
 * a card whose drift has changed, and taken from Megan: the tenant as it is becomes what is approved, audited.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.mailbox-delay=100ms",
            "bot.provisioning.step-backoff=50ms",
            "bot.provisioning.run-poll-interval=1s",
            "bot.governance.drift-check-interval=2s",
            "bot.teams.approvals-channel=" + ApprovalConversationIT.CHANNEL,
            "bot.teams.sends-per-thirty-seconds=1000",
            "bot.teams.sends-per-second=100"
        })
@Import(ApprovalTestSupport.class)
class DriftIT {

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
    AccountDirectory directory;

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
    void aMemberAddedToTheRoleGroupByHandIsPostedOnceAndRestoredThroughAnApproval() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        accounts.withMailbox("svc-drift");
        String roleGroup = "Drift Test Impersonation";
        String grant = chat.approvedByMegan(
                approvals, "grant impersonation to svc-drift in role group \"" + roleGroup + "\" because drift");
        String subject = "account:svc-drift@example.com";
        Eventually.holds(() -> watched(subject), "the grant is under watch");
        List<String> approvedMembers =
                exchange.roleGroup(roleGroup).orElseThrow().members();

        exchange.addRoleGroupMember(roleGroup, "pattif");

        FakeConnector.Call drift = awaitCardInAlexsChat("Mailbox access grew outside the bot", "svc-drift");
        String card = ApprovalChat.text(drift.card());
        assertThat(card)
                .contains("ApplicationImpersonation of svc-drift@example.com (approved in " + grant)
                .contains("The members of role group '" + roleGroup + "': added outside the bot: pattif@example.com")
                .contains("Restore as approved")
                .contains("Accept");
        assertThat(ApprovalChat.text(connector
                        .await(
                                call -> call.path()
                                                .endsWith("/conversations/" + ApprovalConversationIT.CHANNEL
                                                        + "/activities")
                                        && ApprovalChat.text(call.card())
                                                .contains("Mailbox access grew outside the bot"),
                                PATIENCE)
                        .card()))
                .as("the approvals channel is told too")
                .contains("svc-drift@example.com");
        Instant posted = Instant.now();
        Eventually.holds(() -> checksSince(subject, posted), "two more checks after the card");
        assertThat(cardsInAlexsChat("Mailbox access grew outside the bot", "svc-drift"))
                .as("posted once, however often the bot checks")
                .hasSize(1);
        assertThat(auditActions("svc-drift@example.com")).containsOnlyOnce("drift.found widened");

        ObjectNode data = (ObjectNode) drift.card().path("actions").path(0).path("data");
        JsonNode sent = chat.invokeWith(Activities.ALEX, "Alex Wilber", "restore-grant", data, drift.activityId());
        assertThat(sent.toString()).doesNotContain("Only");
        FakeConnector.Call request = connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("restore svc-drift@example.com as approved"),
                PATIENCE);
        String number = ApprovalChat.numberOn(request);
        assertThat(ApprovalChat.text(request.card()))
                .contains("Remove pattif@example.com from role group '" + roleGroup + "' (added outside the bot)");
        assertThat(exchange.roleGroup(roleGroup).orElseThrow().members())
                .as("nothing changes before an approver approves")
                .anySatisfy(member -> assertThat(member).containsIgnoringCase("pattif"));

        int version = approvals.find(new RequestId(number)).orElseThrow().cardVersion();
        chat.invoke(Activities.MEGAN, "Megan Bowen", "approve", number, version, null);

        Eventually.holds(
                () -> exchange.roleGroup(roleGroup).orElseThrow().members().stream()
                        .noneMatch(member -> member.toLowerCase().contains("pattif")),
                "Patti is out of the role group again");
        assertThat(exchange.roleGroup(roleGroup).orElseThrow().members()).isEqualTo(approvedMembers);
        Eventually.holds(() -> !drifted(subject), "the grant is as approved again");
    }

    @Test
    void onlyAnApproverAcceptsADriftAndOnlyTheDriftOnTheCard() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        accounts.withMailbox("svc-accepted");
        String roleGroup = "Accept Test Impersonation";
        chat.approvedByMegan(
                approvals, "grant impersonation to svc-accepted in role group \"" + roleGroup + "\" because drift");
        String subject = "account:svc-accepted@example.com";
        Eventually.holds(() -> watched(subject), "the grant is under watch");

        exchange.addRoleGroupMember(roleGroup, "pattif");
        FakeConnector.Call drift = awaitCardInAlexsChat("Mailbox access grew outside the bot", "svc-accepted");
        ObjectNode data = (ObjectNode) drift.card().path("actions").path(1).path("data");

        String listed = ApprovalChat.text(chat.alexSays("drift").card());
        assertThat(listed)
                .contains("ApplicationImpersonation of svc-accepted@example.com")
                .contains("added outside the bot: pattif@example.com")
                .contains("restore svc-accepted@example.com as approved");

        assertThat(chat.invokeWith(Activities.ALEX, "Alex Wilber", "accept-drift", data, drift.activityId())
                        .toString())
                .contains("Only an approver can accept a drift");

        ObjectNode stale = data.deepCopy();
        stale.put("drift", "0000");
        assertThat(chat.invokeWith(Activities.MEGAN, "Megan Bowen", "accept-drift", stale, drift.activityId())
                        .toString())
                .contains("has changed since this card, so nothing was accepted");

        assertThat(chat.invokeWith(Activities.MEGAN, "Megan Bowen", "accept-drift", data, drift.activityId())
                        .toString())
                .contains("Accepted: ApplicationImpersonation of svc-accepted@example.com as it is now");
        assertThat(auditActions("svc-accepted@example.com")).contains("drift.accepted accepted");
        Instant accepted = Instant.now();
        Eventually.holds(() -> checksSince(subject, accepted), "two more checks after the acceptance");
        assertThat(drifted(subject)).as("Patti's membership is approved now").isFalse();
        assertThat(exchange.roleGroup(roleGroup).orElseThrow().members())
                .anySatisfy(member -> assertThat(member).containsIgnoringCase("pattif"));
    }

    @Test
    void anAccountWhosePasswordWasSetToExpireIsPostedAsBrokenAndSetBackThroughTheTypedRestore() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        accounts.withMailbox("svc-expiring");
        DirectoryUser user = directory.findUser("svc-expiring@example.com").orElseThrow();
        directory.setPasswordPolicies(user.id(), Set.of(DirectoryUser.DISABLE_PASSWORD_EXPIRATION));
        chat.approvedByMegan(
                approvals,
                "grant impersonation to svc-expiring in role group \"Expiry Test Impersonation\" because drift");
        String subject = "account:svc-expiring@example.com";
        Eventually.holds(() -> watched(subject), "the grant is under watch");
        assertThat(directory.findUser("svc-expiring@example.com").orElseThrow().passwordNeverExpires())
                .isTrue();

        directory.setPasswordPolicies(user.id(), Set.of());

        String card =
                ApprovalChat.text(awaitCardInAlexsChat("Mailbox access differs from what was approved", "svc-expiring")
                        .card());
        assertThat(card).contains("The account svc-expiring@example.com: its password can expire again");
        assertThat(auditActions("svc-expiring@example.com")).containsExactly("drift.found narrowed");

        FakeConnector.Call request = chat.alexSays("restore svc-expiring as approved because the sync must not stop");
        String number = ApprovalChat.numberOn(request);
        assertThat(ApprovalChat.text(request.card()))
                .contains("Set the password of svc-expiring@example.com never to expire again");
        int version = approvals.find(new RequestId(number)).orElseThrow().cardVersion();
        chat.invoke(Activities.MEGAN, "Megan Bowen", "approve", number, version, null);

        Eventually.holds(
                () -> directory
                        .findUser("svc-expiring@example.com")
                        .orElseThrow()
                        .passwordNeverExpires(),
                "its password never expires again");
        Eventually.holds(() -> !drifted(subject), "the grant is as approved again");
    }

    private boolean watched(String subject) {
        return jdbc.sql("select count(*) from watched_grant where subject = :subject")
                        .param("subject", subject)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private boolean drifted(String subject) {
        return jdbc.sql("select drift from watched_grant where subject = :subject")
                        .param("subject", subject)
                        .query(String.class)
                        .optional()
                        .orElse(null)
                != null;
    }

    /** Whether the grant was checked at least twice since then: its check time moved past it by an interval. */
    private boolean checksSince(String subject, Instant since) {
        Instant checked = jdbc.sql("select checked_at from watched_grant where subject = :subject")
                .param("subject", subject)
                .query((rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class))
                .optional()
                .map(java.time.OffsetDateTime::toInstant)
                .orElse(Instant.EPOCH);
        return checked.isAfter(since.plusSeconds(2));
    }

    private List<String> auditActions(String target) {
        return jdbc.sql("select action || ' ' || outcome from audit_entry where target = :target and action like"
                        + " 'drift.%' order by seq")
                .param("target", target)
                .query(String.class)
                .list();
    }

    private FakeConnector.Call awaitCardInAlexsChat(String heading, String account) throws Exception {
        return connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains(heading)
                        && ApprovalChat.text(call.card()).contains(account),
                PATIENCE);
    }

    private List<FakeConnector.Call> cardsInAlexsChat(String heading, String account) {
        return connector.calls().stream()
                .filter(call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains(heading)
                        && ApprovalChat.text(call.card()).contains(account))
                .toList();
    }
}
