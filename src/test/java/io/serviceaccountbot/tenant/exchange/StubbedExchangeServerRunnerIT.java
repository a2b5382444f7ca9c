package io.serviceaccountbot.tenant.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.serviceaccountbot.tenant.exchange.ArmScript.ACCOUNT;
import static io.serviceaccountbot.tenant.exchange.ArmScript.JOBS;
import static io.serviceaccountbot.tenant.exchange.ArmScript.WORKER_GROUP;
import static io.serviceaccountbot.tenant.exchange.ArmScript.armError;
import static io.serviceaccountbot.tenant.exchange.ArmScript.automationError;
import static io.serviceaccountbot.tenant.exchange.ArmScript.errorStream;
import static io.serviceaccountbot.tenant.exchange.ArmScript.job;
import static io.serviceaccountbot.tenant.exchange.ArmScript.streamList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.storage.TestClock;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import io.serviceaccountbot.tenant.TenantWorkPending;
import io.serviceaccountbot.tenant.exchange.RunnerResult.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Exchange Server runner's client against WireMock stubs of Azure Resource Manager written from Microsoft's
 * Automation REST reference ({@link ArmScript}): each test's script lists the exact requests the client must send, in
 * order, and what Azure answers; a request off the script fails the test. Time is a {@link TestClock} that the
 * runner's sleeper moves, so following a job for minutes takes milliseconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StubbedExchangeServerRunnerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMinutes(1);
    private static final Duration HOLD = Duration.ofMinutes(2);
    private static final String GROUP = "Exchange Sync Accounts";
    private static final String EXISTS = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException";

    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final List<String> scopes = new ArrayList<>();
    private final List<Duration> retryPauses = new ArrayList<>();
    private final List<Duration> polls = new ArrayList<>();
    private TestClock clock;
    private ArmScript script;
    private String jobName;

    @BeforeAll
    void start() {
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @BeforeEach
    void prepare(TestInfo test) {
        server.resetAll();
        scopes.clear();
        retryPauses.clear();
        polls.clear();
        clock = new TestClock(Instant.parse("2026-12-05T10:00:00Z"));
        script = new ArmScript(server, test.getTestMethod().orElseThrow().getName());
        jobName = ExchangeServerRunner.jobName("plan 17/step 2/attempt 1");
    }

    /** Polls every minute, a job may wait 3 minutes for a worker and take 4 in all; a plan's step follows it for 2. */
    private ExchangeServerRunner runner(ExchangeServerRunner.Sleeper sleeper) {
        AutomationAccount account = ArmScript.account(server.baseUrl());
        AutomationJobs jobs = new AutomationJobs(
                RestClient.builder()
                        .requestFactory(ExchangeClientConfiguration.requests(Duration.ofSeconds(5)))
                        .build(),
                JSON,
                () -> account,
                scope -> {
                    scopes.add(scope);
                    return ArmScript.TOKEN;
                },
                TestExchange.instantRetries(retryPauses));
        ExchangeServerRunnerProperties properties = new ExchangeServerRunnerProperties(
                ArmScript.SUBSCRIPTION,
                ArmScript.RESOURCE_GROUP,
                ACCOUNT,
                ArmScript.RUNBOOK,
                WORKER_GROUP,
                server.baseUrl(),
                POLL,
                Duration.ofMinutes(3),
                Duration.ofMinutes(4),
                Duration.ofSeconds(5),
                HOLD);
        return new ExchangeServerRunner(
                jobs,
                () -> new RunnerTarget(account, ArmScript.RUNBOOK, WORKER_GROUP),
                properties,
                JSON,
                clock,
                sleeper);
    }

    private ExchangeServerRunner runner() {
        return runner(pause -> {
            polls.add(pause);
            clock.advance(pause);
        });
    }

    private static List<RunnerCall> readTheGroup() {
        return List.of(RunnerCall.of(Cmdlet.named("Get-DistributionGroup").with("Identity", GROUP)));
    }

    private static final String READ_THE_GROUP =
            "{\"protocol\":1,\"cmdlets\":[{\"cmdlet\":\"Get-DistributionGroup\",\"parameters\":{\"Identity\":\"" + GROUP
                    + "\"}}]}";

    private static String groupFound() {
        return "{\"protocol\":1,\"server\":{\"name\":\"EX01\",\"version\":\"Version 15.2 (Build 1748.10)\"},"
                + "\"results\":[{\"cmdlet\":\"Get-DistributionGroup\",\"ok\":true,\"rows\":["
                + CmdletScript.securityGroup(GROUP, "ExchangeSyncAccounts") + "],\"warnings\":[]}]}\r\n";
    }

    private void noJobYet() {
        script.read(jobName).returnsJson(404, automationError("NotFound", "The job does not exist."));
    }

    private long puts() {
        return server.findAll(putRequestedFor(urlPathEqualTo(JOBS + jobName))).size();
    }

    /**
     * doctor's reads, answered as the api-version 2024-10-23 examples of Runbook - Get and Hybrid Runbook Workers -
     * List By Hybrid Runbook Worker Group answer (Azure/azure-rest-api-specs, examples/2024-10-23): the runbook's
     * state, and each worker's lastSeenDateTime.
     */
    @Test
    void doctorReadsTheRunbooksStateAndWhenEachWorkerLastCheckedIn() {
        String accountPath = JOBS.substring(0, JOBS.length() - "/jobs/".length());
        server.stubFor(get(urlPathEqualTo(accountPath + "/runbooks/" + ArmScript.RUNBOOK))
                .withQueryParam("api-version", equalTo("2024-10-23"))
                .withHeader("Authorization", equalTo("Bearer " + ArmScript.TOKEN))
                .willReturn(okJson("{\"id\":\"" + accountPath
                        + "/runbooks/" + ArmScript.RUNBOOK + "\",\"name\":\"" + ArmScript.RUNBOOK + "\",\"type\":"
                        + "\"Microsoft.Automation/AutomationAccounts/Runbooks\",\"properties\":{\"runbookType\":"
                        + "\"PowerShell\",\"state\":\"Published\",\"logVerbose\":false,\"logProgress\":false}}")));
        server.stubFor(get(urlPathEqualTo(
                        accountPath + "/hybridRunbookWorkerGroups/" + WORKER_GROUP + "/hybridRunbookWorkers"))
                .withQueryParam("api-version", equalTo("2024-10-23"))
                .willReturn(okJson("{\"value\":[{\"id\":\"w1\","
                        + "\"name\":\"c0ffee00-0000-4000-8000-000000000001\",\"properties\":{\"ip\":\"10.0.0.4\","
                        + "\"registeredDateTime\":\"2026-11-01T09:00:00.0000000+00:00\","
                        + "\"lastSeenDateTime\":\"2026-12-05T09:58:00.0000000+00:00\",\"workerType\":\"HybridV2\","
                        + "\"workerName\":\"EXRUNNER01\"}},{\"id\":\"w2\",\"name\":\"never\","
                        + "\"properties\":{\"workerName\":\"EXRUNNER02\"}}]}")));

        ExchangeServerRunner runner = runner();

        assertThat(runner.runbookState()).contains("Published");
        assertThat(runner.workersLastSeen())
                .containsExactly(java.util.Map.entry("EXRUNNER01", Instant.parse("2026-12-05T09:58:00Z")));
    }

    @Test
    void aBatchRunsAsOneJobAndEveryCmdletAnswers() {
        noJobYet();
        script.create(
                        jobName,
                        "{\"protocol\":1,\"cmdlets\":["
                                + "{\"cmdlet\":\"New-DistributionGroup\",\"parameters\":{\"Name\":\"" + GROUP
                                + "\",\"Alias\":\"ExchangeSyncAccounts\",\"Type\":\"Security\"},"
                                + "\"continueOnError\":true},"
                                + "{\"cmdlet\":\"Get-DistributionGroup\",\"parameters\":{\"Identity\":\"" + GROUP
                                + "\"}},"
                                + "{\"cmdlet\":\"Get-DistributionGroupMember\",\"parameters\":{\"Identity\":\""
                                + GROUP + "\"}}]}")
                .returnsJob(201, job(jobName, "New", null));
        script.read(jobName).returnsJob(200, job(jobName, "Running", null));
        script.read(jobName).returnsJob(200, job(jobName, "Completed", null));
        script.output(jobName)
                .returnsText("{\"protocol\":1,\"server\":{\"name\":\"EX01\",\"version\":\"Version 15.2 (Build"
                        + " 1748.10)\"},\"results\":["
                        + "{\"cmdlet\":\"New-DistributionGroup\",\"ok\":false,\"error\":{\"category\":"
                        + "\"InvalidArgument\",\"fullyQualifiedErrorId\":\"[Server=EX01,RequestId=5f2c1a0e-7d3b-4c55-"
                        + "9a41-0b6e1f2d3c4a,TimeStamp=12/5/2026 10:01:07 AM] [FailureCategory=Cmdlet-"
                        + "ADObjectAlreadyExistsException] 3C9B0C1A,Microsoft.Exchange.Management.RecipientTasks."
                        + "NewDistributionGroup\",\"exceptionType\":\"" + EXISTS + "\",\"message\":\"The name \\\""
                        + GROUP + "\\\" is already being used. Please try another name.\"}},"
                        + "{\"cmdlet\":\"Get-DistributionGroup\",\"ok\":true,\"rows\":["
                        + CmdletScript.securityGroup(GROUP, "ExchangeSyncAccounts") + "],\"warnings\":[]},"
                        + "{\"cmdlet\":\"Get-DistributionGroupMember\",\"ok\":true,\"rows\":["
                        + CmdletScript.mailbox("svc-sync") + "],\"warnings\":[\"There are more results available"
                        + " than are currently displayed. To view them, increase the value for the ResultSize"
                        + " parameter.\"]}]}\r\n");

        RunnerAnswer answer = runner().run(
                        jobName,
                        List.of(
                                RunnerCall.of(Cmdlet.named("New-DistributionGroup")
                                                .with("Name", GROUP)
                                                .with("Alias", "ExchangeSyncAccounts")
                                                .with("Type", "Security"))
                                        .continuingOnError(),
                                RunnerCall.of(
                                        Cmdlet.named("Get-DistributionGroup").with("Identity", GROUP)),
                                RunnerCall.of(Cmdlet.named("Get-DistributionGroupMember")
                                        .with("Identity", GROUP))));

        script.verifyDone();
        assertThat(answer.jobName()).isEqualTo(jobName);
        assertThat(answer.serverName()).isEqualTo("EX01");
        assertThat(answer.serverVersion()).isEqualTo("Version 15.2 (Build 1748.10)");
        assertThat(answer.results())
                .extracting(RunnerResult::status)
                .containsExactly(Status.FAILED, Status.OK, Status.OK);
        assertThat(answer.result(0).error().kind()).isEqualTo(Kind.ALREADY_EXISTS);
        assertThatThrownBy(() -> answer.result(0).orThrow(jobName))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.ALREADY_EXISTS);
                    assertThat(e.service()).isEqualTo("Exchange Server");
                    assertThat(e.code()).isEqualTo("ADObjectAlreadyExistsException");
                    assertThat(e.requestId()).isEqualTo(jobName);
                    assertThat(e.getMessage()).contains("is already being used");
                });
        JsonNode group = answer.result(1).orThrow(jobName).rows().get(0);
        assertThat(ExchangeRows.isSecurityGroup(group)).isTrue();
        assertThat(ExchangeRows.group(group, List.of()).primarySmtpAddress())
                .isEqualTo("ExchangeSyncAccounts@example.com");
        CmdletResult members = answer.result(2).orThrow(jobName);
        assertThat(ExchangeRows.memberNames(members.rows())).containsExactly("svc-sync@example.com");
        assertThat(members.warnings()).singleElement().asString().startsWith("There are more results available");
        assertThat(polls).containsExactly(POLL, POLL);
        assertThat(scopes).isNotEmpty().containsOnly(AccessTokens.AZURE_MANAGEMENT);
    }

    @Test
    void afterARestartTheJobIsFoundByItsNameAndFollowedNotStartedAgain() {
        noJobYet();
        script.create(jobName, READ_THE_GROUP).returnsJob(201, job(jobName, "New", null));
        script.read(jobName).returnsJob(200, job(jobName, "Running", null));
        script.read(jobName).returnsJob(200, job(jobName, "Completed", null));
        script.output(jobName).returnsText(groupFound());

        ExchangeServerRunner stopping = runner(pause -> {
            throw new InterruptedException("the bot is shutting down");
        });
        assertThatThrownBy(() -> stopping.run(jobName, readTheGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo("Interrupted");
                    assertThat(e.isTransient()).isTrue();
                });
        assertThat(Thread.interrupted()).as("the interrupt is handed on").isTrue();

        RunnerAnswer answer = runner().run(jobName, readTheGroup());

        script.verifyDone();
        assertThat(puts()).isEqualTo(1);
        assertThat(answer.result(0).status()).isEqualTo(Status.OK);
    }

    /**
     * A plan's step follows its job for the step hold at most: then the step is put back, the job left to go on, and
     * the step checked again later finds the same job by its name.
     */
    @Test
    void aStepLeavesAJobThatGoesOnPastTheHoldAndFollowsItAgainLater() {
        noJobYet();
        script.create(jobName, READ_THE_GROUP).returnsJob(201, job(jobName, "New", null));
        script.read(jobName).returnsJob(200, job(jobName, "Queued", null));
        script.read(jobName).returnsJob(200, job(jobName, "Running", null));
        script.read(jobName).returnsJob(200, job(jobName, "Running", null));
        script.read(jobName).returnsJob(200, job(jobName, "Completed", null));
        script.output(jobName).returnsText(groupFound());

        assertThatThrownBy(() -> runner().run(jobName, readTheGroup(), true))
                .isInstanceOfSatisfying(TenantWorkPending.class, pending -> {
                    assertThat(pending.getMessage())
                            .contains(jobName, "Get-DistributionGroup", "is Running", WORKER_GROUP);
                    assertThat(pending.checkAgainWithin()).isEqualTo(POLL);
                });
        assertThat(polls).as("followed for the hold, then left to go on").containsExactly(POLL, POLL);

        RunnerAnswer answer = runner().run(jobName, readTheGroup(), true);

        script.verifyDone();
        assertThat(puts()).as("started once, and not stopped").isEqualTo(1);
        assertThat(answer.result(0).orThrow(jobName).rows()).hasSize(1);
    }

    @Test
    void aJobThatExistsWhenItIsCreatedIsFollowedNotStartedTwice() {
        noJobYet();
        script.create(jobName, READ_THE_GROUP)
                .returnsJson(409, automationError("Conflict", "Job with specified id already exists."));
        script.read(jobName).returnsJob(200, job(jobName, "Running", null));
        script.read(jobName).returnsJob(200, job(jobName, "Completed", null));
        script.output(jobName).returnsText(groupFound());

        RunnerAnswer answer = runner().run(jobName, readTheGroup());

        script.verifyDone();
        assertThat(puts()).isEqualTo(1);
        assertThat(answer.result(0).orThrow(jobName).rows()).hasSize(1);
    }

    @Test
    void aFailedJobIsReportedWithItsErrorRecordsAndIsNotTransientWithoutAReason() {
        String streamId = "24456a8a-2857-4af6-932c-3455f38bd05e_00636535675981232703_00000000000000000001";
        String notRecognized = "The term 'Get-DistributionGroup' is not recognized as the name of a cmdlet, function,"
                + " script file, or operable program.";
        noJobYet();
        script.create(jobName, READ_THE_GROUP).returnsJob(201, job(jobName, "New", null));
        script.read(jobName).returnsJob(200, job(jobName, "Failed", "The runbook job failed."));
        script.errorStreams(jobName).returnsJson(200, streamList(jobName, streamId));
        script.stream(jobName, streamId).returnsJson(200, errorStream(jobName, streamId, notRecognized));

        assertThatThrownBy(() -> runner().run(jobName, readTheGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.code()).isEqualTo("JobFailed");
                    assertThat(e.requestId()).isEqualTo(jobName);
                    assertThat(e.getMessage()).contains("The runbook job failed.", notRecognized);
                    assertThat(e.fix()).contains("Look at job " + jobName, "Automation account " + ACCOUNT);
                });
        script.verifyDone();
    }

    @Test
    void aJobTheRunbookFailedForALostExchangeSessionIsTransient() {
        String streamId = "851b2101-686f-40e2-8a4b-5b8df08afbd1_00636535684910693884_00000000000000000001";
        String lost = "ExchangeRunner/ExchangeUnavailable: Connecting to remote server ex01.contoso.com failed with"
                + " the following error message : WinRM cannot complete the operation.";
        noJobYet();
        script.create(jobName, READ_THE_GROUP).returnsJob(201, job(jobName, "New", null));
        script.read(jobName).returnsJob(200, job(jobName, "Running", null));
        script.read(jobName).returnsJob(200, job(jobName, "Failed", lost));
        script.errorStreams(jobName).returnsJson(200, streamList(jobName, streamId));
        script.stream(jobName, streamId).returnsJson(200, errorStream(jobName, streamId, lost));

        assertThatThrownBy(() -> runner().run(jobName, readTheGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.code()).isEqualTo("ExchangeUnavailable");
                    assertThat(e.getMessage()).contains("WinRM cannot complete the operation");
                });
        script.verifyDone();
    }

    @Test
    void aSuspendedJobIsNotTransientAndSaysWhereToLook() {
        noJobYet();
        script.create(jobName, READ_THE_GROUP).returnsJob(201, job(jobName, "New", null));
        script.read(jobName).returnsJob(200, job(jobName, "Suspended", null));
        script.errorStreams(jobName).returnsJson(200, streamList(jobName));

        assertThatThrownBy(() -> runner().run(jobName, readTheGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo("JobSuspended");
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.fix())
                            .contains("Look at job " + jobName, "Automation account " + ACCOUNT, "Resume or stop it");
                });
        script.verifyDone();
    }

    @Test
    void aJobNoWorkerPicksUpIsStoppedAndTheWorkerGroupLooksOffline() {
        noJobYet();
        script.create(jobName, READ_THE_GROUP).returnsJob(201, job(jobName, "New", null));
        script.read(jobName).returnsJob(200, job(jobName, "New", null));
        script.read(jobName).returnsJob(200, job(jobName, "Activating", null));
        script.read(jobName).returnsJob(200, job(jobName, "New", null));
        script.stop(jobName).returnsNothing();

        assertThatThrownBy(() -> runner().run(jobName, readTheGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.code()).isEqualTo("WorkerGroupOffline");
                    assertThat(e.getMessage())
                            .contains("worker group looks offline", WORKER_GROUP, "3 min", "the bot stopped it");
                    assertThat(e.fix()).contains("Hybrid Runbook Worker host of group " + WORKER_GROUP);
                });
        script.verifyDone();
        assertThat(polls).containsExactly(POLL, POLL, POLL);
    }

    /**
     * A bot that restarts while its job waits for a worker follows the job again by its name; the job's wait counts
     * from when Azure made it, so restarts do not give an offline worker group a fresh ten minutes each time.
     */
    @Test
    void aJobFollowedAgainAfterARestartKeepsTheDeadlineItHadFromItsCreation() {
        String twoAndAHalfMinutesAgo = "2026-12-05T09:57:30.000+00:00";
        script.read(jobName).returnsJob(200, job(jobName, "New", null, twoAndAHalfMinutesAgo));
        script.read(jobName).returnsJob(200, job(jobName, "New", null, twoAndAHalfMinutesAgo));
        script.stop(jobName).returnsNothing();

        assertThatThrownBy(() -> runner().run(jobName, readTheGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo("WorkerGroupOffline");
                    assertThat(e.getMessage()).contains("waited 210 s", "the bot stopped it");
                });
        script.verifyDone();
        assertThat(polls).as("one poll, not the three of a fresh wait").containsExactly(POLL);
        assertThat(puts()).as("the job is not started again").isZero();
    }

    @Test
    void aJobThatRunsPastTheJobTimeoutIsStopped() {
        noJobYet();
        script.create(jobName, READ_THE_GROUP).returnsJob(201, job(jobName, "New", null));
        for (int minute = 1; minute <= 4; minute++) {
            script.read(jobName).returnsJob(200, job(jobName, "Running", null));
        }
        script.stop(jobName).returnsNothing();

        assertThatThrownBy(() -> runner().run(jobName, readTheGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.code()).isEqualTo("JobTimedOut");
                    assertThat(e.getMessage()).contains("did not finish within 4 min", "the bot stopped it");
                });
        script.verifyDone();
        assertThat(polls).hasSize(4);
    }

    @Test
    void withoutTheJobOperatorRoleAzureRefusesAndTheFixNamesTheRole() {
        script.read(jobName)
                .returnsJson(
                        403,
                        armError(
                                "AuthorizationFailed",
                                "The client '3a4d5e6f-0000-4000-8000-000000000017' with object id"
                                        + " '3a4d5e6f-0000-4000-8000-000000000017' does not have authorization to"
                                        + " perform action 'Microsoft.Automation/automationAccounts/jobs/read' over"
                                        + " scope '" + JOBS + jobName + "' or the scope is invalid. If access was"
                                        + " recently granted, please refresh your credentials."));

        assertThatThrownBy(() -> runner().run(jobName, readTheGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
                    assertThat(e.service()).isEqualTo("Azure Automation");
                    assertThat(e.code()).isEqualTo("AuthorizationFailed");
                    assertThat(e.requestId())
                            .isEqualTo("arm-" + "withoutTheJobOperatorRoleAzureRefusesAndTheFixNamesTheRole-1");
                    assertThat(e.getMessage()).contains("jobs/read");
                    assertThat(e.fix())
                            .contains(
                                    "Automation Job Operator on the Automation account " + ACCOUNT,
                                    "Automation Runbook Operator on its runbook");
                });
        script.verifyDone();
        assertThat(retryPauses).isEmpty();
    }

    @Test
    void aThrottledCreateIsTriedAgainAfterTheRetryAfterAzureAsks() {
        noJobYet();
        script.create(jobName, READ_THE_GROUP).throttles("7");
        script.create(jobName, READ_THE_GROUP).returnsJob(201, job(jobName, "New", null));
        script.read(jobName).returnsJob(200, job(jobName, "Completed", null));
        script.output(jobName).returnsText(groupFound());

        RunnerAnswer answer = runner().run(jobName, readTheGroup());

        script.verifyDone();
        assertThat(retryPauses)
                .singleElement()
                .satisfies(pause -> assertThat(pause).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
        assertThat(answer.result(0).status()).isEqualTo(Status.OK);
    }

    @Test
    void aCmdletOffTheAllowListIsRefusedBeforeAnyCall() {
        for (List<RunnerCall> refused : List.of(
                List.of(RunnerCall.of(Cmdlet.named("Remove-Mailbox").with("Identity", "svc-sync"))),
                List.of(
                        RunnerCall.of(Cmdlet.named("Get-User").with("Identity", "svc-sync")),
                        RunnerCall.of(Cmdlet.named("Set-ADUser")
                                .with("Identity", "svc-sync")
                                .with("Enabled", false))),
                List.of(RunnerCall.of(Cmdlet.named("Invoke-Expression").with("Command", "Remove-Mailbox svc-sync"))))) {
            assertThatThrownBy(() -> runner().run(jobName, refused))
                    .asInstanceOf(type(TenantException.class))
                    .satisfies(e -> {
                        assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                        assertThat(e.code()).isEqualTo("NotAllowed");
                    });
        }
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(scopes).isEmpty();
    }

    @Test
    void aPasswordGivenAsAValueIsRefusedBeforeAnyCallAndNotRepeated() {
        String password = "Vq7#mZ2!pL9$wR4@";
        List<RunnerCall> withPassword = List.of(RunnerCall.of(Cmdlet.named("New-Mailbox")
                .with("Name", "svc-sync")
                .with("UserPrincipalName", "svc-sync@contoso.com")
                .with("Password", password)));

        assertThatThrownBy(() -> runner().run(jobName, withPassword))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("New-Mailbox -Password").doesNotContain(password);
                    assertThat(e.fix()).contains("Key Vault secret");
                });
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aPasswordTravelsOnlyAsTheNameOfItsSecret() {
        noJobYet();
        script.create(
                        jobName,
                        "{\"protocol\":1,\"cmdlets\":[{\"cmdlet\":\"New-Mailbox\",\"parameters\":{\"Name\":"
                                + "\"svc-sync\",\"UserPrincipalName\":\"svc-sync@contoso.com\","
                                + "\"ResetPasswordOnNextLogon\":false},"
                                + "\"secretParameters\":{\"Password\":\"svc-sync-password\"}}]}")
                .returnsJob(201, job(jobName, "New", null));
        script.read(jobName).returnsJob(200, job(jobName, "Completed", null));
        script.output(jobName)
                .returnsText("{\"protocol\":1,\"server\":{\"name\":\"EX01\",\"version\":\"Version 15.2 (Build"
                        + " 1748.10)\"},\"results\":[{\"cmdlet\":\"New-Mailbox\",\"ok\":true,\"rows\":["
                        + CmdletScript.mailbox("svc-sync") + "],\"warnings\":[]}]}");

        RunnerAnswer answer = runner().run(
                        jobName,
                        List.of(RunnerCall.of(Cmdlet.named("New-Mailbox")
                                        .with("Name", "svc-sync")
                                        .with("UserPrincipalName", "svc-sync@contoso.com")
                                        .with("ResetPasswordOnNextLogon", false))
                                .withSecret("Password", "svc-sync-password")));

        script.verifyDone();
        JsonNode sent = JSON.readTree(JSON.readTree(server.findAll(putRequestedFor(urlPathEqualTo(JOBS + jobName)))
                                .get(0)
                                .getBodyAsString())
                        .path("properties")
                        .path("parameters")
                        .path("Request")
                        .asString())
                .path("cmdlets")
                .get(0);
        assertThat(sent.path("parameters").has("Password")).isFalse();
        assertThat(sent.path("secretParameters").path("Password").asString()).isEqualTo("svc-sync-password");
        assertThat(answer.result(0).status()).isEqualTo(Status.OK);
    }
}
