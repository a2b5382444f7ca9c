package io.serviceaccountbot.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.execution.ApprovedPlans.Executed;
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
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * {@code retry R-…} after the tenant changed under a failed plan (simulated tenant, on its default Exchange Server): the plan is drafted
 * again from the tenant as it is. An account the plan created and someone deleted since is created again, and the steps
 * after it run against the new account; a fresh plan that would act on another object than the approved one stops
 * before it changes anything and says that a new approval is needed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.mailbox-delay=500ms",
            "bot.provisioning.step-backoff=50ms",
            "bot.provisioning.run-poll-interval=1s"
        })
@Import(PlanReports.class)
class RetryReplansIT {

    static final String ROLE = "ApplicationImpersonation";

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

    @Autowired
    PlanSteps steps;

    @Autowired
    SecretStore secrets;

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
    void anAccountThePlanCreatedAndSomeoneDeletedIsCreatedAgainByRetryAndThePlanEndsDone() {
        control.exchangeFails("Add-DistributionGroupMember", 400, 100);
        Executed failed = requests.approveAndRun("setup exchange sync for svc-replan-gone because CRM sync");
        assertThat(failed.request().status()).isEqualTo(RequestStatus.FAILED);
        assertThat(failed.report().steps().get(3).status()).isEqualTo(Status.FAILED);
        DirectoryUser first =
                activeDirectory.findUser("svc-replan-gone@example.com").orElseThrow();
        Secret firstPassword = secrets.get("svc-replan-gone-password").orElseThrow();
        control.clearFaults();

        control.deleteUser("svc-replan-gone@example.com");
        Executed retried = requests.retry(failed.request());

        assertThat(retried.request().status()).as(retried.report().toString()).isEqualTo(RequestStatus.DONE);
        StepOutcome account = retried.report().steps().get(0);
        assertThat(account.status()).isEqualTo(Status.DONE);
        assertThat(account.text())
                .isEqualTo("The account svc-replan-gone@example.com that an earlier attempt created or chose is gone,"
                        + " so this step ran again: Created svc-replan-gone@example.com (svc-replan-gone): enabled, no"
                        + " password change at first sign-in, with its mailbox, in Active Directory");
        DirectoryUser again =
                activeDirectory.findUser("svc-replan-gone@example.com").orElseThrow();
        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(again.passwordNeverExpires())
                .as("the password step ran again for the new account")
                .isTrue();
        assertThat(secrets.get("svc-replan-gone-password").orElseThrow())
                .as("the new account's password is a new one, in the secret store")
                .isNotEqualTo(firstPassword);
        assertThat(retried.report().secretLocation()).contains("svc-replan-gone-password");
        assertThat(exchange.securityGroup("Exchange Sync Accounts")
                        .orElseThrow()
                        .members())
                .contains("svc-replan-gone@example.com");
        assertThat(exchange.effectiveAssignments(ROLE))
                .contains(new EffectiveAssignment(
                        ROLE, "svc-replan-gone", "Exchange sync role group", "Exchange Sync Accounts"));
        assertThat(activeDirectory.findUsersByUpnOrAlias("svc-replan-gone@example.com", "svc-replan-gone"))
                .hasSize(1);
    }

    @Test
    void aRetryThatWouldGrantToAnotherAccountOfTheSameNameStopsAndChangesNothing() {
        DirectoryUser approved = accounts.withMailbox("svc-replan-other");
        control.exchangeFails("Add-DistributionGroupMember", 400, 100);
        Executed failed = requests.approveAndRun(
                "grant impersonation to svc-replan-other via group \"Replan Accounts\" in role group \"Replan RG\"");
        assertThat(failed.request().status()).isEqualTo(RequestStatus.FAILED);
        control.clearFaults();
        control.deleteUser("svc-replan-other@example.com");
        DirectoryUser impostor = accounts.withMailbox("svc-replan-other");
        List<PlanSteps.StoredStep> before = steps.of(failed.request().id());

        Executed retried = requests.retry(failed.request());

        assertThat(retried.request().status()).isEqualTo(RequestStatus.FAILED);
        StepOutcome stopped = retried.report().steps().get(0);
        assertThat(stopped.status()).isEqualTo(Status.FAILED);
        assertThat(stopped.text())
                .startsWith("The tenant has changed since "
                        + failed.request().number().value() + " was approved")
                .contains(
                        impostor.id(),
                        "rather than the approved svc-replan-other@example.com (object " + approved.id() + ")");
        assertThat(stopped.fix())
                .contains("Nothing was changed", "new approval", "grant impersonation to svc-replan-other");
        assertThat(retried.report().steps().subList(1, retried.report().steps().size()))
                .as("the plan as drafted now is shown, not run")
                .extracting(StepOutcome::status)
                .containsOnly(Status.SKIPPED)
                .hasSize(5);
        assertThat(steps.of(failed.request().id())).as("no step started").isEqualTo(before);
        assertThat(exchange.securityGroup("Replan Accounts").orElseThrow().members())
                .isEmpty();
        assertThat(exchange.roleGroup("Replan RG")).isEmpty();
        assertThat(exchange.effectiveAssignments(ROLE))
                .noneMatch(held -> held.user().equals("svc-replan-other"));
    }

    @Test
    void anExistingAccountTheApprovedPlanUsedIsNotReplacedByANewOneWhenItIsGone() {
        DirectoryUser approved = accounts.withMailbox("svc-replan-adopted");
        control.exchangeFails("Add-DistributionGroupMember", 400, 100);
        Executed failed = requests.approveAndRun("setup exchange sync for svc-replan-adopted");
        assertThat(failed.request().status()).isEqualTo(RequestStatus.FAILED);
        assertThat(failed.request().plan()).contains("Use the existing account svc-replan-adopted@example.com");
        control.clearFaults();
        control.deleteUser(approved.id());

        Executed retried = requests.retry(failed.request());

        assertThat(retried.request().status()).isEqualTo(RequestStatus.FAILED);
        StepOutcome stopped = retried.report().steps().get(0);
        assertThat(stopped.text()).startsWith("The tenant has changed since");
        assertThat(stopped.fix()).contains("Nothing was changed");
        assertThat(activeDirectory.findUser("svc-replan-adopted@example.com"))
                .as("no new account in place of the one the approvers saw")
                .isEmpty();
        assertThat(secrets.get("svc-replan-adopted-password")).isEmpty();
    }
}
