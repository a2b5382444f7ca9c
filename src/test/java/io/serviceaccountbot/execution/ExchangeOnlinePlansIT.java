package io.serviceaccountbot.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.Decision;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.PrivilegedCommands;
import io.serviceaccountbot.execution.ApprovedPlans.Executed;
import io.serviceaccountbot.plans.PlanPreview;
import io.serviceaccountbot.plans.Plans;
import io.serviceaccountbot.plans.ProvisioningReport;
import io.serviceaccountbot.plans.SalesforceProperties;
import io.serviceaccountbot.plans.SalesforceSyncPreviews;
import io.serviceaccountbot.plans.StepOutcome;
import io.serviceaccountbot.plans.StepOutcome.Status;
import io.serviceaccountbot.sandbox.SimulatorControlClient;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.AuthorizationResult;
import io.serviceaccountbot.tenant.MailboxPermissions;
import io.serviceaccountbot.tenant.ServicePrincipal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Exchange Online as it is today, in the simulated tenant's exchange-online flavour: ApplicationImpersonation is gone,
 * so impersonation plans are refused before anyone is asked to approve them, with the dates and the modern command
 * prefilled; and that modern command, grant app access (RBAC for Applications), puts exactly the mailboxes of one
 * group within the app's reach.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.exchange-flavour=exchange-online",
            "bot.salesforce.app-id=" + ExchangeOnlinePlansIT.APP,
            "bot.provisioning.step-backoff=50ms",
            "bot.provisioning.graph-timeout=2s",
            "bot.provisioning.graph-max-retry-wait=1s"
        })
@Import(PlanReports.class)
class ExchangeOnlinePlansIT {

    static final String APP = "5a1e5f0c-e5c0-4a5e-9c1e-00000000a5f1";
    static final String APP_OBJECT = "5e1f5a1e-0000-4000-8000-000000000001";

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

    ApprovedPlans requests;

    @LocalServerPort
    int port;

    SimulatorControlClient control;

    @BeforeEach
    void setUp() {
        requests = new ApprovedPlans(plans, approvals, reports);
        control = new SimulatorControlClient(port);
    }

    @Test
    void grantImpersonationIsRefusedBeforeApprovalWithTheDatesAndSalesforcesSetUpPrefilled() {
        PlanPreview preview = requests.preview("grant impersonation to isaiahl");

        assertThat(preview).isInstanceOfSatisfying(PlanPreview.Refused.class, refused -> {
            assertThat(refused.reason())
                    .contains("no ApplicationImpersonation role")
                    .contains("during 2024")
                    .contains("February 2025")
                    .contains("MC718754")
                    .contains("1 October 2026")
                    .contains("1 April 2027")
                    .contains("MC1227454")
                    .contains("RBAC for Applications");
            assertThat(refused.alternative())
                    .isEqualTo("setup exchange sync for group \"<group of the mailboxes to sync>\"");
        });
    }

    @Test
    void theAlternativeKeepsTheAdminsGroupAndJustificationAndParses() {
        PlanPreview preview = requests.preview(
                "grant impersonation to isaiahl via group \"Sales Sync\" because Salesforce sync for sales");

        String alternative = ((PlanPreview.Refused) preview).alternative();
        assertThat(alternative)
                .isEqualTo("setup exchange sync for group \"Sales Sync\" because Salesforce sync for sales");
        assertThat(ApprovedPlans.parse(alternative))
                .isEqualTo(new Command.SetupSalesforceSync(
                        "Sales Sync", List.of(), java.util.Optional.of("Salesforce sync for sales")));
    }

    @Test
    void setupExchangeSyncIsRefusedTooAndCreatesNoAccount() {
        PlanPreview preview = requests.preview("plan setup exchange sync for svc-eo-setup");

        assertThat(preview).isInstanceOfSatisfying(PlanPreview.Refused.class, refused -> {
            assertThat(refused.reason()).contains("MC718754", "MC1227454");
            assertThat(refused.alternative())
                    .isEqualTo("setup exchange sync for group \"<group of the mailboxes to sync>\"");
        });
        assertThat(directory.findUser("svc-eo-setup@example.com")).isEmpty();
    }

    @Test
    void revokeSaysThereIsNothingToRevokeAnyMore() {
        PlanPreview preview = requests.preview("revoke impersonation from isaiahl");

        assertThat(preview).isInstanceOfSatisfying(PlanPreview.Refused.class, refused -> {
            assertThat(refused.reason()).contains("nothing to revoke", "February 2025");
            assertThat(refused.alternative()).isNull();
        });
    }

    @Test
    void anImpersonationRequestApprovedAnywayStopsWhenItRunsAndChangesNothing() {
        ApprovalRequest opened = approvals.open(new ApprovalRequest.Draft(
                PrivilegedCommands.parse("grant impersonation to isaiahl"),
                List.of("Create the role group 'Exchange sync role group' with the role ApplicationImpersonation"),
                ApprovedPlans.ALEX,
                "isaiahl@example.com",
                "00000000-0000-0000-0000-0000000000023",
                "opened before the organisation changed"));
        approvals.decide(opened.number(), ApprovedPlans.MEGAN, Decision.Verdict.APPROVE, null, null);

        ProvisioningReport report = reports.awaitReport(opened.number().value(), ApprovedPlans.PATIENCE);

        assertThat(approvals.find(opened.id()).orElseThrow().status()).isEqualTo(RequestStatus.FAILED);
        assertThat(report.steps()).singleElement().satisfies(step -> {
            assertThat(step.status()).isEqualTo(Status.FAILED);
            assertThat(step.text()).contains("MC718754");
            assertThat(step.fix()).startsWith("Nothing was changed. Instead, type: setup exchange sync for group");
        });
        assertThat(exchange.roleGroup("Exchange sync role group")).isEmpty();
    }

    @Test
    void thePlanOfAppAccessNamesTheAppTheScopeOfTheGroupAndTheRole() {
        exchange.ensureSecurityGroup("Preview Mailboxes");

        PlanPreview.Ready plan = requests.ready("plan grant app access to " + APP + " for group \"Preview Mailboxes\"");

        String dn = exchange.securityGroup("Preview Mailboxes").orElseThrow().distinguishedName();
        assertThat(plan.title())
                .isEqualTo("Give Salesforce Exchange Sync access to the mailboxes of 'Preview Mailboxes' (RBAC for"
                        + " Applications)");
        assertThat(plan.steps())
                .containsExactly(
                        "Register the app 'Salesforce Exchange Sync' (app id " + APP
                                + ") in Exchange as a service principal",
                        "Create the management scope 'Mailboxes of Preview Mailboxes' for the members of 'Preview"
                                + " Mailboxes' (MemberOfGroup -eq '" + dn + "')",
                        "Assign the application role Application Mail.ReadWrite to 'Salesforce Exchange Sync' within"
                                + " the scope 'Mailboxes of Preview Mailboxes'",
                        "Check with Test-ServicePrincipalAuthorization that a member of 'Preview Mailboxes' is in the"
                                + " app's scope, and that no tenant-wide permission on mailboxes is left");
        assertThat(plan.target()).isEqualTo("Salesforce Exchange Sync (app id " + APP + ")");
        assertThat(plan.targetObjectId()).isEqualTo(APP_OBJECT);
    }

    @Test
    void approvedAppAccessReachesTheGroupsMailboxesAndNoOthers() {
        exchange.ensureSecurityGroup("Salesforce Sync Mailboxes");
        exchange.addGroupMember("Salesforce Sync Mailboxes", "pattif@example.com");

        Executed run = requests.approveAndRun("grant app access to " + APP
                + " for group \"Salesforce Sync Mailboxes\" because Salesforce Exchange Sync for sales");

        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        assertThat(run.request().status()).isEqualTo(RequestStatus.DONE);
        assertThat(run.report().steps().get(run.report().steps().size() - 1).text())
                .startsWith("Test-ServicePrincipalAuthorization: pattif@example.com is in scope for Application"
                        + " Mail.ReadWrite.");
        assertThat(inScope("pattif@example.com", "Mailboxes of Salesforce Sync Mailboxes"))
                .containsExactly(true);
        assertThat(inScope("lynner@example.com", "Mailboxes of Salesforce Sync Mailboxes"))
                .containsExactly(false);
        assertThat(inScope("isaiahl@example.com", "Mailboxes of Salesforce Sync Mailboxes"))
                .containsExactly(false);
    }

    @Test
    void appAccessRidesOutASlowThrottledAndFailingTenantAndEndsWithOneOfEach() {
        exchange.ensureSecurityGroup("Flaky Mailboxes");
        exchange.addGroupMember("Flaky Mailboxes", "meganb@example.com");
        control.latency(100);
        control.graphFails("servicePrincipals", 429, 1, 1);
        control.exchangeFails("New-ManagementScope", 503, 2);
        control.exchangeFails("New-ManagementRoleAssignment", 429, 1);
        try {
            Executed run = requests.approveAndRun("grant app access to " + APP + " for group \"Flaky Mailboxes\"");

            assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
            assertThat(run.request().status()).isEqualTo(RequestStatus.DONE);
        } finally {
            control.clearFaults();
            control.latency(0);
        }
        assertThat(inScope("meganb@example.com", "Mailboxes of Flaky Mailboxes"))
                .as("one assignment within the scope, whatever was retried")
                .containsExactly(true);
        assertThat(inScope("lynner@example.com", "Mailboxes of Flaky Mailboxes"))
                .containsExactly(false);
    }

    @Test
    void aPermanentExchangeFailureStopsAppAccessWithTheReasonAndRetryFinishesIt() {
        exchange.ensureSecurityGroup("Stopped Mailboxes");
        exchange.addGroupMember("Stopped Mailboxes", "alexw@example.com");
        String command = "grant app access to " + APP + " for group \"Stopped Mailboxes\"";
        control.exchangeFails("New-ManagementScope", 503, 100);

        Executed failed;
        try {
            failed = requests.approveAndRun(command);
        } finally {
            control.clearFaults();
        }

        assertThat(failed.request().status()).isEqualTo(RequestStatus.FAILED);
        assertThat(failed.report().steps())
                .extracting(StepOutcome::status)
                .containsExactly(Status.DONE, Status.FAILED, Status.SKIPPED, Status.SKIPPED);
        assertThat(failed.report().steps().get(1).text()).contains("tried 3 times");

        Executed again = requests.approveAndRun(command);

        assertThat(again.report().succeeded()).as(again.report().toString()).isTrue();
        assertThat(inScope("alexw@example.com", "Mailboxes of Stopped Mailboxes"))
                .containsExactly(true);
    }

    @Test
    void grantingAppAccessAgainChangesNothingAndLeavesOneAssignment() {
        exchange.ensureSecurityGroup("Twice Mailboxes");
        exchange.addGroupMember("Twice Mailboxes", "adelev@example.com");
        String command = "grant app access to " + APP + " for group \"Twice Mailboxes\"";

        Executed first = requests.approveAndRun(command);
        Executed second = requests.approveAndRun(command);

        assertThat(first.report().succeeded()).as(first.report().toString()).isTrue();
        assertThat(second.report().succeeded()).as(second.report().toString()).isTrue();
        assertThat(second.report().steps().get(1).text())
                .isEqualTo(first.report().steps().get(1).text());
        assertThat(inScope("adelev@example.com", "Mailboxes of Twice Mailboxes"))
                .as("one assignment within the group's scope, not two")
                .containsExactly(true);
    }

    @Test
    void severalRolesAreEachAssignedWithinTheScope() {
        exchange.ensureSecurityGroup("Calendar Mailboxes");
        exchange.addGroupMember("Calendar Mailboxes", "meganb@example.com");

        Executed run = requests.approveAndRun("grant app access to " + APP
                + " for group \"Calendar Mailboxes\" roles Application Mail.Read, Application Calendars.Read");

        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        assertThat(exchange.testServicePrincipalAuthorization(APP, "meganb@example.com"))
                .filteredOn(result -> result.scope().equals("Mailboxes of Calendar Mailboxes"))
                .extracting(AuthorizationResult::role, AuthorizationResult::inScope)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Application Mail.Read", true),
                        org.assertj.core.groups.Tuple.tuple("Application Calendars.Read", true));
    }

    @Test
    void salesforcesSetUpIsAppAccessForSalesforcesAppWithTheRolesActivityCaptureUses() {
        exchange.ensureSecurityGroup("Sales Preview");

        PlanPreview.Ready plan = requests.ready("plan setup exchange sync for group \"Sales Preview\"");

        assertThat(plan.title())
                .isEqualTo("Give Salesforce Exchange Sync access to the mailboxes of 'Sales Preview' (RBAC for"
                        + " Applications)");
        assertThat(plan.steps())
                .contains(
                        "Assign the application role Application Mail.Read to 'Salesforce Exchange Sync' within the"
                                + " scope 'Mailboxes of Sales Preview'",
                        "Assign the application role Application Calendars.ReadWrite to 'Salesforce Exchange Sync'"
                                + " within the scope 'Mailboxes of Sales Preview'",
                        "Assign the application role Application Contacts.ReadWrite to 'Salesforce Exchange Sync'"
                                + " within the scope 'Mailboxes of Sales Preview'")
                .noneMatch(step -> step.contains("Mail.ReadWrite"));
        assertThat(plan.targetObjectId()).isEqualTo(APP_OBJECT);
    }

    @Test
    void approvedSalesforceSetUpPutsTheGroupsMailboxesInScopeAndNoOthers() {
        exchange.ensureSecurityGroup("Sales Team Mailboxes");
        exchange.addGroupMember("Sales Team Mailboxes", "pattif@example.com");

        Executed run = requests.approveAndRun("setup exchange sync for group \"Sales Team Mailboxes\" roles"
                + " Application Mail.Read because Einstein Activity Capture for sales");

        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        assertThat(run.request().status()).isEqualTo(RequestStatus.DONE);
        assertThat(inScope("pattif@example.com", "Mailboxes of Sales Team Mailboxes"))
                .containsExactly(true);
        assertThat(inScope("isaiahl@example.com", "Mailboxes of Sales Team Mailboxes"))
                .containsExactly(false);
        assertThat(run.report().nextSteps())
                .hasSize(3)
                .anySatisfy(next -> assertThat(next).contains("about two hours"))
                .anySatisfy(
                        next -> assertThat(next).contains("Salesforce Setup").contains(APP));
    }

    @Test
    void salesforcesSetUpBeforeItsAppIsConsentedSaysWhatTheSalesforceAdminDoesFirst() {
        String absent = "0bad0a99-0000-4000-8000-0000000000c5";
        SalesforceProperties salesforce =
                new SalesforceProperties(absent, List.of("Application Mail.Read"), java.time.Duration.ofHours(2));
        PlanPreview preview = SalesforceSyncPreviews.setup(
                directory,
                exchange,
                salesforce,
                "7d2f0c55-1234-4abc-9def-0123456789ab",
                new Command.SetupSalesforceSync("Sales Team Mailboxes", List.of(), java.util.Optional.empty()));

        assertThat(preview)
                .isInstanceOfSatisfying(
                        PlanPreview.Refused.class,
                        refused -> assertThat(refused.reason())
                                .contains("is not in this organisation yet")
                                .contains("Salesforce Setup")
                                .contains(
                                        "https://login.microsoftonline.com/7d2f0c55-1234-4abc-9def-0123456789ab/adminconsent"
                                                + "?client_id=" + absent));
    }

    @Test
    void anAppTheOrganisationDoesNotKnowIsRefused() {
        PlanPreview preview = requests.preview(
                "grant app access to 0bad0a99-0000-4000-8000-000000000000 for group \"Salesforce Sync Mailboxes\"");

        assertThat(preview)
                .isInstanceOfSatisfying(
                        PlanPreview.Refused.class,
                        refused -> assertThat(refused.reason())
                                .startsWith(
                                        "There is no enterprise application with the app id 0bad0a99-0000-4000-8000-000000000000"));
    }

    @Test
    void aGroupThatDoesNotExistIsRefusedWithHowToMakeIt() {
        PlanPreview preview = requests.preview("grant app access to " + APP + " for group \"No Such Mailboxes\"");

        assertThat(preview)
                .isInstanceOfSatisfying(
                        PlanPreview.Refused.class,
                        refused -> assertThat(refused.reason())
                                .contains(
                                        "no mail-enabled security group 'No Such Mailboxes'", "Exchange admin center"));
    }

    @Test
    void withoutAppRoleAssignmentReadWriteAllTheRemovalShowsTheManualFixAndARetryAfterTheGrantFinishes() {
        String command = "grant app access to c55d6177-918e-4745-96d3-1715194bc7e8 for group \"Sales Team\"";
        control.refusePermissions("AppRoleAssignment.ReadWrite.All");
        Executed refused;
        try {
            refused = requests.approveAndRun(command);
        } finally {
            control.refusePermissions();
        }

        assertThat(refused.request().status()).isEqualTo(RequestStatus.FAILED);
        assertThat(refused.report().steps().get(0).status()).isEqualTo(Status.FAILED);
        assertThat(refused.report().steps().get(0).fix())
                .contains("Enterprise applications > Salesforce Activity Capture > Permissions")
                .contains("Remove-MgServicePrincipalAppRoleAssignment")
                .contains("AppRoleAssignment.ReadWrite.All");

        Executed again = requests.retry(refused.request());

        assertThat(again.report().succeeded()).as(again.report().toString()).isTrue();
        ServicePrincipal app = directory
                .findServicePrincipal("c55d6177-918e-4745-96d3-1715194bc7e8")
                .orElseThrow();
        assertThat(MailboxPermissions.of(directory.tenantWidePermissions(app))).isEmpty();
    }

    private List<Boolean> inScope(String mailbox, String scope) {
        return exchange.testServicePrincipalAuthorization(APP, mailbox).stream()
                .filter(result -> result.scope().equals(scope))
                .map(AuthorizationResult::inScope)
                .toList();
    }
}
