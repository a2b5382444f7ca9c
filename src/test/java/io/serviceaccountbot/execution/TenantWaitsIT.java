package io.serviceaccountbot.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.execution.ApprovedPlans.Executed;
import io.serviceaccountbot.plans.Plans;
import io.serviceaccountbot.sandbox.SimulatorControlClient;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.MailboxAccounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A plan whose runner job goes on holds no thread: with one run thread, a plan whose role-group job the Exchange server
 * holds (as a slow or busy worker would) is put back while the job runs, so another approved plan runs to its end
 * meanwhile; checked again, the step follows the same job by its name and never starts it twice. So is a plan whose
 * drafting reads, before any step, wait for the worker.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.exchange-server.runner.step-hold=300ms",
            "bot.sandbox.mailbox-delay=500ms",
            "bot.provisioning.run-threads=1",
            "bot.provisioning.run-poll-interval=1s",
            "bot.provisioning.step-backoff=50ms"
        })
@Import(PlanReports.class)
class TenantWaitsIT {

    static final String ROLE_GROUP_STEP = "Create the role group 'Slow RG'";

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
    JdbcClient jdbc;

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
    void aPlanWhoseRunnerJobGoesOnDoesNotHoldTheOnlyRunThreadAndFollowsThatSameJob() throws Exception {
        accounts.withMailbox("svc-wait-slow");
        accounts.withMailbox("svc-wait-ready");
        control.exchangeHangs("New-RoleGroup", Duration.ofSeconds(12));
        ApprovalRequest slow = requests.openAndApprove(
                "grant impersonation to svc-wait-slow via group \"Slow Accounts\" in role group \"Slow RG\"");
        awaitStep(slow, "POLLING");

        Executed other = requests.approveAndRun(
                "grant impersonation to svc-wait-ready via group \"Ready Accounts\" in role group \"Ready RG\"");

        assertThat(other.report().succeeded()).as(other.report().toString()).isTrue();
        assertThat(approvals.find(slow.id()).orElseThrow().status())
                .as("the first plan's job still runs, without the thread")
                .isEqualTo(RequestStatus.EXECUTING);

        Executed first = requests.awaitEnd(slow);
        assertThat(first.report().succeeded()).as(first.report().toString()).isTrue();
        assertThat(exchange.roleGroup("Slow RG").orElseThrow().members()).containsExactly("Slow Accounts");
        StepRow roleGroupStep = stepRows(slow).get(3);
        assertThat(roleGroupStep.words()).startsWith(ROLE_GROUP_STEP);
        assertThat(roleGroupStep.attempts())
                .as("one attempt, checked again and again")
                .isEqualTo(1);
        assertThat(roleGroupStep.checks()).isGreaterThan(1);
        assertThat(jobsAsking("New-RoleGroup", "Slow RG"))
                .as("the held job, followed at every check and never started again (after its session was lost, the"
                        + " step's next try found the role group it had made)")
                .hasSize(1);
    }

    @Test
    void aPlanWhoseDraftingJobWaitsForTheWorkerDoesNotHoldTheOnlyRunThreadEither() throws Exception {
        accounts.withMailbox("svc-draft-slow");
        accounts.withMailbox("svc-draft-ready");
        ApprovalRequest slow = requests.open(
                "grant impersonation to svc-draft-slow via group \"Draft Slow\" in role group \"Draft Slow RG\"");
        control.runnerStartDelay(10_000);
        requests.approve(slow);
        String draftingJob = awaitJobWaitingForTheWorker();
        control.runnerStartDelay(0);

        Executed other = requests.approveAndRun(
                "grant impersonation to svc-draft-ready via group \"Draft Ready\" in role group \"Draft Ready RG\"");

        assertThat(other.report().succeeded()).as(other.report().toString()).isTrue();
        assertThat(status(draftingJob))
                .as("the first plan's drafting job still waits for the worker, without the thread")
                .isEqualTo("New");
        assertThat(stepRows(slow)).as("the first plan is still drafted").isEmpty();
        Executed first = requests.awaitEnd(slow);
        assertThat(first.report().succeeded()).as(first.report().toString()).isTrue();
        assertThat(status(draftingJob)).isEqualTo("Completed");
    }

    private String awaitJobWaitingForTheWorker() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode job : control.runnerHistory()) {
                if (job.path("status").asString().equals("New")) {
                    return job.path("name").asString();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no runner job waited for the worker");
    }

    private String status(String job) {
        for (JsonNode one : control.runnerHistory()) {
            if (one.path("name").asString().equals(job)) {
                return one.path("status").asString();
            }
        }
        return null;
    }

    private void awaitStep(ApprovalRequest request, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (stepRows(request).stream().anyMatch(row -> row.status().equals(status))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no step of " + request.number() + " became " + status + ": " + stepRows(request));
    }

    private List<String> jobsAsking(String cmdlet, String identity) {
        List<String> jobs = new ArrayList<>();
        for (JsonNode job : control.runnerHistory()) {
            String asked = job.path("parameters").path("Request").asString("");
            if (asked.contains("\"" + cmdlet + "\"") && asked.contains(identity)) {
                jobs.add(job.path("name").asString());
            }
        }
        return jobs;
    }

    private record StepRow(String words, String status, int attempts, int checks) {}

    private List<StepRow> stepRows(ApprovalRequest request) {
        return jdbc.sql("select words, status, attempts, checks from plan_step where request_id = :id order by ordinal")
                .param("id", request.id().value())
                .query(StepRow.class)
                .list();
    }
}
