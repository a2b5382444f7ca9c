package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.ExchangeServerRunnerHealth;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import io.serviceaccountbot.tenant.TenantWorkPending;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a batch of Exchange Server cmdlets as one job of the runbook {@code Invoke-ExchangeCmdlet} and returns what each
 * did ({@code deploy/exchange-server/PROTOCOL.md}).
 *
 * <p>The batch is refused before any call when a cmdlet or parameter is off the allow-list or a secret is given as a
 * value. The caller names the job (a UUID derived from what it is for, {@link #jobName}); the runner reads the job by
 * that name first and creates it only when Azure has none, so after a restart it follows the job it started instead
 * of starting another. It then asks Azure every {@code poll-interval} how the job is doing: a job still waiting for a
 * worker after {@code job-start-timeout}, or unfinished after {@code job-timeout} (both counted from when Azure made
 * it), is stopped, so that it does nothing later that nobody reads, and reported as unavailable; a failed job is reported with its error records, transient only when the runbook says the cause is;
 * a suspended or stopped one is reported with where to look. A completed job's answer is read into a result per
 * cmdlet. A plan's step follows its job for {@code step-hold} at most and is then put back ({@link TenantWorkPending}),
 * so a plan waiting for a busy or slow worker holds no thread; checked again, it finds the same job by its name.
 */
final class ExchangeServerRunner implements ExchangeServerRunnerHealth {

    private static final Logger log = LoggerFactory.getLogger(ExchangeServerRunner.class);
    private static final Pattern JOB_NAME =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final AutomationJobs jobs;
    private final Supplier<RunnerTarget> target;
    private final ExchangeServerRunnerProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final Sleeper sleeper;

    /** @param target where the jobs go, asked on first use (in sandbox mode the port is known only then) */
    ExchangeServerRunner(
            AutomationJobs jobs,
            Supplier<RunnerTarget> target,
            ExchangeServerRunnerProperties properties,
            JsonMapper json,
            Clock clock,
            Sleeper sleeper) {
        this.jobs = jobs;
        this.target = target;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * The job name for a piece of work: a name-based UUID of the key, the same for the same key on every replica and
     * after every restart.
     *
     * @param key what the job is for, e.g. the plan, its step and the attempt
     */
    static String jobName(String key) {
        return UUID.nameUUIDFromBytes(("exchange-server-runner:" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Runs the cmdlets in order, in one Exchange session, as the job of that name, and waits for the answer.
     *
     * @param jobName a UUID, from {@link #jobName}
     * @throws TenantException when the batch is refused, the job cannot be started or followed, or it does not
     *     complete; a cmdlet that failed is an answer, not an exception
     */
    RunnerAnswer run(String jobName, List<RunnerCall> calls) {
        return run(jobName, calls, false);
    }

    /**
     * Runs the cmdlets as the job of that name, and waits for the answer; or, when the caller may wait elsewhere, for
     * at most {@code step-hold}.
     *
     * @param mayWait whether a job that has not ended after {@code step-hold} is left to go on ({@link
     *     TenantWorkPending}), for the caller to ask again later under the same name
     * @throws TenantWorkPending when {@code mayWait} and the job has not ended within {@code step-hold}
     */
    RunnerAnswer run(String jobName, List<RunnerCall> calls, boolean mayWait) {
        requireJobName(jobName);
        RunnerCmdlets.refuseUnlessAllowed(calls);
        String request = json.writeValueAsString(RunnerRequest.of(calls));
        RunnerTarget where = target();
        AutomationJob job = jobs.get(jobName).orElse(null);
        if (job == null) {
            log.info(
                    "Starting Exchange Server runner job {} ({}) on worker group {}",
                    jobName,
                    String.join(", ", calls.stream().map(RunnerCall::cmdlet).toList()),
                    where.workerGroup());
            job = jobs.create(jobName, where.runbook(), where.workerGroup(), Map.of("Request", request));
        } else {
            log.info("Exchange Server runner job {} exists already ({}); following it", jobName, job.status());
        }
        if (job.runbook() != null && !job.runbook().equalsIgnoreCase(where.runbook())) {
            throw new TenantException(
                    Kind.INVALID_REQUEST,
                    RunnerErrors.SERVICE,
                    "OtherRunbook",
                    jobName,
                    "Job " + jobName + " in the " + where.account().describe() + " runs the runbook " + job.runbook()
                            + ", not " + where.runbook(),
                    null);
        }
        AutomationJob finished = follow(job, where, mayWait ? properties.stepHold() : null, calls);
        if (finished.is("Completed")) {
            return RunnerOutput.read(jobs.output(jobName), calls, jobName, json);
        }
        if (finished.is("Failed")) {
            throw RunnerErrors.jobFailed(finished, errorRecords(jobName), where.account());
        }
        if (finished.is("Suspended")) {
            throw RunnerErrors.jobSuspended(finished, errorRecords(jobName), where.account());
        }
        throw RunnerErrors.jobStopped(finished, where.account());
    }

    /**
     * Follows the job to its end. Its time to be picked up and its time in all count from when Azure made it, so a job
     * followed again after a restart (or by another replica) keeps its deadlines instead of starting them afresh.
     */
    private AutomationJob follow(AutomationJob job, RunnerTarget where, Duration hold, List<RunnerCall> calls) {
        Instant now = clock.instant();
        Instant started = job.creationTime() == null || job.creationTime().isAfter(now) ? now : job.creationTime();
        Instant following = now;
        while (!job.isFinished()) {
            Duration waited = Duration.between(started, clock.instant());
            if (job.isWaitingToStart() && waited.compareTo(properties.jobStartTimeout()) >= 0) {
                String stopped = stop(job.name());
                throw new TenantException(
                        Kind.UNAVAILABLE,
                        RunnerErrors.SERVICE,
                        "WorkerGroupOffline",
                        job.name(),
                        "Job " + job.name() + " waited " + minutes(waited) + " for the Hybrid Runbook Worker group "
                                + where.workerGroup() + " to pick it up (still " + job.status()
                                + "): the worker group looks offline; " + stopped,
                        "Check the Hybrid Runbook Worker host of group " + where.workerGroup() + " in the "
                                + where.account().describe() + ": the machine is running, its Hybrid Worker extension"
                                + " is healthy and it reaches Azure over port 443; then run the command again.",
                        null);
            }
            if (waited.compareTo(properties.jobTimeout()) >= 0) {
                String stopped = stop(job.name());
                throw new TenantException(
                        Kind.UNAVAILABLE,
                        RunnerErrors.SERVICE,
                        "JobTimedOut",
                        job.name(),
                        "Job " + job.name() + " did not finish within " + minutes(properties.jobTimeout()) + " (still "
                                + job.status() + "); " + stopped,
                        null);
            }
            if (hold != null && Duration.between(following, clock.instant()).compareTo(hold) >= 0) {
                throw new TenantWorkPending(
                        "Exchange Server's runner job " + job.name() + " ("
                                + String.join(
                                        ", ",
                                        calls.stream().map(RunnerCall::cmdlet).toList()) + ") is "
                                + job.status() + " on the worker group " + where.workerGroup(),
                        properties.pollInterval().compareTo(Duration.ofSeconds(1)) < 0
                                ? Duration.ofSeconds(1)
                                : properties.pollInterval());
            }
            try {
                sleeper.sleep(properties.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TenantException(
                        Kind.UNAVAILABLE,
                        RunnerErrors.SERVICE,
                        "Interrupted",
                        job.name(),
                        "The bot stopped waiting for job " + job.name() + " because it is shutting down; the job goes"
                                + " on, and the same work finds it again by its name",
                        e);
            }
            String name = job.name();
            job = jobs.get(name)
                    .orElseThrow(() -> new TenantException(
                            Kind.UNAVAILABLE,
                            RunnerErrors.SERVICE,
                            "JobVanished",
                            name,
                            "Job " + name + " is no longer in the "
                                    + where.account().describe(),
                            null));
        }
        return job;
    }

    /** Stops a job the bot gives up on, so it does nothing later that nobody reads; says how that went. */
    private String stop(String jobName) {
        try {
            jobs.stop(jobName);
            return "the bot stopped it";
        } catch (TenantException e) {
            log.warn("Could not stop Exchange Server runner job {}: {}", jobName, e.getMessage());
            return "the bot could not stop it (" + e.getMessage() + ")";
        }
    }

    private List<String> errorRecords(String jobName) {
        try {
            return jobs.errorStreams(jobName);
        } catch (TenantException e) {
            log.warn("Could not read the error records of job {}: {}", jobName, e.getMessage());
            return List.of("(its error records could not be read: " + e.getMessage() + ")");
        }
    }

    @Override
    public Optional<String> runbookState() {
        return jobs.runbookState(target().runbook());
    }

    @Override
    public Map<String, Instant> workersLastSeen() {
        return jobs.workersLastSeen(target().workerGroup());
    }

    @Override
    public String describe() {
        RunnerTarget where = target();
        return "the runbook " + where.runbook() + " and the worker group " + where.workerGroup() + " of the "
                + where.account().describe();
    }

    private RunnerTarget target() {
        try {
            return target.get();
        } catch (IllegalArgumentException e) {
            throw new TenantException(
                    Kind.INVALID_REQUEST,
                    RunnerErrors.SERVICE,
                    "NotConfigured",
                    null,
                    "The Exchange Server runner is not configured: " + e.getMessage(),
                    "Set the bot.exchange-server.runner settings (docs/configuration.md), then restart the bot.",
                    e);
        }
    }

    private static void requireJobName(String jobName) {
        try {
            UUID.fromString(jobName);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "a runner job's name is a UUID (ExchangeServerRunner.jobName), was " + jobName);
        }
    }

    private static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    /** Waits between polls; interrupting the thread ends the wait early. A seam so tests need not sleep. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }
}
