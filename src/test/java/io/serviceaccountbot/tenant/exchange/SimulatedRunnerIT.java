package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.serviceaccountbot.sandbox.SimulatorControlClient;
import io.serviceaccountbot.storage.TestClock;
import io.serviceaccountbot.tenant.ExchangeReads;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretStore;
import io.serviceaccountbot.tenant.StepCallKeys;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The bot's runner client against the sandbox's simulated Azure Automation over real HTTP, with no settings: the two
 * halves built from PROTOCOL.md agree on names, shapes, statuses and failure reasons. A batch creates a group and
 * reads it back in one job; a job followed again by its name is not started twice; a password goes by its secret's
 * name and the mailbox is made; a lost Exchange session is transient and names the job; an offline worker group is
 * reported as such.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.exchange-server.runner.poll-interval=50ms",
            "bot.exchange-server.runner.job-start-timeout=2s",
            "bot.sandbox.runner.job-start-delay=0ms"
        })
class SimulatedRunnerIT {

    @LocalServerPort
    int port;

    @Autowired
    ExchangeServerRunner runner;

    @Autowired
    SecretStore secrets;

    @AfterEach
    void workerBackOnline() {
        SimulatorControlClient control = new SimulatorControlClient(port);
        control.runnerWorkerOnline(true);
        control.clearRunnerFaults();
    }

    @Test
    void oneJobCreatesAGroupAndReadsItBackAndTheSameNameIsNeverStartedTwice() {
        String job = ExchangeServerRunner.jobName("simulated-runner-it/group");
        List<RunnerCall> batch = List.of(
                RunnerCall.of(Cmdlet.named("New-DistributionGroup")
                                .with("Name", "Runner Sync Accounts")
                                .with("Alias", "RunnerSyncAccounts")
                                .with("Type", "Security"))
                        .continuingOnError(),
                RunnerCall.of(Cmdlet.named("Get-DistributionGroup").with("Identity", "Runner Sync Accounts")));

        RunnerAnswer answer = runner.run(job, batch);
        RunnerAnswer again = runner.run(job, batch);

        assertThat(answer.serverName()).isEqualTo("EX01");
        assertThat(answer.serverVersion()).startsWith("Version 15.2");
        assertThat(answer.result(0).status()).isEqualTo(RunnerResult.Status.OK);
        assertThat(answer.result(1).rows())
                .singleElement()
                .satisfies(row -> assertThat(row.path("Name").asString()).isEqualTo("Runner Sync Accounts"));
        assertThat(again)
                .as("followed again by its name: the same job's answer")
                .isEqualTo(answer);
        assertThat(new SimulatorControlClient(port).runner().toString()).contains("Completed");
    }

    @Test
    void aStepDoneAgainUnderTheSameAttemptFollowsItsJobsInsteadOfStartingThemTwice() {
        RunnerTransport transport = new RunnerTransport(runner, (cmdlet, warnings) -> {});
        Cmdlet create = Cmdlet.named("New-DistributionGroup")
                .with("Name", "Resumed Step Group")
                .with("Alias", "ResumedStepGroup")
                .with("Type", "Security");
        String attempt = "simulated-runner-it/request/step 2/attempt ";
        int before = jobsAskingFor("New-DistributionGroup");

        CmdletResult first;
        try (StepCallKeys.Scope names = StepCallKeys.open(attempt + 1)) {
            first = transport.invoke(create);
        }
        CmdletResult resumed;
        try (StepCallKeys.Scope names = StepCallKeys.open(attempt + 1)) {
            resumed = transport.invoke(create);
        }

        assertThat(resumed).as("the job's answer, followed again by its name").isEqualTo(first);
        assertThat(jobsAskingFor("New-DistributionGroup") - before)
                .as("jobs started")
                .isEqualTo(1);
        try (StepCallKeys.Scope names = StepCallKeys.open(attempt + 2)) {
            assertThatThrownBy(() -> transport.invoke(create))
                    .as("a new attempt asks Exchange again, which has the group now")
                    .asInstanceOf(type(TenantException.class))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.ALREADY_EXISTS));
        }
        assertThat(jobsAskingFor("New-DistributionGroup") - before).isEqualTo(2);
    }

    @Test
    void aReadIsNotAskedTwiceInAStepUntilTheStepChangesSomething() {
        CmdletExchangeAdmin exchange = new CmdletExchangeAdmin(new RunnerTransport(runner, (cmdlet, warnings) -> {}));
        try (StepCallKeys.Scope names = StepCallKeys.open("simulated-runner-it/request/step 5/attempt 1")) {
            exchange.ensureSecurityGroup("Kept Reads Group");
            int before = jobsAskingFor("Get-DistributionGroupMember");

            assertThat(exchange.securityGroup("Kept Reads Group").orElseThrow().members())
                    .isEmpty();
            assertThat(exchange.securityGroup("Kept Reads Group").orElseThrow().members())
                    .isEmpty();
            assertThat(jobsAskingFor("Get-DistributionGroupMember") - before)
                    .as("both reads answered by the job that made the group")
                    .isZero();

            exchange.addGroupMember("Kept Reads Group", "pattif@example.com");
            assertThat(exchange.securityGroup("Kept Reads Group").orElseThrow().members())
                    .as("read afresh after the change")
                    .containsExactly("pattif@example.com");
            assertThat(jobsAskingFor("Get-DistributionGroupMember") - before).isEqualTo(1);
        }
    }

    @Test
    void readsAskedTogetherAreOneJobAndTheReadsThatFollowAskNothingUntilTheyAreClosed() {
        TestClock clock = new TestClock(Instant.parse("2026-12-06T09:00:00Z"));
        CmdletExchangeAdmin exchange =
                new CmdletExchangeAdmin(new RunnerTransport(runner, (cmdlet, warnings) -> {}, clock));
        exchange.ensureSecurityGroup("Read Together Group");
        exchange.addGroupMember("Read Together Group", "pattif@example.com");
        clock.advance(RunnerTransport.KEPT_OUTSIDE_A_STEP.plusSeconds(1));
        ExchangeReads reads = ExchangeReads.none()
                .role("ApplicationImpersonation")
                .securityGroup("Read Together Group")
                .roleGroup("No Such Role Group")
                .effectiveHolders("ApplicationImpersonation");
        int before = jobs();

        try (ExchangeReads.Kept kept = exchange.readTogether(reads)) {
            assertThat(jobs() - before)
                    .as("one job for the role, two groups and the holders")
                    .isEqualTo(1);
            clock.advance(Duration.ofMinutes(1));
            assertThat(exchange.managementRole("ApplicationImpersonation")).isPresent();
            assertThat(exchange.securityGroup("Read Together Group")
                            .orElseThrow()
                            .members())
                    .containsExactly("pattif@example.com");
            assertThat(exchange.roleGroup("No Such Role Group"))
                    .as("\"not found\" is an answer too")
                    .isEmpty();
            assertThat(exchange.effectiveAssignments("ApplicationImpersonation"))
                    .isNotNull();
            assertThat(jobs() - before)
                    .as("the reads that follow take their answers from it, however long the operation takes")
                    .isEqualTo(1);
        }

        exchange.managementRole("ApplicationImpersonation");
        assertThat(jobs() - before)
                .as("once closed, a later operation asks Exchange again: others may have changed it since")
                .isEqualTo(2);
    }

    @Test
    void readsAskedTogetherInAStepTakeTheStepsCallNameSoAResumedStepFollowsTheSameJob() {
        String attempt = "simulated-runner-it/request/step 3/attempt 1";
        new CmdletExchangeAdmin(new RunnerTransport(runner, (cmdlet, warnings) -> {}))
                .ensureSecurityGroup("Resumed Reads Group");
        ExchangeReads reads =
                ExchangeReads.none().role("ApplicationImpersonation").securityGroup("Resumed Reads Group");
        int before = jobs();

        try (StepCallKeys.Scope names = StepCallKeys.open(attempt)) {
            new CmdletExchangeAdmin(new RunnerTransport(runner, (cmdlet, warnings) -> {}))
                    .readTogether(reads)
                    .close();
        }
        CmdletExchangeAdmin resumed = new CmdletExchangeAdmin(new RunnerTransport(runner, (cmdlet, warnings) -> {}));
        try (StepCallKeys.Scope names = StepCallKeys.open(attempt)) {
            resumed.readTogether(reads).close();
            assertThat(resumed.securityGroup("Resumed Reads Group"))
                    .as("kept for the step's attempt")
                    .isPresent();
        }

        assertThat(jobs() - before)
                .as("the resumed step followed the job its first run started")
                .isEqualTo(1);
    }

    @Test
    void aPasswordGoesByItsSecretsNameAndTheMailboxIsMade() {
        secrets.put("svc-runner-it-password", Secret.of("Runner-It-Passw0rd!x"));

        RunnerAnswer answer = runner.run(
                ExchangeServerRunner.jobName("simulated-runner-it/mailbox"),
                List.of(
                        RunnerCall.of(Cmdlet.named("New-Mailbox")
                                        .with("Name", "svc-runner-it")
                                        .with("UserPrincipalName", "svc-runner-it@example.com")
                                        .with("ResetPasswordOnNextLogon", false))
                                .withSecret("Password", "svc-runner-it-password"),
                        RunnerCall.of(Cmdlet.named("Get-Mailbox").with("Identity", "svc-runner-it"))));

        assertThat(answer.result(0).status()).isEqualTo(RunnerResult.Status.OK);
        assertThat(answer.result(1).rows()).hasSize(1);
        assertThat(answer.toString()).doesNotContain("Runner-It-Passw0rd!x");
    }

    @Test
    void aLostExchangeSessionIsTransientAndNamesTheJob() {
        new SimulatorControlClient(port).runnerJobsFail(1, null, 0);
        String job = ExchangeServerRunner.jobName("simulated-runner-it/lost");

        assertThatThrownBy(() -> runner.run(
                        job,
                        List.of(RunnerCall.of(Cmdlet.named("Get-ManagementRole").with("Identity", "Mail Recipients")))))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains(job);
                });
    }

    @Test
    void anOfflineWorkerGroupIsReportedAsSuch() {
        new SimulatorControlClient(port).runnerWorkerOnline(false);

        assertThatThrownBy(() -> runner.run(
                        ExchangeServerRunner.jobName("simulated-runner-it/offline"),
                        List.of(RunnerCall.of(Cmdlet.named("Get-ManagementRole").with("Identity", "Mail Recipients")))))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).containsIgnoringCase("worker");
                });
    }

    /** Every job the Automation account has, whatever its status. */
    private int jobs() {
        int all = 0;
        for (JsonNode count : new SimulatorControlClient(port).runner().path("jobs")) {
            all += count.asInt(0);
        }
        return all;
    }

    private int jobsAskingFor(String cmdlet) {
        return new SimulatorControlClient(port)
                .runner()
                .path("cmdlets")
                .path(cmdlet)
                .asInt(0);
    }
}
