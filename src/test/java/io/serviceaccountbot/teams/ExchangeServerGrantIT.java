package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.sandbox.SimulatorControlClient;
import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.SecretNames;
import io.serviceaccountbot.tenant.SecretStore;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The article's grant on Exchange Server, through the runner: on the sandbox's default flavour, {@code
 * exchange-server}, every Exchange cmdlet of planning, the approved run and the verification is a job of the simulated
 * Azure Automation runbook. Nothing is asked of Exchange Server before Alex asks, nothing changes before Megan
 * approves, and afterwards svc-sync effectively holds ApplicationImpersonation through the group. The jobs each part
 * took are counted and pinned as ceilings: a job costs tens of seconds on a real worker, so planning reads together
 * ({@code ExchangeAdmin.readTogether}) and each step reads what it needs in one job.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.provisioning.step-backoff=50ms",
            "bot.teams.sends-per-thirty-seconds=1000",
            "bot.teams.sends-per-second=101"
        })
@Import(ApprovalTestSupport.class)
class ExchangeServerGrantIT {

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    ExchangeAdmin exchange;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    ApprovalTestSupport.ServiceAccounts accounts;

    @Autowired
    AccountDirectory accountsInExchangeServer;

    @Autowired
    Directory entra;

    @Autowired
    SecretStore secrets;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @Test
    void meganApprovesAndSvcSyncHoldsApplicationImpersonationThroughTheRunnersJobsUntilRevoked() throws Exception {
        accounts.withMailbox("svc-sync");
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        SimulatorControlClient control = new SimulatorControlClient(port);
        int before = completedJobs(control);

        String number = ApprovalChat.numberOn(
                chat.alexSays("grant impersonation to svc-sync because Salesforce Exchange Sync on Exchange Server"));
        FakeConnector.Call card = chat.cardPostedTo(MEGAN_CHAT, number);
        int planning = completedJobs(control) - before;
        assertThat(ApprovalChat.text(card.card()))
                .contains("Create the mail-enabled security group 'Exchange Sync Accounts'")
                .contains("Create the role group 'Exchange sync role group'");
        assertThat(exchange.roleGroup("Exchange sync role group"))
                .as("nothing changes before the approval")
                .isEmpty();

        int approved = completedJobs(control);
        List<FakeConnector.Call> calls = connector.calls();
        chat.meganClicks("approve", card, null);
        FakeConnector.Call verification = connector.await(
                call -> !calls.contains(call)
                        && call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Verification of svc-sync@example.com"),
                FakeConnector.PATIENCE);
        int running = completedJobs(control) - approved;

        assertThat(ApprovalChat.text(verification.card()))
                .contains("Holds ApplicationImpersonation")
                .contains("Through role group Exchange sync role group")
                .contains("EX01 runs Exchange Server Subscription Edition (Version 15.2 (Build 2562.17))");
        assertThat(exchange.effectiveAssignments("ApplicationImpersonation")).anySatisfy(assignment -> {
            assertThat(assignment.user()).containsIgnoringCase("svc-sync");
            assertThat(assignment.via()).isEqualTo("Exchange Sync Accounts");
        });

        awaitWatched("account:svc-sync@example.com", true);
        int watching = completedJobs(control) - approved - running;

        int beforeRevokeJobs = completedJobs(control);
        String revoke = ApprovalChat.numberOn(
                chat.alexSays("revoke impersonation from svc-sync because the Exchange Server test is over"));
        List<FakeConnector.Call> beforeRevoke = connector.calls();
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, revoke), null);
        connector.await(
                call -> !beforeRevoke.contains(call)
                        && call.method().equals("PUT")
                        && ApprovalChat.text(call.card()).contains(revoke)
                        && ApprovalChat.text(call.card()).contains("and done"),
                FakeConnector.PATIENCE);
        awaitWatched("account:svc-sync@example.com", false);
        int revoking = completedJobs(control) - beforeRevokeJobs;
        assertThat(exchange.effectiveAssignments("ApplicationImpersonation"))
                .as("revoked through the runner too")
                .noneSatisfy(assignment -> assertThat(assignment.user()).containsIgnoringCase("svc-sync"));
        System.out.printf(
                "Exchange Server grant: %d jobs to plan, %d to run and verify, %d to watch; revoke: %d in all%n",
                planning, running, watching, revoking);
        assertThat(planning)
                .as("planning reads the role, the account, the group and the role group together")
                .isPositive()
                .isLessThanOrEqualTo(2);
        assertThat(running)
                .as("each step reads what it needs in one job, a change carries its read-back, and verification is"
                        + " one job")
                .isPositive()
                .isLessThanOrEqualTo(11);
        assertThat(watching)
                .as("the drift watch reads who holds the role and the account in one job, then what the grant left")
                .isLessThanOrEqualTo(3);
        assertThat(revoking)
                .as("revoke plans in two jobs, checks them again in two when approved, then removes and checks; the"
                        + " drift watch re-reads in one what other grants share")
                .isLessThanOrEqualTo(7);
    }

    /**
     * The knowledge article from its first step, on Exchange Server: the account is a user in Active Directory made
     * with its mailbox by New-Mailbox through the runner (not in Entra ID, and without a licence), its password read
     * by the runbook from the vault by name, so it is in no job's parameters.
     */
    @Test
    void setupExchangeSyncCreatesTheAccountWithNewMailboxAndItsPasswordIsInNoJob() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        SimulatorControlClient control = new SimulatorControlClient(port);

        String number = ApprovalChat.numberOn(
                chat.alexSays("setup exchange sync for svc-onprem because Salesforce on Exchange Server"));
        FakeConnector.Call card = chat.cardPostedTo(MEGAN_CHAT, number);
        assertThat(ApprovalChat.text(card.card()))
                .contains("Create the user svc-onprem@example.com with its mailbox in Active Directory (New-Mailbox)")
                .doesNotContainIgnoringCase("licence")
                .doesNotContainIgnoringCase("usage location");
        assertThat(accountsInExchangeServer.findUser("svc-onprem@example.com"))
                .as("nothing is created before the approval")
                .isEmpty();

        List<FakeConnector.Call> calls = connector.calls();
        chat.meganClicks("approve", card, null);
        FakeConnector.Call verification = connector.await(
                call -> !calls.contains(call)
                        && call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Verification of svc-onprem@example.com"),
                FakeConnector.PATIENCE);

        String report = ApprovalChat.text(verification.card());
        assertThat(report)
                .contains("Holds ApplicationImpersonation")
                .contains("PasswordNeverExpires in Active Directory")
                .contains("The mailbox exists")
                .doesNotContain("Failed");
        assertThat(exchange.effectiveAssignments("ApplicationImpersonation"))
                .anySatisfy(assignment -> assertThat(assignment.user()).containsIgnoringCase("svc-onprem"));
        assertThat(entra.findUser("svc-onprem@example.com"))
                .as("made in Active Directory, not in Entra ID")
                .isEmpty();
        assertThat(accountsInExchangeServer.findUser("svc-onprem@example.com"))
                .hasValueSatisfying(
                        user -> assertThat(user.passwordNeverExpires()).isTrue());

        String probe = ApprovalChat.text(
                chat.alexSays("verify svc-onprem against isaiahl@example.com").card());
        assertThat(probe)
                .as("the account New-Mailbox made signs in to EWS with NTLM and impersonates")
                .contains("svc-onprem@example.com opened the inbox of isaiahl@example.com as its owner");

        String password =
                secrets.get(SecretNames.forPassword("svc-onprem")).orElseThrow().reveal();
        JsonNode history = control.runnerHistory();
        assertThat(history.toString())
                .as("the job that made the account names its password's secret")
                .contains("New-Mailbox")
                .contains(SecretNames.forPassword("svc-onprem"))
                .as("and no job's parameters hold the password")
                .doesNotContain(password);
    }

    /**
     * Impersonation limited to the mailboxes of a group: a management scope and the account's own assignment with
     * -CustomRecipientWriteScope. The card says it is less than every mailbox; afterwards the live probe opens a
     * member's mailbox and is refused another's; revoke removes exactly that assignment.
     */
    @Test
    void aGrantForAGroupReachesOnlyThatGroupsMailboxesUntilRevoked() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        exchange.ensureSecurityGroup("Sales Mailboxes");
        exchange.addGroupMember("Sales Mailboxes", "isaiahl@example.com");
        assertThat(ApprovalChat.text(
                        chat.alexSays("create service account svc-scoped").card()))
                .contains("svc-scoped@example.com");

        String number = ApprovalChat.numberOn(chat.alexSays(
                "grant impersonation to svc-scoped for group \"Sales Mailboxes\" because Salesforce for sales only"));
        FakeConnector.Call card = chat.cardPostedTo(MEGAN_CHAT, number);
        assertThat(ApprovalChat.text(card.card()))
                .contains("Create the management scope 'Mailboxes of Sales Mailboxes'")
                .contains("it may impersonate only the 1 mailbox of 'Sales Mailboxes', not every mailbox");
        List<FakeConnector.Call> calls = connector.calls();
        chat.meganClicks("approve", card, null);
        connector.await(
                call -> !calls.contains(call)
                        && call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Verification of svc-scoped@example.com"),
                FakeConnector.PATIENCE);
        assertThat(exchange.effectiveAssignments("ApplicationImpersonation"))
                .filteredOn(assignment -> assignment.user().toLowerCase().contains("svc-scoped"))
                .singleElement()
                .satisfies(assignment ->
                        assertThat(assignment.recipientScope()).isEqualTo("Mailboxes of Sales Mailboxes"));

        assertThat(ApprovalChat.text(chat.alexSays("verify svc-scoped against isaiahl@example.com")
                        .card()))
                .contains("svc-scoped@example.com opened the inbox of isaiahl@example.com as its owner");
        assertThat(ApprovalChat.text(chat.alexSays("verify svc-scoped against pattif@example.com")
                        .card()))
                .as("a mailbox outside the group stays out of reach")
                .contains("Exchange refused svc-scoped@example.com to impersonate pattif@example.com")
                .contains("ErrorImpersonateUserDenied");

        String revoke = ApprovalChat.numberOn(
                chat.alexSays("revoke impersonation from svc-scoped because the sales pilot is over"));
        FakeConnector.Call revokeCard = chat.cardPostedTo(MEGAN_CHAT, revoke);
        assertThat(ApprovalChat.text(revokeCard.card()))
                .contains("Remove the role assignment 'svc-scoped impersonation over Sales Mailboxes'");
        List<FakeConnector.Call> beforeRevoke = connector.calls();
        chat.meganClicks("approve", revokeCard, null);
        connector.await(
                call -> !beforeRevoke.contains(call)
                        && call.method().equals("PUT")
                        && ApprovalChat.text(call.card()).contains(revoke)
                        && ApprovalChat.text(call.card()).contains("and done"),
                FakeConnector.PATIENCE);
        assertThat(exchange.effectiveAssignments("ApplicationImpersonation"))
                .noneSatisfy(assignment -> assertThat(assignment.user()).containsIgnoringCase("svc-scoped"));
    }

    /**
     * Salesforce's sync limited to the sales team's mailboxes, on Exchange Server: one request creates the account in
     * Active Directory and grants it impersonation over the seeded group "Sales Team" (Patti, Lynne) only.
     */
    @Test
    void setupForAGroupMakesTheAccountAndLetsItImpersonateOnlyThatGroupsMailboxes() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();

        String number = ApprovalChat.numberOn(chat.alexSays(
                "setup exchange sync for svc-sales for group \"Sales Team\" because Salesforce for the sales team"));
        FakeConnector.Call card = chat.cardPostedTo(MEGAN_CHAT, number);
        assertThat(ApprovalChat.text(card.card()))
                .contains("Create the user svc-sales@example.com with its mailbox in Active Directory (New-Mailbox)")
                .contains("Create the management scope 'Mailboxes of Sales Team'")
                .contains("it may impersonate only the 2 mailboxes of 'Sales Team', not every mailbox")
                .doesNotContain("Exchange sync role group");
        List<FakeConnector.Call> calls = connector.calls();
        chat.meganClicks("approve", card, null);
        connector.await(
                call -> !calls.contains(call)
                        && call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Verification of svc-sales@example.com"),
                FakeConnector.PATIENCE);

        assertThat(exchange.effectiveAssignments("ApplicationImpersonation"))
                .filteredOn(assignment -> assignment.user().toLowerCase().contains("svc-sales"))
                .singleElement()
                .satisfies(assignment -> assertThat(assignment.recipientScope()).isEqualTo("Mailboxes of Sales Team"));
        assertThat(ApprovalChat.text(chat.alexSays("verify svc-sales against pattif@example.com")
                        .card()))
                .contains("svc-sales@example.com opened the inbox of pattif@example.com as its owner");
        assertThat(ApprovalChat.text(chat.alexSays("verify svc-sales against isaiahl@example.com")
                        .card()))
                .as("a mailbox outside the sales team stays out of reach")
                .contains("Exchange refused svc-sales@example.com to impersonate isaiahl@example.com");
    }

    /**
     * Salesforce's Exchange Online set-up asked of Exchange Server, which has no RBAC for Applications: the bot says
     * so, changes nothing, and offers the set-up that fits.
     */
    @Test
    void salesforcesExchangeOnlineSetupIsAnsweredWithTheServiceAccountWay() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        List<FakeConnector.Call> before = connector.calls();

        String answer = ApprovalChat.text(
                chat.alexSays("setup exchange sync for group \"Sales Team\"").body());

        assertThat(answer)
                .contains("this organisation runs Exchange Server, which has no RBAC for Applications")
                .contains("setup exchange sync for svc-sync for group \"Sales Team\"");
        assertThat(connector.calls().subList(before.size(), connector.calls().size()))
                .as("no approval request reaches Megan (the earlier tests' cards may still be updated)")
                .noneSatisfy(call -> assertThat(call.path() + " " + call.body())
                        .contains(MEGAN_CHAT)
                        .contains("Sales Team"));
    }

    /**
     * Granting through an existing group of Exchange Server's, which Graph cannot list: the card names the members
     * Exchange lists, who would gain access with the account.
     */
    @Test
    void aGrantThroughAnExistingGroupShowsTheMembersExchangeLists() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        assertThat(ApprovalChat.text(
                        chat.alexSays("create service account svc-via").card()))
                .contains("svc-via@example.com");

        String number = ApprovalChat.numberOn(chat.alexSays(
                "grant impersonation to svc-via via group \"Sales Team\" because a group the sales team shares"));
        FakeConnector.Call card = chat.cardPostedTo(MEGAN_CHAT, number);

        assertThat(ApprovalChat.text(card.card()))
                .as("the people Exchange lists by address, by their names in Entra ID")
                .contains("Patti Fernandez and Lynne Robbins");
        chat.meganClicks("reject", card, "not the whole sales team");
    }

    @Test
    void onExchangeServer2019TheReportSaysItIsOutOfSupport() throws Exception {
        accounts.withMailbox("svc-old");
        SimulatorControlClient control = new SimulatorControlClient(port);
        control.runnerServer("EX19", "Version 15.2 (Build 1748.10)");
        try {
            String report = ApprovalChat.text(
                    new ApprovalChat(connector, port).alexSays("verify svc-old").card());

            assertThat(report)
                    .contains("EX19 runs Exchange Server 2019 (Version 15.2 (Build 1748.10)), out of support since 14"
                            + " October 2025");
        } finally {
            control.runnerServer("EX01", "Version 15.2 (Build 2562.17)");
        }
    }

    /** Waits until the drift watch has recorded the grant, or, after its revoke, stopped watching it. */
    private void awaitWatched(String subject, boolean watched) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plus(FakeConnector.PATIENCE);
        while ((jdbc.sql("select count(*) from watched_grant where subject = :subject")
                                .param("subject", subject)
                                .query(Long.class)
                                .single()
                        > 0)
                != watched) {
            assertThat(java.time.Instant.now())
                    .as("waiting for the watch of " + subject)
                    .isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static int completedJobs(SimulatorControlClient control) {
        JsonNode jobs = control.runner().path("jobs");
        return jobs.path("Completed").asInt(0);
    }
}
