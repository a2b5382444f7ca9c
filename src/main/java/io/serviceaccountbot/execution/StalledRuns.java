package io.serviceaccountbot.execution;

import io.serviceaccountbot.approval.ApprovalRequestId;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notices runs whose replica stopped heartbeating, before they count as dead. Every heartbeat interval, each replica
 * looks at the runs other replicas hold ({@code scheduled_tasks} rows of {@link DurablePlanRuns#RUN_TASK}, picked);
 * one whose last heartbeat is older than {@link #STALE_AFTER} heartbeats (a whole heartbeat missed, with one to spare)
 * is announced once, as {@link PlanPaused}, with the latest time another replica takes it over: db-scheduler counts a
 * run dead {@link DurablePlanRuns#MISSED_HEARTBEATS} heartbeats after its last one, and each replica looks for dead
 * runs every two heartbeats, so the takeover comes at most six heartbeats after the last one.
 */
class StalledRuns implements SmartLifecycle {

    /** A run whose last heartbeat is this many heartbeats old has missed one. */
    static final int STALE_AFTER = 2;

    /** At the latest, this many heartbeats after its last one another replica has taken a run over. */
    static final int TAKEN_OVER_WITHIN = DurablePlanRuns.MISSED_HEARTBEATS + 2;

    private static final Logger log = LoggerFactory.getLogger(StalledRuns.class);

    private final JdbcClient jdbc;
    private final Function<ApprovalRequestId, Optional<String>> numbers;
    private final PlanSteps steps;
    private final ApplicationEventPublisher events;
    private final Duration heartbeat;
    private final Clock clock;
    private final String self;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService timer;

    StalledRuns(
            JdbcClient jdbc,
            Function<ApprovalRequestId, Optional<String>> numbers,
            PlanSteps steps,
            ApplicationEventPublisher events,
            Duration heartbeat,
            Clock clock,
            String self) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.steps = steps;
        this.events = events;
        this.heartbeat = heartbeat;
        this.clock = clock;
        this.self = self;
    }

    /** The name this replica's scheduler goes by ({@code picked_by}), as {@link DurablePlanRuns} names it. */
    static String thisReplica() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    /** Announces each run that has newly missed a heartbeat; returns what it announced. */
    List<PlanPaused> check() {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(heartbeat.multipliedBy(STALE_AFTER));
        List<Held> held = jdbc.sql("select task_instance, picked_by, last_heartbeat from scheduled_tasks"
                        + " where task_name = :task and picked = true")
                .param("task", DurablePlanRuns.RUN_TASK)
                .query((row, index) -> new Held(
                        row.getString("task_instance"),
                        row.getString("picked_by"),
                        row.getTimestamp("last_heartbeat") == null
                                ? null
                                : row.getTimestamp("last_heartbeat").toInstant()))
                .list();
        List<String> stillHeld = new ArrayList<>();
        List<PlanPaused> paused = new ArrayList<>();
        for (Held run : held) {
            String key = run.instance() + "@" + run.lastHeartbeat();
            stillHeld.add(key);
            if (run.lastHeartbeat() == null
                    || self.equals(run.pickedBy())
                    || !run.lastHeartbeat().isBefore(staleBefore)
                    || !announced.add(key)) {
                continue;
            }
            Duration left = Duration.between(now, run.lastHeartbeat().plus(heartbeat.multipliedBy(TAKEN_OVER_WITHIN)));
            announce(run, left.isNegative() ? Duration.ZERO : left).ifPresent(paused::add);
        }
        announced.retainAll(stillHeld);
        return paused;
    }

    private Optional<PlanPaused> announce(Held run, Duration resumesWithin) {
        ApprovalRequestId id;
        try {
            id = new ApprovalRequestId(UUID.fromString(run.instance()));
        } catch (IllegalArgumentException notARequest) {
            return Optional.empty();
        }
        Optional<String> number = numbers.apply(id);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        List<PlanProgress.Line> lines = new ArrayList<>();
        for (PlanSteps.StoredStep step : steps.of(id)) {
            lines.add(
                    step.outcome() == null
                            ? new PlanProgress.Line(step.words(), PlanProgress.State.RUNNING, null, null)
                            : new PlanProgress.Line(
                                    step.words(),
                                    PlanProgress.State.valueOf(
                                            step.outcome().status().name()),
                                    step.outcome().text(),
                                    step.outcome().fix()));
        }
        PlanPaused paused = new PlanPaused(number.get(), lines, resumesWithin);
        log.info(
                "Request {}: its run on {} missed a heartbeat (last {}); another replica takes it over within {} s"
                        + " unless it answers",
                paused.requestNumber(),
                run.pickedBy(),
                run.lastHeartbeat(),
                resumesWithin.toSeconds());
        events.publishEvent(paused);
        return Optional.of(paused);
    }

    private void checkAndLog() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Could not look for runs whose replica stopped heartbeating: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stalled-runs");
            thread.setDaemon(true);
            return thread;
        });
        long period = heartbeat.toMillis();
        timer.scheduleWithFixedDelay(this::checkAndLog, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** A run some replica holds. */
    private record Held(String instance, String pickedBy, Instant lastHeartbeat) {}
}
