package io.serviceaccountbot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.provisioning.ApprovedPlans.Executed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A plan that waits for the tenant holds no thread: with one run thread, a plan waiting for a slow mailbox does not
 * keep another approved plan from running, and a grant asked for right after the account was created waits for its
 * mailbox instead of failing, so one approval is enough.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.exchange-flavour=legacy",
            "bot.sandbox.mailbox-delay=8s",
            "bot.provisioning.mailbox-wait=2m",
            "bot.provisioning.run-threads=1",
            "bot.provisioning.step-backoff=50ms"
        })
@Import(PlanReports.class)
class TenantWaitsIT {

    @Autowired
    Plans plans;

    @Autowired
    Approvals approvals;

    @Autowired
    PlanReports reports;

    @Autowired
    Directory directory;

    @Autowired
    ServiceAccountCreation creation;

    @Autowired
    JdbcClient jdbc;

    ApprovedPlans requests;

    @BeforeEach
    void setUp() {
        requests = new ApprovedPlans(plans, approvals, reports);
    }

    @Test
    void aGrantAskedForRightAfterTheAccountWasCreatedWaitsForItsMailboxAndSucceeds() {
        ProvisioningReport created = creation.create((io.serviceaccountbot.command.Command.CreateServiceAccount)
                ApprovedPlans.parse("create service account svc-wait-grant"));
        assertThat(created.steps())
                .last()
                .extracting(StepOutcome::status)
                .as("the mailbox is not there yet")
                .isEqualTo(StepOutcome.Status.WAITING);

        Executed run = requests.approveAndRun("grant impersonation to svc-wait-grant because Salesforce sync");

        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        assertThat(run.request().status()).isEqualTo(RequestStatus.DONE);
        assertThat(run.report().steps().get(0).text())
                .startsWith("svc-wait-grant@example.com is enabled and has a mailbox, after waiting");
        assertThat(run.report().steps().get(run.report().steps().size() - 1).text())
                .startsWith("svc-wait-grant@example.com holds ApplicationImpersonation");
        assertThat(reports.endings(run.request().number().value()))
                .as("one run, one report")
                .isEqualTo(1);
        assertThat(stepRows(run.request()))
                .as("the waiting step was started once and checked several times")
                .first()
                .satisfies(row -> {
                    assertThat(row.attempts()).isEqualTo(1);
                    assertThat(row.checks()).isGreaterThan(1);
                    assertThat(row.status()).isEqualTo("DONE");
                });
    }

    @Test
    void aPlanWaitingForAMailboxDoesNotHoldTheOnlyRunThread() {
        DirectoryUser slow = directory.createUser(new NewUser(
                "svc-wait-slow", "Slow", "svc-wait-slow@example.com", "US", Secret.of("Slow-Passw0rd-Waits")));
        directory.assignLicense(slow.id(), "STANDARDPACK");
        ApprovalRequest waiting = requests.openAndApprove("grant impersonation to svc-wait-slow because slow mailbox");
        awaitStepPolling(waiting);

        Executed other = requests.approveAndRun("grant impersonation to isaiahl because his mailbox is ready");

        assertThat(other.report().succeeded()).as(other.report().toString()).isTrue();
        assertThat(approvals.find(waiting.id()).orElseThrow().status())
                .as("the first plan still waits for its mailbox, without the thread")
                .isEqualTo(RequestStatus.EXECUTING);

        Executed first = requests.awaitEnd(waiting);
        assertThat(first.report().succeeded()).as(first.report().toString()).isTrue();
    }

    private void awaitStepPolling(ApprovalRequest request) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (stepRows(request).stream().anyMatch(row -> row.status().equals("POLLING"))) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the plan of " + request.number() + " never waited for its mailbox");
    }

    private record StepRow(String status, int attempts, int checks) {}

    private List<StepRow> stepRows(ApprovalRequest request) {
        return jdbc.sql("select status, attempts, checks from plan_step where request_id = :id order by ordinal")
                .param("id", request.id().value())
                .query(StepRow.class)
                .list();
    }
}
