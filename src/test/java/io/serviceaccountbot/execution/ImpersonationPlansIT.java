package io.serviceaccountbot.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.execution.ApprovedPlans.Executed;
import io.serviceaccountbot.plans.PlanPreview;
import io.serviceaccountbot.plans.Plans;
import io.serviceaccountbot.plans.StepOutcome;
import io.serviceaccountbot.plans.StepOutcome.Status;
import io.serviceaccountbot.sandbox.SimulatorControlClient;
import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.EffectiveAssignment;
import io.serviceaccountbot.tenant.MailboxAccounts;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The knowledge article's procedure as approved plans, on the simulated tenant's default Exchange Server (each cmdlet a
 * job of the simulated runner), where ApplicationImpersonation exists: what the plan says before
 * approval, what it does once approved, that doing it again changes nothing, that a failure halfway is finished by
 * asking again, and that revoking leaves the shared role group to the others. Each test uses its own accounts, groups
 * and role groups, because the tests share one simulated tenant.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.mailbox-delay=500ms",
            "bot.provisioning.step-backoff=50ms",
            "bot.provisioning.graph-timeout=2s",
            "bot.provisioning.graph-max-retry-wait=1s"
        })
@Import(PlanReports.class)
class ImpersonationPlansIT {

    static final String ROLE = "ApplicationImpersonation";
    static final String ISAIAH = "00000000-0000-0000-0000-0000000000023";

    @Autowired
    Plans plans;

    @Autowired
    Approvals approvals;

    @Autowired
    PlanReports reports;

    @Autowired
    Directory directory;

    @Autowired
    ExchangeAdmin exchange;

    @Autowired
    AccountDirectory activeDirectory;

    @LocalServerPort
    int port;

    ApprovedPlans requests;
    MailboxAccounts accounts;
    SimulatorControlClient control;

    @BeforeEach
    void setUp() {
        requests = new ApprovedPlans(plans, approvals, reports);
        accounts = new MailboxAccounts(directory);
        control = new SimulatorControlClient(port);
    }

    @AfterEach
    void noFaultsLeft() {
        control.clearFaults();
    }

    @Test
    void thePlanOfGrantImpersonationListsTheArticlesStepsForTheAccountByItsSignInName() {
        PlanPreview.Ready plan = requests.ready("grant impersonation to isaiahl");

        assertThat(plan.title()).isEqualTo("Grant ApplicationImpersonation to isaiahl@example.com");
        assertThat(plan.steps().get(1))
                .as("the default group, which other tests of the shared tenant may have filled already; its members"
                        + " are then named, as they gain the role too")
                .matches("Create the mail-enabled security group 'Exchange Sync Accounts'|Use the existing"
                        + " mail-enabled security group 'Exchange Sync Accounts'; its \\d+ members? gains?"
                        + " ApplicationImpersonation too: .+");
        assertThat(plan.steps())
                .containsExactly(
                        "Check that isaiahl@example.com is enabled and has a mailbox",
                        plan.steps().get(1),
                        "Add isaiahl@example.com to it",
                        "Create the role group 'Exchange sync role group' with the role ApplicationImpersonation and"
                                + " the member 'Exchange Sync Accounts'",
                        "Check that isaiahl@example.com effectively holds ApplicationImpersonation");
        assertThat(plan.target()).isEqualTo("isaiahl@example.com");
        assertThat(plan.targetObjectId())
                .as("so Isaiah cannot approve his own access")
                .isEqualTo(ISAIAH);
    }

    @Test
    void theGroupAndRoleGroupTheAdminNamesReplaceTheDefaults() {
        PlanPreview.Ready plan = requests.ready(
                "plan grant impersonation to isaiahl@example.com via group \"Sales Sync\" in role group \"Sales RG\"");

        assertThat(plan.steps())
                .contains(
                        "Create the mail-enabled security group 'Sales Sync'",
                        "Create the role group 'Sales RG' with the role ApplicationImpersonation and the member"
                                + " 'Sales Sync'");
    }

    @Test
    void anAccountThatDoesNotExistIsRefusedWithSetupAsTheWayToMakeIt() {
        PlanPreview preview = requests.preview("grant impersonation to svc-nobody-here");

        assertThat(preview).isInstanceOfSatisfying(PlanPreview.Refused.class, refused -> {
            assertThat(refused.reason()).contains("no account svc-nobody-here");
            assertThat(refused.alternative()).isEqualTo("setup exchange sync for svc-nobody-here");
        });
    }

    @Test
    void anApprovedGrantMakesTheGroupAndTheRoleGroupAndTheAccountHoldsTheRole() {
        DirectoryUser svc = accounts.withMailbox("svc-plan-grant");

        Executed run = requests.approveAndRun(
                "grant impersonation to svc-plan-grant via group \"Grant Accounts\" in role group \"Grant RG\"");

        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        assertThat(run.request().status()).isEqualTo(RequestStatus.DONE);
        assertThat(run.report().steps()).extracting(StepOutcome::status).containsOnly(Status.DONE);
        assertThat(exchange.securityGroup("Grant Accounts").orElseThrow().members())
                .containsExactly("svc-plan-grant@example.com");
        assertThat(exchange.roleGroup("Grant RG").orElseThrow())
                .isEqualTo(new ExchangeAdmin.RoleGroup("Grant RG", List.of(ROLE), List.of("Grant Accounts")));
        assertThat(exchange.effectiveAssignments(ROLE))
                .contains(new EffectiveAssignment(ROLE, svc.mailNickname(), "Grant RG", "Grant Accounts"));
        assertThat(run.report().steps().get(run.report().steps().size() - 1).text())
                .isEqualTo("svc-plan-grant@example.com holds ApplicationImpersonation through the role group"
                        + " 'Grant RG', as a member of 'Grant Accounts'");
    }

    @Test
    void grantingTheSameAgainMakesNoSecondGroupRoleGroupOrMembership() {
        accounts.withMailbox("svc-plan-twice");
        String command =
                "grant impersonation to svc-plan-twice via group \"Twice Accounts\" in role group \"Twice RG\"";

        Executed first = requests.approveAndRun(command);
        Executed second = requests.approveAndRun(command);

        assertThat(first.report().succeeded()).isTrue();
        assertThat(second.report().succeeded()).as(second.report().toString()).isTrue();
        assertThat(second.report().steps())
                .extracting(StepOutcome::status)
                .containsExactly(
                        Status.DONE, Status.ALREADY_DONE, Status.ALREADY_DONE, Status.ALREADY_DONE, Status.DONE);
        assertThat(exchange.securityGroup("Twice Accounts").orElseThrow().members())
                .containsExactly("svc-plan-twice@example.com");
        assertThat(exchange.roleGroup("Twice RG").orElseThrow().members()).containsExactly("Twice Accounts");
        assertThat(exchange.effectiveAssignments(ROLE))
                .filteredOn(holder -> holder.user().equals("svc-plan-twice"))
                .hasSize(1);
    }

    @Test
    void whenExchangeFailsHalfwayThePlanStopsSaysWhyAndAskingAgainFinishesIt() {
        accounts.withMailbox("svc-plan-outage");
        String command =
                "grant impersonation to svc-plan-outage via group \"Outage Accounts\" in role group \"Outage RG\"";
        control.exchangeFails("New-RoleGroup", 503, 100);

        Executed failed = requests.approveAndRun(command);

        assertThat(failed.request().status()).isEqualTo(RequestStatus.FAILED);
        assertThat(failed.request().outcome()).contains("stopped", "Outage RG");
        assertThat(failed.report().steps())
                .extracting(StepOutcome::status)
                .containsExactly(Status.DONE, Status.DONE, Status.DONE, Status.FAILED, Status.SKIPPED);
        StepOutcome stopped = failed.report().steps().get(3);
        assertThat(stopped.text()).contains("Outage RG", "tried 3 times");
        assertThat(stopped.fix()).contains("again");
        assertThat(exchange.roleGroup("Outage RG")).isEmpty();

        control.clearFaults();
        Executed again = requests.approveAndRun(command);

        assertThat(again.report().succeeded()).as(again.report().toString()).isTrue();
        assertThat(again.report().steps())
                .extracting(StepOutcome::status)
                .containsExactly(Status.DONE, Status.ALREADY_DONE, Status.ALREADY_DONE, Status.DONE, Status.DONE);
        assertThat(exchange.securityGroup("Outage Accounts").orElseThrow().members())
                .containsExactly("svc-plan-outage@example.com");
        assertThat(exchange.roleGroup("Outage RG").orElseThrow().members()).containsExactly("Outage Accounts");
    }

    @Test
    void aShortExchangeOutageIsRiddenOutByTryingTheStepAgain() {
        accounts.withMailbox("svc-plan-blip");
        control.exchangeFails("Add-DistributionGroupMember", 503, 2);

        Executed run = requests.approveAndRun(
                "grant impersonation to svc-plan-blip via group \"Blip Accounts\" in role group \"Blip RG\"");

        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        assertThat(exchange.securityGroup("Blip Accounts").orElseThrow().members())
                .containsExactly("svc-plan-blip@example.com");
    }

    @Test
    void aRoleGroupThatExistsWithoutTheRoleIsLeftAloneAndThePlanSaysHowToFixIt() {
        accounts.withMailbox("svc-plan-norole");
        exchange.ensureRoleGroup("Helpers RG", List.of("Mail Recipients"), List.of());

        Executed run = requests.approveAndRun("grant impersonation to svc-plan-norole in role group \"Helpers RG\"");

        assertThat(run.request().status()).isEqualTo(RequestStatus.FAILED);
        StepOutcome failed = run.report().steps().stream()
                .filter(step -> step.status() == Status.FAILED)
                .findFirst()
                .orElseThrow();
        assertThat(failed.text()).contains("'Helpers RG' exists but does not have the role ApplicationImpersonation");
        assertThat(failed.fix()).contains("add ApplicationImpersonation to 'Helpers RG'");
        assertThat(exchange.roleGroup("Helpers RG").orElseThrow())
                .isEqualTo(new ExchangeAdmin.RoleGroup("Helpers RG", List.of("Mail Recipients"), List.of()));
    }

    @Test
    void aRoleGroupWithTheRoleButWithoutTheGroupGetsTheGroupAsMember() {
        accounts.withMailbox("svc-plan-member");
        exchange.ensureRoleGroup("Bare RG", List.of(ROLE), List.of());

        Executed run = requests.approveAndRun(
                "grant impersonation to svc-plan-member via group \"Member Accounts\" in role group \"Bare RG\"");

        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        assertThat(run.report().steps().get(3).text())
                .isEqualTo("The role group 'Bare RG' existed with ApplicationImpersonation; added the member"
                        + " Member Accounts");
        assertThat(exchange.roleGroup("Bare RG").orElseThrow().members()).containsExactly("Member Accounts");
    }

    @Test
    void revokingTakesTheAccountOutOfTheGroupKeepsTheSharedRoleGroupAndSaysWhoStillHoldsTheRole() {
        accounts.withMailbox("svc-plan-leaves");
        accounts.withMailbox("svc-plan-stays");
        requests.approveAndRun(
                "grant impersonation to svc-plan-leaves via group \"Shared Accounts\" in role group \"Shared RG\"");
        requests.approveAndRun(
                "grant impersonation to svc-plan-stays via group \"Shared Accounts\" in role group \"Shared RG\"");

        PlanPreview.Ready plan = requests.ready("revoke impersonation from svc-plan-leaves");
        Executed run = requests.approveAndRun("revoke impersonation from svc-plan-leaves because no longer needed");

        assertThat(plan.steps())
                .containsExactly(
                        "Remove svc-plan-leaves@example.com from the mail-enabled security group 'Shared Accounts'",
                        "Check that svc-plan-leaves@example.com no longer holds ApplicationImpersonation, and keep the"
                                + " role group 'Shared RG' for whoever else is in it");
        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        assertThat(run.report().steps().get(1).text())
                .startsWith("svc-plan-leaves@example.com no longer holds ApplicationImpersonation. The role group"
                        + " 'Shared RG' stays. Still holding ApplicationImpersonation: ")
                .contains("svc-plan-stays (through 'Shared RG' via 'Shared Accounts')");
        assertThat(exchange.roleGroup("Shared RG").orElseThrow())
                .isEqualTo(new ExchangeAdmin.RoleGroup("Shared RG", List.of(ROLE), List.of("Shared Accounts")));
        assertThat(exchange.securityGroup("Shared Accounts").orElseThrow().members())
                .containsExactly("svc-plan-stays@example.com");
        assertThat(exchange.effectiveAssignments(ROLE))
                .extracting(EffectiveAssignment::user)
                .contains("svc-plan-stays")
                .doesNotContain("svc-plan-leaves");
    }

    @Test
    void revokingFromADirectMemberRemovesItFromTheRoleGroupOnly() {
        accounts.withMailbox("svc-plan-direct");
        exchange.ensureRoleGroup("Direct RG", List.of(ROLE), List.of("svc-plan-direct@example.com"));

        Executed run = requests.approveAndRun("revoke impersonation from svc-plan-direct@example.com");

        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        assertThat(run.report().steps().get(0).text())
                .isEqualTo("Removed svc-plan-direct@example.com from the role group 'Direct RG'");
        assertThat(exchange.roleGroup("Direct RG").orElseThrow())
                .isEqualTo(new ExchangeAdmin.RoleGroup("Direct RG", List.of(ROLE), List.of()));
    }

    @Test
    void revokingFromSomeoneWhoDoesNotHoldTheRoleIsRefusedAsNothingToDo() {
        PlanPreview preview = requests.preview("revoke impersonation from lynner");

        assertThat(preview)
                .isInstanceOfSatisfying(
                        PlanPreview.Refused.class,
                        refused -> assertThat(refused.reason())
                                .isEqualTo(
                                        "lynner@example.com does not hold ApplicationImpersonation, so there is nothing to"
                                                + " revoke."));
    }

    @Test
    void thePlanOfSetupExchangeSyncIsTheArticleEndToEnd() {
        PlanPreview.Ready plan = requests.ready("plan setup exchange sync for svc-plan-preview");

        assertThat(plan.title()).isEqualTo("Set up Exchange sync for svc-plan-preview@example.com");
        assertThat(plan.steps())
                .containsExactly(
                        "Create the user svc-plan-preview@example.com with its mailbox in Active Directory"
                                + " (New-Mailbox), enabled and with no password change at next logon, its password"
                                + " kept in the secret store",
                        "Set its password never to expire unless it is so already",
                        plan.steps().get(2),
                        "Add svc-plan-preview@example.com to it",
                        "Create the role group 'Exchange sync role group' with the role ApplicationImpersonation and"
                                + " the member 'Exchange Sync Accounts'",
                        "Check that svc-plan-preview@example.com effectively holds ApplicationImpersonation");
        assertThat(plan.target()).isEqualTo("svc-plan-preview@example.com");
        assertThat(plan.targetObjectId()).isNull();
        assertThat(directory.findUser("svc-plan-preview@example.com"))
                .as("a plan changes nothing")
                .isEmpty();
    }

    @Test
    void setupExchangeSyncCreatesTheAccountWithItsMailboxAndGivesItImpersonation() {
        Executed run = requests.approveAndRun("setup exchange sync for svc-plan-setup because Salesforce sync");

        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        assertThat(run.request().status()).isEqualTo(RequestStatus.DONE);
        assertThat(run.report().steps().get(0).text())
                .startsWith("Created svc-plan-setup@example.com")
                .endsWith("with its mailbox, in Active Directory");
        assertThat(run.report().secretLocation()).contains("svc-plan-setup-password");
        DirectoryUser created =
                activeDirectory.findUser("svc-plan-setup@example.com").orElseThrow();
        assertThat(created.accountEnabled()).isTrue();
        assertThat(created.passwordNeverExpires()).isTrue();
        assertThat(run.report().steps())
                .extracting(StepOutcome::text)
                .contains("The password never expires (set when the account was created)");
        assertThat(created.exchangePlanEnabled()).isTrue();
        assertThat(exchange.securityGroup("Exchange Sync Accounts")
                        .orElseThrow()
                        .members())
                .contains("svc-plan-setup@example.com");
        assertThat(exchange.roleGroup("Exchange sync role group").orElseThrow().roles())
                .containsExactly(ROLE);
        assertThat(exchange.effectiveAssignments(ROLE))
                .contains(new EffectiveAssignment(
                        ROLE, "svc-plan-setup", "Exchange sync role group", "Exchange Sync Accounts"));

        Executed again = requests.approveAndRun("setup exchange sync for svc-plan-setup");

        assertThat(again.report().succeeded()).as(again.report().toString()).isTrue();
        assertThat(again.report().steps().get(0).text())
                .isEqualTo("svc-plan-setup@example.com exists already: this bot created it earlier");
        assertThat(activeDirectory.findUsersByUpnOrAlias("svc-plan-setup@example.com", "svc-plan-setup"))
                .hasSize(1);
        assertThat(exchange.securityGroup("Exchange Sync Accounts")
                        .orElseThrow()
                        .members())
                .filteredOn("svc-plan-setup@example.com"::equals)
                .hasSize(1);
    }

    @Test
    void setupUsesAnExistingAccountItDidNotCreateWithoutTouchingItsPassword() {
        accounts.withMailbox("svc-plan-existing");

        PlanPreview.Ready plan = requests.ready("setup exchange sync for svc-plan-existing");
        Executed run = requests.approveAndRun("setup exchange sync for svc-plan-existing");

        assertThat(plan.steps().get(0)).isEqualTo("Use the existing account svc-plan-existing@example.com");
        assertThat(plan.targetObjectId()).isNotNull();
        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        assertThat(run.report().steps().get(0).text())
                .isEqualTo("Using the existing account svc-plan-existing@example.com (Test svc-plan-existing); its"
                        + " password is left as it is");
        assertThat(run.report().secretLocation()).isNull();
    }

    @Test
    void setupMakesTheAdoptedAccountsPasswordNeverExpireOnce() {
        DirectoryUser existing = accounts.withMailbox("svc-plan-expiring");

        Executed run = requests.approveAndRun("setup exchange sync for svc-plan-expiring");
        Executed again = requests.approveAndRun("setup exchange sync for svc-plan-expiring");

        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        assertThat(run.report().steps().get(1)).isEqualTo(StepOutcome.done("Password set never to expire"));
        assertThat(run.report().steps().get(2))
                .isEqualTo(StepOutcome.done("svc-plan-expiring@example.com is enabled and has a mailbox"));
        assertThat(activeDirectory.findUser(existing.id()).orElseThrow().passwordNeverExpires())
                .isTrue();
        assertThat(again.report().steps().get(1))
                .isEqualTo(StepOutcome.alreadyDone("The password never expires already"));
    }
}
