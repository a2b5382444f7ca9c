package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.sandbox.SimulatorControlClient;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.AuthorizationResult;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Changing which mailboxes Salesforce reads once its Exchange Online set-up is done, with the group found from
 * Salesforce's scope in Exchange (nobody names it): adding Isaiah widens access, so it waits for Megan's approval and
 * only then reaches him; removing Patti narrows it, so it runs at once for Alex, and lands in the audit log; {@code
 * verify exchange sync} checks the whole set-up, Alex's own mailbox standing in for the one outside the group. Each
 * test starts from the seed (Patti and Lynne in "Sales Team", Salesforce consented tenant-wide).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.exchange-flavour=exchange-online",
            "bot.provisioning.run-poll-interval=1s",
            "bot.provisioning.step-backoff=50ms",
            "bot.teams.sends-per-thirty-seconds=1000",
            "bot.teams.sends-per-second=101"
        })
@Import(ApprovalTestSupport.class)
class SalesforceSyncMembershipIT {

    static final String SALESFORCE = TenantWideConsentIT.SALESFORCE;
    static final String ISAIAH = "isaiahl@example.com";
    static final String PATTI = "pattif@example.com";

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    ExchangeAdmin exchange;

    ApprovalChat chat;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @BeforeEach
    void fromTheSeed() throws Exception {
        new SimulatorControlClient(port).reset();
        chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
    }

    @Test
    void beforeTheSetUpEveryChangeSaysSoAndSuggestsTheSetUp() throws Exception {
        String add = said(chat.alexSays("add " + ISAIAH + " to exchange sync"));
        assertThat(add)
                .contains("Salesforce's sync is not set up in this organisation")
                .contains("setup exchange sync for group \"<group of the mailboxes to sync>\"")
                .doesNotContain("Approval request");

        String remove = said(chat.alexSays("remove " + PATTI + " from exchange sync"));
        assertThat(remove).contains("Salesforce's sync is not set up in this organisation");

        String verify = said(chat.alexSays("verify exchange sync"));
        assertThat(verify)
                .contains("Salesforce's sync is not set up in this organisation")
                .doesNotContain("Every check passed");

        String dryRun = said(chat.alexSays("plan grant impersonation to svc-sync"));
        assertThat(dryRun)
                .contains("cannot be done here")
                .contains("setup exchange sync for group")
                .contains("This was a dry run: nothing was changed.")
                .doesNotContain("Approval request");
    }

    @Test
    void addingAMailboxWaitsForAnApproverAndOnlyThenSalesforceReachesIt() throws Exception {
        setUpForSalesTeam();

        String number = ApprovalChat.numberOn(
                chat.alexSays("add " + ISAIAH + " to exchange sync because Isaiah joined the sales team"));
        FakeConnector.Call card = chat.cardPostedTo(MEGAN_CHAT, number);
        assertThat(ApprovalChat.text(card.card()))
                .contains("Account\n" + ISAIAH)
                .contains("Add " + ISAIAH + " to 'Sales Team', the group whose mailboxes Salesforce reads (scope"
                        + " 'Mailboxes of Sales Team')")
                .contains("Isaiah joined the sales team");
        assertThat(reach(ISAIAH)).as("nothing is granted before the approval").containsOnly(false);

        List<FakeConnector.Call> before = connector.calls();
        chat.meganClicks("approve", card, null);
        String verification = awaitVerification(before, "Salesforce's access to the mailboxes it syncs");

        assertThat(reach(ISAIAH)).containsOnly(true);
        assertThat(verification)
                .contains("Test-ServicePrincipalAuthorization for " + ISAIAH + ": In scope for Application Mail.Read");

        String again = said(chat.alexSays("add " + ISAIAH + " to exchange sync"));
        assertThat(again).contains("Salesforce already reads " + ISAIAH).doesNotContain("Approval request");
    }

    @Test
    void removingAMailboxRunsAtOnceWithoutApprovalAndIsAudited() throws Exception {
        setUpForSalesTeam();
        assertThat(reach(PATTI)).containsOnly(true);
        String plan = said(chat.alexSays("plan remove " + PATTI + " from exchange sync"));
        assertThat(plan)
                .contains("Stop Salesforce reading the mailbox " + PATTI)
                .contains("Take " + PATTI + " out of the group");
        assertThat(reach(PATTI)).as("plan changes nothing").containsOnly(true);
        List<FakeConnector.Call> before = connector.calls();

        String report = ApprovalChat.text(
                chat.alexSays("remove " + PATTI + " from exchange sync because Patti moved to marketing")
                        .card());

        assertThat(report)
                .contains("Stop Salesforce reading the mailbox " + PATTI)
                .contains(PATTI + " left 'Sales Team'")
                .contains("Salesforce's roles no longer reach " + PATTI)
                .contains("take the Salesforce user whose mailbox is " + PATTI + " out of their Activity Capture"
                        + " configuration");
        assertThat(reach(PATTI)).containsOnly(false);
        assertThat(connector.calls().stream()
                        .filter(call -> !before.contains(call))
                        .filter(call -> call.path().contains(MEGAN_CHAT)))
                .as("no approver is asked to narrow access")
                .isEmpty();

        String audit = said(chat.alexSays("audit"));
        assertThat(audit).contains("salesforce.sync.remove").contains(PATTI);

        String twice = said(chat.alexSays("remove " + PATTI + " from exchange sync"));
        assertThat(twice)
                .contains(PATTI + " is not a member of 'Sales Team' itself")
                .contains("Salesforce's roles no longer reach " + PATTI);
    }

    @Test
    void verifyExchangeSyncFindsTheGroupFromSalesforcesScopeAndTriesTheAskersOwnMailboxOutside() throws Exception {
        setUpForSalesTeam();

        String verify = said(chat.alexSays("verify exchange sync"));

        assertThat(verify)
                .contains("Every check passed")
                .contains("'Mailboxes of Sales Team' takes in the members of 'Sales Team', with Application"
                        + " Mail.Read, Application Calendars.ReadWrite, Application Contacts.ReadWrite")
                .contains("No tenant-wide permission on mailboxes")
                .contains("Test-ServicePrincipalAuthorization for " + PATTI + ": In scope")
                .contains("alexw@example.com (yours, outside the group): Out of reach");

        String other = said(chat.alexSays("verify exchange sync for group \"Marketing\""));
        assertThat(other)
                .contains("Salesforce's app has no scope on the mailboxes of 'Marketing'; it reads the mailboxes of"
                        + " 'Sales Team'.")
                .doesNotContain("Every check passed");
    }

    private void setUpForSalesTeam() throws Exception {
        String number = ApprovalChat.numberOn(
                chat.alexSays("setup exchange sync for group \"Sales Team\" because Activity Capture for sales"));
        List<FakeConnector.Call> before = connector.calls();
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, number), null);
        awaitVerification(before, "Verification of app " + SALESFORCE + " on the mailboxes of 'Sales Team'");
    }

    /** The verification Alex gets after a run's report, posted since {@code before}; every check must pass. */
    private String awaitVerification(List<FakeConnector.Call> before, String heading) throws Exception {
        FakeConnector.Call verification = connector.await(
                call -> !before.contains(call)
                        && call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains(heading),
                FakeConnector.PATIENCE);
        String text = ApprovalChat.text(verification.card());
        assertThat(text).contains("Every check passed.");
        return text;
    }

    /** What a reply says, as text or on a card. */
    private static String said(FakeConnector.Call reply) {
        return reply.text() + "\n" + ApprovalChat.text(reply.card());
    }

    private List<Boolean> reach(String mailbox) {
        return exchange.testServicePrincipalAuthorization(SALESFORCE, mailbox).stream()
                .map(AuthorizationResult::inScope)
                .toList();
    }
}
