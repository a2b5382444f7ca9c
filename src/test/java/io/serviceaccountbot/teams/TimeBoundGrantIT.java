package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A time-bound grant on the simulated tenant's default Exchange Server: Alex asks for ApplicationImpersonation for 1
 * minute, the card says how long it lasts, Megan approves, and after the report Alex is told when it ends; before it
 * ends Alex is warned and may extend it (a new request, which only he may ask for from the warning); a minute later
 * the bot revokes it by itself, under the grant's approval (the extension is not approved yet), tells Alex with the
 * revoke's report, and the audit log records both. A grant longer than the bot allows is refused before anyone is asked.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.mailbox-delay=100ms",
            "bot.provisioning.step-backoff=50ms",
            "bot.provisioning.run-poll-interval=1s",
            "bot.governance.max-grant=30d",
            "bot.teams.sends-per-thirty-seconds=1000",
            "bot.teams.sends-per-second=100"
        })
@Import(ApprovalTestSupport.class)
class TimeBoundGrantIT {

    static final String ROLE = "ApplicationImpersonation";

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
    void aGrantForOneMinuteIsRevokedByItselfWhenTheMinuteIsOver() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        accounts.withMailbox("svc-brief");

        FakeConnector.Call reply =
                chat.alexSays("grant impersonation to svc-brief for 1 minute because trying a grant that ends");
        String number = ApprovalChat.numberOn(reply);
        assertThat(ApprovalChat.text(reply.card()))
                .contains("grant impersonation to svc-brief for 1 minute")
                .contains("1 minute from when it is carried out; then I revoke it, under this approval");

        int version = approvals.find(new RequestId(number)).orElseThrow().cardVersion();
        chat.invoke(Activities.MEGAN, "Megan Bowen", "approve", number, version, null);

        String told = awaitInAlexsChat("The grant of **" + number + "** lasts 1 minute", Duration.ofSeconds(30));
        assertThat(told).contains("I will take ApplicationImpersonation away from svc-brief@example.com on");
        assertThat(exchange.effectiveAssignments(ROLE))
                .as("granted for now")
                .anySatisfy(holder -> assertThat(holder.user()).containsIgnoringCase("svc-brief"));

        String warned = awaitInAlexsChat("Your grant ends soon", Duration.ofSeconds(90));
        assertThat(warned)
                .contains("ApplicationImpersonation of svc-brief@example.com ends on")
                .contains("(request **" + number + "**)")
                .contains("Extend for 1 minute");
        assertThat(chat.invoke(Activities.MEGAN, "Megan Bowen", "extend", number, 0, null)
                        .toString())
                .as("only the requester may extend")
                .contains("Only Alex Wilber, who asked for request " + number + ", can extend it. Nothing changed.");
        chat.invoke(Activities.ALEX, "Alex Wilber", "extend", number, 0, null);
        String extension = awaitInAlexsChat("extends " + number + ": trying a grant that ends", Duration.ofSeconds(30));
        assertThat(extension).contains("grant impersonation to svc-brief for 1 minute");

        String revoked = awaitInAlexsChat(
                "The grant of " + number + " ended: revoke ApplicationImpersonation from svc-brief@example.com",
                Duration.ofSeconds(120));
        assertThat(revoked).doesNotContain("Failed");
        assertThat(exchange.effectiveAssignments(ROLE))
                .as("revoked by itself")
                .noneSatisfy(holder -> assertThat(holder.user()).containsIgnoringCase("svc-brief"));
        assertThat(jdbc.sql("select action || ' ' || outcome from audit_entry where request_number = :number"
                                + " and action like 'grant.end.%' order by seq")
                        .param("number", number)
                        .query(String.class)
                        .list())
                .containsExactly("grant.end.scheduled scheduled", "grant.end.revoked done");
    }

    @Test
    void aLaterGrantUntilRevokedCancelsTheEndAnEarlierGrantHad() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        accounts.withMailbox("svc-kept");

        String trial = chat.approvedByMegan(approvals, "grant impersonation to svc-kept for 30 days because a trial");
        awaitInAlexsChat("The grant of **" + trial + "** lasts 30 days", Duration.ofSeconds(30));
        assertThat(pendingEnds("svc-kept@example.com")).isEqualTo(1);

        String kept = chat.approvedByMegan(approvals, "grant impersonation to svc-kept because the trial went well");
        String told = awaitInAlexsChat(
                "The end that the grant of **" + trial + "** had for svc-kept@example.com no longer applies",
                Duration.ofSeconds(30));

        assertThat(told).contains("it now holds the access until someone revokes it (" + kept + ")");
        assertThat(pendingEnds("svc-kept@example.com"))
                .as("nothing will revoke it")
                .isZero();
        assertThat(exchange.effectiveAssignments(ROLE))
                .anySatisfy(holder -> assertThat(holder.user()).containsIgnoringCase("svc-kept"));
        assertThat(jdbc.sql("select action from audit_entry where request_number = :number and action like"
                                + " 'grant.end.%'")
                        .param("number", kept)
                        .query(String.class)
                        .list())
                .containsExactly("grant.end.cancelled");
    }

    @Test
    void aGrantLongerThanTheBotAllowsIsRefusedBeforeAnyoneIsAsked() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        accounts.withMailbox("svc-too-long");

        FakeConnector.Call reply =
                chat.alexSays("grant impersonation to svc-too-long for 31 days because a long migration");

        assertThat(reply.text())
                .contains("A grant may last at most 30 days here")
                .contains("31 days is longer");
        assertThat(exchange.effectiveAssignments(ROLE))
                .noneSatisfy(holder -> assertThat(holder.user()).containsIgnoringCase("svc-too-long"));
    }

    private long pendingEnds(String account) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = 'revoke-at-grant-end' and"
                        + " task_instance = :account")
                .param("account", account)
                .query(Long.class)
                .single();
    }

    private String awaitInAlexsChat(String containing, Duration patience) throws Exception {
        FakeConnector.Call call = connector.await(
                found -> found.path().contains(ALEX_CHAT)
                        && (ApprovalChat.text(found.card()).contains(containing)
                                || found.text().contains(containing)),
                patience);
        return call.text() + "\n" + ApprovalChat.text(call.card());
    }
}
