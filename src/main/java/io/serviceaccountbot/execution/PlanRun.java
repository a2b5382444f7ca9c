package io.serviceaccountbot.execution;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.plans.Drafted;
import io.serviceaccountbot.plans.ProvisioningReport;
import io.serviceaccountbot.plans.Runbook;
import io.serviceaccountbot.plans.StepOutcome;
import io.serviceaccountbot.plans.StepRetry;
import io.serviceaccountbot.plans.StepRunner;
import io.serviceaccountbot.plans.TenantPlans;
import io.serviceaccountbot.tenant.StepCallKeys;
import io.serviceaccountbot.tenant.TenantCallGuard;
import io.serviceaccountbot.tenant.TenantRequestIds;
import io.serviceaccountbot.tenant.TenantWait;
import io.serviceaccountbot.tenant.TenantWorkPending;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Runs, or resumes, the plan of one approved request. It asks {@link Approvals#startOrResume} (which checks the
 * approvers against the directory again before a first start, and may refuse), reads the stored command back, builds
 * its runbook against the tenant as it is now, and runs the steps in order. Each step is recorded before it runs and
 * after: a step that ended well in an earlier attempt is not run again (only what it found is re-learnt, by reading),
 * and the step a crash interrupted runs again, which is safe because every step only does what is still missing. A
 * transient tenant failure is retried as {@link StepRetry} allows; a permanent one stops the plan, which stays
 * resumable with {@code retry}. Publishes {@link PlanProgress} as steps start and end, and {@link RunEnded} at the
 * end.
 */
class PlanRun {

    private static final Logger log = LoggerFactory.getLogger(PlanRun.class);

    private final Approvals approvals;
    private final TenantPlans plans;
    private final PlanSteps steps;
    private final StepRetry retry;
    private final LeasedWrites leased;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObservationRegistry observations;
    private final Cache<ApprovalRequestId, Waiting> waiting = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();
    private final Cache<ApprovalRequestId, Drafting> drafting = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    PlanRun(
            Approvals approvals,
            TenantPlans plans,
            PlanSteps steps,
            StepRetry retry,
            LeasedWrites leased,
            ApplicationEventPublisher events,
            Clock clock,
            ObservationRegistry observations) {
        this.approvals = approvals;
        this.plans = plans;
        this.steps = steps;
        this.retry = retry;
        this.leased = leased;
        this.events = events;
        this.clock = clock;
        this.observations = observations;
    }

    /** How one run of a request went. */
    sealed interface Result {

        /** The plan ended, well or not; the report says how. */
        record Ended(ProvisioningReport report) implements Result {}

        /** A step waits for the tenant; the run is to resume at {@code next}, holding no thread until then. */
        record Waits(Instant next) implements Result {}

        /** The request may not (or no longer) run. */
        record NotRun() implements Result {}

        /** Another replica took the run over while this one was paused; this one stopped and changed nothing. */
        record Lost() implements Result {}
    }

    /**
     * Runs the request's plan, on this thread, to its end or until a step waits for the tenant. Every step it records,
     * and the request's end, is written under {@code lease}: once another replica has taken the run over, the next
     * write is refused, and the run stops there with {@link Result.Lost}, leaving the tenant, the steps, the audit log
     * and the chat as the other replica made them.
     *
     * @throws Interrupted when the bot is stopping: the run is left as it is, to be resumed
     */
    Result run(ApprovalRequestId id, RunLease lease) {
        Optional<ApprovalRequest> started = approvals.startOrResume(id);
        if (started.isEmpty()) {
            return new Result.NotRun();
        }
        Observation span = Observation.createNotStarted("bot.plan.run", observations)
                .contextualName("plan run")
                .highCardinalityKeyValue("bot.request", started.get().number().value())
                .start();
        try (MDC.MDCCloseable context =
                        MDC.putCloseable(REQUEST, started.get().number().value());
                TenantCallGuard.Scope guard = TenantCallGuard.open(() -> leased.confirm(lease));
                Observation.Scope traced = span.openScope()) {
            Result result = runStarted(started.get(), lease);
            span.lowCardinalityKeyValue("result", resultOf(result));
            return result;
        } catch (RunLease.Lost lost) {
            log.info(
                    "Request {} is carried on by another replica, which took it over while this one was paused;"
                            + " this run stops here and changes nothing",
                    started.get().number());
            span.lowCardinalityKeyValue("result", "lost");
            return new Result.Lost();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.stop();
        }
    }

    private static String resultOf(Result result) {
        return switch (result) {
            case Result.Ended ended -> ended.report().succeeded() ? "succeeded" : "failed";
            case Result.Waits waits -> "waits";
            case Result.NotRun notRun -> "not run";
            case Result.Lost lost -> "lost";
        };
    }

    /** The logging-context key that names the request on every line of its run. */
    static final String REQUEST = "request";

    private Result runStarted(ApprovalRequest request, RunLease lease) {
        ApprovalRequestId id = request.id();
        List<PlanSteps.StoredStep> recorded = steps.of(id);
        if (recorded.stream().anyMatch(PlanSteps.StoredStep::polling)) {
            log.debug("Request {} checks on the tenant again", request.number());
        } else {
            log.info("Request {} runs: {}", request.number(), request.commandText());
        }
        Result result;
        try {
            result = continueWaiting(request, lease, recorded).orElseGet(() -> execute(request, lease, recorded));
        } catch (Interrupted | RunLease.Lost stopping) {
            throw stopping;
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Request {} failed unexpectedly (reference {})", request.number(), reference, e);
            result = new Result.Ended(new ProvisioningReport(
                    request.commandText(),
                    List.of(StepOutcome.failed(
                            "Something went wrong on the bot's side, and it stopped (reference " + reference + ")",
                            "Type retry " + request.number() + ": every step done so far is kept.")),
                    null));
        }
        if (result instanceof Result.Waits waits) {
            log.debug("Request {} waits for the tenant until {}", request.number(), waits.next());
            return result;
        }
        waiting.invalidate(id);
        drafting.invalidate(id);
        ProvisioningReport report = ((Result.Ended) result).report();
        leased.write(lease, () -> {
            approvals.finishExecution(id, report.succeeded(), summary(report));
            events.publishEvent(new RunEnded(id, request.number(), request.target(), report, summary(report)));
        });
        if (report.succeeded()) {
            log.info("Request {} done", request.number());
        } else {
            log.info("Request {} failed: {}", request.number(), summary(report));
        }
        return result;
    }

    private Result execute(ApprovalRequest request, RunLease lease, List<PlanSteps.StoredStep> recorded) {
        Command.Privileged command = request.command();
        StepRunner check = new StepRunner(retry);
        Drafted[] drafted = new Drafted[1];
        Drafting before = drafting.getIfPresent(request.id());
        Drafting now = before != null
                ? before
                : new Drafting("request " + request.id().value() + "/draft " + UUID.randomUUID(), 0);
        try (StepCallKeys.Scope names = StepCallKeys.open(now.key(), before != null, true)) {
            check.run("Check the organisation and the target again", () -> {
                drafted[0] = plans.draft(command, request.groupAccess().memberIds());
                return null;
            });
        } catch (TenantWorkPending pending) {
            stopIfInterrupted();
            Drafting again = new Drafting(now.key(), now.checks() + 1);
            drafting.put(request.id(), again);
            return new Result.Waits(nextCheck(again.checks(), pending));
        }
        drafting.invalidate(request.id());
        stopIfInterrupted();
        if (check.stopped()) {
            return new Result.Ended(new ProvisioningReport(request.commandText(), check.outcomes(), null));
        }
        if (drafted[0] instanceof Drafted.Refused refused) {
            return failedBeforeAnyStep(
                    request,
                    refused.refusal().reason(),
                    refused.refusal().alternative() == null
                            ? "Nothing was changed."
                            : "Nothing was changed. Instead, type: "
                                    + refused.refusal().alternative());
        }
        Runbook runbook = ((Drafted.Ready) drafted[0]).runbook();
        if (!recorded.isEmpty()) {
            Optional<String> beyond = ApprovedScope.beyond(request, command, runbook);
            if (beyond.isPresent()) {
                return new Result.Ended(ApprovedScope.refused(request, runbook, beyond.get()));
            }
        }
        return runSteps(request, lease, runbook, recorded, new ArrayList<>());
    }

    /**
     * A run whose step waits for the tenant resumes on the replica that put it back: the runbook it drafted then, with
     * what its steps learned, carries on at the waiting step, so a check costs one question to the tenant rather than
     * a new plan. On another replica, after a restart, or once the run has moved on elsewhere, there is no such
     * runbook, and the run starts over from the recorded steps as any resumed run does.
     */
    private Optional<Result> continueWaiting(
            ApprovalRequest request, RunLease lease, List<PlanSteps.StoredStep> recorded) {
        Waiting kept = waiting.getIfPresent(request.id());
        boolean stillThere =
                kept != null && recorded.stream().anyMatch(step -> step.polling() && step.ordinal() == kept.ordinal());
        if (!stillThere) {
            return Optional.empty();
        }
        return Optional.of(runSteps(request, lease, kept.runbook(), recorded, new ArrayList<>(kept.before())));
    }

    /**
     * Runs the steps from the first one without an outcome in {@code outcomes} on. Once a step done earlier finds what
     * it made gone, it and every step after it run again ({@link EarlierStep}).
     */
    private Result runSteps(
            ApprovalRequest request,
            RunLease lease,
            Runbook drafted,
            List<PlanSteps.StoredStep> stored,
            List<StepOutcome> outcomes) {
        Map<Integer, PlanSteps.StoredStep> recorded = new HashMap<>();
        stored.forEach(step -> recorded.put(step.ordinal(), step));
        Runbook runbook = drafted;
        List<Runbook.Step> plan = runbook.steps();
        boolean afresh = false;
        for (int ordinal = outcomes.size(); ordinal < plan.size(); ordinal++) {
            Runbook.Step step = plan.get(ordinal);
            PlanSteps.StoredStep before = recorded.get(ordinal);
            StepOutcome outcome = null;
            if (before != null && before.endedWell() && !afresh) {
                EarlierStep.Restored restored = restore(step, before.outcome());
                if (restored.gone() != null) {
                    log.info("Request {}: {}; the step runs again", request.number(), restored.gone());
                    afresh = true;
                    runbook = runbook.withStep(ordinal, EarlierStep.again(step, restored.gone()));
                }
                outcome = restored.outcome();
            }
            if (outcome != null) {
                // kept from the earlier attempt, or the tenant could not be read
            } else {
                Awaited ran = runStep(request, lease, runbook, outcomes, ordinal, before);
                if (ran.ended() == null) {
                    waiting.put(request.id(), new Waiting(runbook, List.copyOf(outcomes), ordinal));
                    return new Result.Waits(ran.next());
                }
                outcome = ran.ended();
            }
            outcomes.add(outcome);
            if (outcome.status() == StepOutcome.Status.FAILED) {
                for (int later = ordinal + 1; later < plan.size(); later++) {
                    outcomes.add(StepOutcome.skipped(plan.get(later).words()));
                }
                break;
            }
        }
        progress(request, runbook, outcomes, -1);
        return new Result.Ended(
                new ProvisioningReport(runbook.title(), outcomes, runbook.secretLocation(), runbook.nextSteps()));
    }

    /** A step done in an earlier attempt: keep its outcome, and re-learn (by reading) what later steps need. */
    private EarlierStep.Restored restore(Runbook.Step step, StepOutcome earlier) {
        EarlierStep.Restored restored = EarlierStep.restore(step, earlier, retry);
        stopIfInterrupted();
        return restored;
    }

    /**
     * The attempt a step starts now: the one a run that stopped during the step had begun, or that was put back to be
     * checked later (so its calls keep their names, see {@link StepCallKeys}), else one more than it had; the plan
     * steps record the same number.
     */
    static int attemptOf(PlanSteps.StoredStep previous) {
        if (previous == null) {
            return 1;
        }
        return carriesOn(previous) ? previous.attempts() : previous.attempts() + 1;
    }

    /** Whether a step goes on under the attempt it had: a run stopped during it, or put it back to wait. */
    private static boolean carriesOn(PlanSteps.StoredStep previous) {
        return previous != null && (previous.interrupted() || previous.polling());
    }

    /**
     * Runs a step, or carries on the attempt that a stopped run began or that was put back: ended, or (ended null) put
     * back once more while work it asked of the tenant goes on ({@link TenantWorkPending}), to be checked again at the
     * next pause of {@link TenantWait#pauseAfter}, sooner when the work says a look is worth it sooner.
     */
    private Awaited runStep(
            ApprovalRequest request,
            RunLease lease,
            Runbook runbook,
            List<StepOutcome> before,
            int ordinal,
            PlanSteps.StoredStep previous) {
        Runbook.Step step = runbook.steps().get(ordinal);
        int attempt = attemptOf(previous);
        boolean polled = previous != null && previous.polling();
        Instant startedAt = clock.instant();
        leased.write(lease, () -> steps.started(request.id(), ordinal, step.words(), startedAt));
        if (!polled) {
            progress(request, runbook, before, ordinal);
        }
        StepRunner runner = new StepRunner(retry);
        List<String> tenantIds;
        long started = System.nanoTime();
        Observation span = Observation.createNotStarted("bot.plan.step", observations)
                .contextualName("step " + (ordinal + 1) + ": " + step.words())
                .highCardinalityKeyValue("bot.request", request.number().value())
                .highCardinalityKeyValue("bot.step", step.words())
                .highCardinalityKeyValue("bot.step.ordinal", Integer.toString(ordinal))
                .highCardinalityKeyValue("bot.step.attempt", Integer.toString(attempt))
                .start();
        try (Observation.Scope traced = span.openScope();
                TenantRequestIds.Scope calls = TenantRequestIds.open();
                StepCallKeys.Scope names = StepCallKeys.open(
                        "request " + request.id().value() + "/step " + ordinal + "/attempt " + attempt,
                        carriesOn(previous),
                        true)) {
            runner.run(step.words(), step.action());
            tenantIds = calls.ids();
        } catch (TenantWorkPending pending) {
            span.lowCardinalityKeyValue("outcome", "waits").stop();
            stopIfInterrupted();
            int checks = (polled ? previous.checks() : 0) + 1;
            Instant next = nextCheck(checks, pending);
            leased.write(lease, () -> steps.polling(request.id(), ordinal, checks, next));
            log.debug("Request {}: {}; the step is checked again at {}", request.number(), pending.getMessage(), next);
            return new Awaited(null, next);
        } catch (RuntimeException e) {
            span.error(e).stop();
            throw e;
        }
        StepOutcome outcome = runner.outcomes().isEmpty()
                ? StepOutcome.done(step.words())
                : runner.outcomes().get(0);
        span.lowCardinalityKeyValue("outcome", outcome.status().name().toLowerCase(Locale.ROOT))
                .stop();
        stopIfInterrupted();
        ended(
                request,
                lease,
                runbook,
                before,
                ordinal,
                outcome,
                tenantIds,
                Duration.ofNanos(System.nanoTime() - started));
        return new Awaited(outcome, null);
    }

    /** When to look again at work the tenant has not ended: the schedule's pause, or sooner if the work says so. */
    private Instant nextCheck(int checks, TenantWorkPending pending) {
        Duration pause = TenantWait.pauseAfter(checks);
        return clock.instant()
                .plus(pause.compareTo(pending.checkAgainWithin()) > 0 ? pending.checkAgainWithin() : pause);
    }

    /**
     * A run put back while it drafted its plan: the names its drafting reads were asked under, so that on this replica
     * the next look follows the same jobs (elsewhere, a fresh draft reads afresh; reads change nothing), and how often
     * it was put back.
     */
    private record Drafting(String key, int checks) {}

    /** How a step's run went: how the step ended, or (ended null) when it is checked again. */
    private record Awaited(StepOutcome ended, Instant next) {}

    /** A run put back while its step at {@code ordinal} waits: its runbook, and the outcomes of the steps before. */
    private record Waiting(Runbook runbook, List<StepOutcome> before, int ordinal) {}

    /**
     * Records how a step ended and its audit entry, in one transaction under the run's lease; then counts it and tells
     * the progress card.
     */
    private void ended(
            ApprovalRequest request,
            RunLease lease,
            Runbook runbook,
            List<StepOutcome> before,
            int ordinal,
            StepOutcome outcome,
            List<String> tenantIds,
            Duration took) {
        Runbook.Step step = runbook.steps().get(ordinal);
        leased.write(lease, () -> {
            steps.finished(request.id(), ordinal, outcome, clock.instant());
            events.publishEvent(new StepEnded(
                    request.number().value(), request.target(), ordinal, step.words(), outcome, tenantIds));
        });
        Metrics.timer("bot.plan.steps", "outcome", outcome.status().name().toLowerCase(Locale.ROOT))
                .record(took);
        List<StepOutcome> now = new ArrayList<>(before);
        now.add(outcome);
        progress(request, runbook, now, -1);
    }

    private void progress(ApprovalRequest request, Runbook runbook, List<StepOutcome> ended, int running) {
        List<PlanProgress.Line> lines = new ArrayList<>();
        List<Runbook.Step> plan = runbook.steps();
        for (int ordinal = 0; ordinal < plan.size(); ordinal++) {
            String words = plan.get(ordinal).words();
            if (ordinal < ended.size()) {
                StepOutcome outcome = ended.get(ordinal);
                lines.add(new PlanProgress.Line(
                        words, PlanProgress.State.valueOf(outcome.status().name()), outcome.text(), outcome.fix()));
            } else {
                lines.add(new PlanProgress.Line(
                        words,
                        ordinal == running ? PlanProgress.State.RUNNING : PlanProgress.State.PENDING,
                        null,
                        null));
            }
        }
        events.publishEvent(new PlanProgress(request.number().value(), runbook.title(), lines));
    }

    private static Result failedBeforeAnyStep(ApprovalRequest request, String text, String fix) {
        return new Result.Ended(
                new ProvisioningReport(request.commandText(), List.of(StepOutcome.failed(text, fix)), null));
    }

    /** A step that saw the thread interrupted has not really ended: the bot is stopping, and the run resumes later. */
    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Interrupted();
        }
    }

    /** The bot is stopping in the middle of a run; the run stays as it is and is resumed. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("the bot is stopping; the run resumes at the step it was in", null, false, false);
        }
    }

    /** One line for the request's record: how it ended, and where it stopped. */
    static String summary(ProvisioningReport report) {
        long done = report.steps().stream()
                .filter(step -> step.status() == StepOutcome.Status.DONE)
                .count();
        long already = report.steps().stream()
                .filter(step -> step.status() == StepOutcome.Status.ALREADY_DONE)
                .count();
        if (report.succeeded()) {
            return report.title() + ": " + report.steps().size() + " steps, " + done + " done now, " + already
                    + " already so";
        }
        StepOutcome failed = report.steps().stream()
                .filter(step -> step.status() == StepOutcome.Status.FAILED)
                .findFirst()
                .orElse(report.steps().get(report.steps().size() - 1));
        return report.title() + ": stopped. " + failed.text() + (failed.fix() == null ? "" : " Fix: " + failed.fix());
    }
}
