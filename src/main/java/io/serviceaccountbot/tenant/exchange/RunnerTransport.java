package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.ExchangeReads;
import io.serviceaccountbot.tenant.ExchangeServerVersion;
import io.serviceaccountbot.tenant.StepCallKeys;
import io.serviceaccountbot.tenant.TenantException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cmdlets on Exchange Server, as jobs of the runner's runbook ({@link ExchangeServerRunner}). Within a plan's step the
 * job is named after the step's call ({@link StepCallKeys}), so a run taken over after a crash follows the jobs the
 * step had started instead of starting them again; outside a step it gets a fresh name.
 *
 * <p>A job costs tens of seconds on a real worker, so reads are not asked twice while nothing can have changed them:
 * a job carries, besides the cmdlet asked for, the reads the adapter asks next in every case ({@link ReadAhead}).
 * Within a plan's step, what reads answered is kept on the asking thread for that attempt and answers the same read
 * again until the step changes anything in Exchange (a run that takes the step over asks exactly the same jobs).
 * Outside a step (planning, chat answers, verification) reads asked together ({@link #readTogether}) are kept until
 * the operation closes them, and the reads carried ahead otherwise only for the call that asks them right away
 * ({@link #KEPT_OUTSIDE_A_STEP} at most): a thread serves one chat turn after another, and a later turn must see what
 * other threads changed since.
 */
final class RunnerTransport implements CmdletTransport {

    /** How long outside a plan's step a read carried ahead may answer the call that asks it. */
    static final Duration KEPT_OUTSIDE_A_STEP = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(RunnerTransport.class);

    private final ExchangeServerRunner runner;
    private final ExchangeWarningListener warnings;
    private final Clock clock;
    private final ThreadLocal<List<Kept>> kept = ThreadLocal.withInitial(ArrayList::new);
    private final ThreadLocal<ExchangeServerVersion> server = new ThreadLocal<>();
    private final ThreadLocal<Object> readScope = new ThreadLocal<>();

    RunnerTransport(ExchangeServerRunner runner, ExchangeWarningListener warnings) {
        this(runner, warnings, Clock.systemUTC());
    }

    RunnerTransport(ExchangeServerRunner runner, ExchangeWarningListener warnings, Clock clock) {
        this.runner = runner;
        this.warnings = warnings;
        this.clock = clock;
    }

    @Override
    public CmdletResult invoke(Cmdlet cmdlet) {
        RunnerResult result = keptFor(cmdlet);
        String jobName;
        if (result == null) {
            jobName = ExchangeServerRunner.jobName(
                    StepCallKeys.next().orElseGet(() -> UUID.randomUUID().toString()));
            result = run(jobName, cmdlet);
        } else {
            jobName = "an earlier job of this step";
        }
        CmdletResult answer = result.orThrow(jobName);
        if (!answer.warnings().isEmpty()) {
            String job = jobName;
            answer.warnings()
                    .forEach(warning -> log.warn(
                            "Exchange Server warned on {} (job {}): {}",
                            cmdlet,
                            job,
                            ExchangeErrors.printable(warning, 300)));
            warnings.onWarnings(cmdlet.name(), answer.warnings());
        }
        return answer;
    }

    @Override
    public String service() {
        return RunnerErrors.SERVICE;
    }

    @Override
    public Optional<ExchangeServerVersion> lastServer() {
        return Optional.ofNullable(server.get());
    }

    /**
     * Asks, in one job, the reads not answered yet, each with the reads that follow it ({@link ReadAhead}), and keeps
     * their answers for the reads that come next. Within a step the job takes the step's next call name, so a run
     * that takes the step over follows the same job.
     */
    @Override
    public ExchangeReads.Kept readTogether(List<Cmdlet> reads) {
        ExchangeReads.Kept kept = openScope();
        try {
            askTogether(reads);
        } catch (RuntimeException e) {
            kept.close();
            throw e;
        }
        return kept;
    }

    /**
     * Outside a step and any other reads kept, what this thread keeps from now on belongs to a new scope, forgotten
     * when it closes; otherwise the step's attempt, or the scope already open, keeps them.
     */
    private ExchangeReads.Kept openScope() {
        if (StepCallKeys.current().isPresent() || readScope.get() != null) {
            return ExchangeReads.Kept.NOTHING;
        }
        Object scope = new Object();
        readScope.set(scope);
        return () -> {
            kept.get().removeIf(one -> one.attempt() == scope);
            readScope.remove();
        };
    }

    private void askTogether(List<Cmdlet> reads) {
        List<Cmdlet> asked = new ArrayList<>();
        for (Cmdlet read : reads) {
            if (!reads(read) || keptFor(read) != null) {
                continue;
            }
            for (Cmdlet one : withAhead(read)) {
                if (asked.stream().noneMatch(already -> same(already, one))) {
                    asked.add(one);
                }
            }
        }
        if (asked.isEmpty()) {
            return;
        }
        String jobName = ExchangeServerRunner.jobName(
                StepCallKeys.next().orElseGet(() -> UUID.randomUUID().toString()));
        List<RunnerCall> calls = asked.stream()
                .map(read -> RunnerCall.of(read).continuingOnError())
                .toList();
        RunnerAnswer answer = runJob(jobName, calls);
        List<Kept> now = kept.get();
        Object attempt = attempt();
        Instant at = clock.instant();
        for (int i = 0; i < asked.size(); i++) {
            keep(now, asked.get(i), answer.result(i), attempt, at);
        }
    }

    /** Runs the cmdlet, with its reads ahead, as one job, and keeps what the reads answered. */
    private RunnerResult run(String jobName, Cmdlet cmdlet) {
        List<Kept> now = kept.get();
        if (!reads(cmdlet)) {
            now.clear();
        }
        List<Cmdlet> ahead = ReadAhead.after(cmdlet);
        List<RunnerCall> calls = new ArrayList<>();
        RunnerCall asked = RunnerCall.of(cmdlet);
        calls.add(ahead.isEmpty() ? asked : asked.continuingOnError());
        ahead.forEach(read -> calls.add(RunnerCall.of(read).continuingOnError()));
        RunnerAnswer answer = runJob(jobName, calls);
        Object attempt = attempt();
        Instant at = clock.instant();
        if (reads(cmdlet) && attempt != null) {
            keep(now, cmdlet, answer.result(0), attempt, at);
        }
        for (int i = 0; i < ahead.size(); i++) {
            keep(now, ahead.get(i), answer.result(i + 1), attempt, at);
        }
        return answer.result(0);
    }

    /**
     * Runs one job and notes which server answered; a job that cannot be run forgets what this thread kept.
     */
    private RunnerAnswer runJob(String jobName, List<RunnerCall> calls) {
        List<Kept> now = kept.get();
        RunnerAnswer answer;
        try {
            answer = runner.run(jobName, calls, StepCallKeys.mayWait());
        } catch (TenantException e) {
            now.clear();
            throw e;
        }
        if (answer.serverName() != null || answer.serverVersion() != null) {
            server.set(new ExchangeServerVersion(answer.serverName(), answer.serverVersion()));
        }
        return answer;
    }

    /** What keeps this thread's answers now: the step's attempt, else the reads kept together; null for neither. */
    private Object attempt() {
        return StepCallKeys.current().orElseGet(readScope::get);
    }

    private static List<Cmdlet> withAhead(Cmdlet read) {
        List<Cmdlet> all = new ArrayList<>();
        all.add(read);
        all.addAll(ReadAhead.after(read));
        return all;
    }

    /** What a read answered the same read earlier, in this attempt or lately outside one; else null. */
    private RunnerResult keptFor(Cmdlet cmdlet) {
        List<Kept> now = kept.get();
        Object attempt = attempt();
        Instant oldest = clock.instant().minus(KEPT_OUTSIDE_A_STEP);
        now.removeIf(
                one -> one.attempt() != attempt || (attempt == null && one.at().isBefore(oldest)));
        if (!reads(cmdlet)) {
            return null;
        }
        return now.stream()
                .filter(one -> same(one.cmdlet(), cmdlet))
                .map(Kept::result)
                .findFirst()
                .orElse(null);
    }

    private static void keep(List<Kept> kept, Cmdlet cmdlet, RunnerResult result, Object attempt, Instant at) {
        if (result.status() == RunnerResult.Status.SKIPPED) {
            return;
        }
        kept.removeIf(one -> same(one.cmdlet(), cmdlet));
        kept.add(new Kept(cmdlet, result, attempt, at));
    }

    private static boolean reads(Cmdlet cmdlet) {
        return cmdlet.name().regionMatches(true, 0, "Get-", 0, 4);
    }

    private static boolean same(Cmdlet a, Cmdlet b) {
        return a.name().toLowerCase(Locale.ROOT).equals(b.name().toLowerCase(Locale.ROOT))
                && Objects.equals(a.parameters(), b.parameters());
    }

    /** A read's answer, from the attempt or scope it was asked in (null outside both) and when. */
    private record Kept(Cmdlet cmdlet, RunnerResult result, Object attempt, Instant at) {}
}
