package io.serviceaccountbot.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.execution.ApprovedPlans.Executed;
import io.serviceaccountbot.plans.Plans;
import io.serviceaccountbot.plans.StepOutcome;
import io.serviceaccountbot.plans.StepOutcome.Status;
import io.serviceaccountbot.sandbox.SimulatorControlClient;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.MailboxAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Approved plans as durable runs, against the simulated tenant's default Exchange Server: each step is recorded before
 * and after it runs; a failed plan resumes at the step that failed when retried, without doing the earlier steps
 * again; and the same plan triggered many times at once runs once. A run interrupted while a step's runner job ran is
 * {@code KilledDuringRunnerJobIT}'s, with a real {@code kill -9}: a step resumed under its attempt follows the jobs it
 * started, under the same names, so nothing is made twice.
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
class DurablePlanRunsIT {

    /** A thread of its own per task: the common pool of a 2-core machine has one thread, which would run them in turn. */
    static final java.util.concurrent.Executor OWN_THREAD =
            task -> Thread.ofPlatform().daemon().start(task);

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
    PlanSteps steps;

    @Autowired
    DurablePlanRuns runs;

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
    void everyStepIsRecordedWithItsOutcomeOnce() {
        accounts.withMailbox("svc-run-record");

        Executed run = requests.approveAndRun(
                "grant impersonation to svc-run-record via group \"Record Accounts\" in role group \"Record RG\"");

        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        List<PlanSteps.StoredStep> recorded = steps.of(run.request().id());
        assertThat(recorded).extracting(PlanSteps.StoredStep::ordinal).containsExactly(0, 1, 2, 3, 4);
        assertThat(recorded).extracting(PlanSteps.StoredStep::attempts).containsOnly(1);
        assertThat(recorded)
                .extracting(step -> step.outcome().text())
                .containsExactlyElementsOf(
                        run.report().steps().stream().map(StepOutcome::text).toList());
    }

    @Test
    void retryResumesAtTheFailedStepAndDoesNotRedoTheStepsBeforeIt() {
        accounts.withMailbox("svc-run-retry");
        control.exchangeFails("New-RoleGroup", 503, 100);

        Executed failed = requests.approveAndRun(
                "grant impersonation to svc-run-retry via group \"Retry Accounts\" in role group \"Retry RG\"");

        assertThat(failed.request().status()).isEqualTo(RequestStatus.FAILED);
        assertThat(failed.report().steps())
                .extracting(StepOutcome::status)
                .containsExactly(Status.DONE, Status.DONE, Status.DONE, Status.FAILED, Status.SKIPPED);
        assertThat(steps.of(failed.request().id())).hasSize(4);

        control.clearFaults();
        Executed retried = requests.retry(failed.request());

        assertThat(retried.request().status()).isEqualTo(RequestStatus.DONE);
        assertThat(retried.report().steps())
                .as("the steps done before keep their outcome; they are not done again")
                .extracting(StepOutcome::status)
                .containsExactly(Status.DONE, Status.DONE, Status.DONE, Status.DONE, Status.DONE);
        assertThat(steps.of(failed.request().id()))
                .extracting(PlanSteps.StoredStep::attempts)
                .containsExactly(1, 1, 1, 2, 1);
        assertThat(exchange.securityGroup("Retry Accounts").orElseThrow().members())
                .containsExactly("svc-run-retry@example.com");
        assertThat(exchange.roleGroup("Retry RG").orElseThrow().members()).containsExactly("Retry Accounts");
    }

    @Test
    void theSamePlanTriggeredTwentyTimesAtOnceRunsOnce() throws Exception {
        accounts.withMailbox("svc-run-once");
        control.latency(50);
        try {
            ApprovalRequest request = requests.openAndApprove(
                    "grant impersonation to svc-run-once via group \"Once Accounts\" in role group \"Once RG\"");
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Boolean>> triggers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                triggers.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return runs.schedule(request.id());
                        },
                        OWN_THREAD));
            }
            go.countDown();
            triggers.forEach(CompletableFuture::join);

            Executed run = requests.awaitEnd(request);
            Thread.sleep(1_500);

            assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
            assertThat(reports.endings(request.number().value())).isEqualTo(1);
            assertThat(steps.of(request.id()))
                    .extracting(PlanSteps.StoredStep::attempts)
                    .containsOnly(1);
            assertThat(exchange.securityGroup("Once Accounts").orElseThrow().members())
                    .containsExactly("svc-run-once@example.com");
        } finally {
            control.latency(0);
        }
    }
}
