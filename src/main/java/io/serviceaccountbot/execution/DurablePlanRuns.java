package io.serviceaccountbot.execution;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.serviceaccountbot.approval.ApprovalEvent;
import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.tenant.ProvisioningProperties;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Approved plans as durable jobs of db-scheduler, on the application database. An approval (once saved) or a {@code
 * retry} schedules one execution per request, named by the request's id, so the same plan triggered twice runs once;
 * the replica that picks it runs it ({@link PlanRun}) and heartbeats it meanwhile; when a replica stops heartbeating
 * (killed, or cut off), another one takes the run over and resumes it at the step it was in. A step that waits for the
 * tenant gives the thread back: the execution is rescheduled for the step's next check, and whichever replica picks it
 * then carries on. A run that ends abnormally (the bot stopping, the database away) is tried again later. Every few
 * minutes each replica also schedules any approved request that has no execution yet, so an approval saved just before
 * a crash still runs. The same scheduler runs the durable jobs other modules declare as {@link Task} beans.
 */
class DurablePlanRuns implements SmartLifecycle, DisposableBean {

    static final String RUN_TASK = "run-approved-plan";
    static final String SWEEP_TASK = "schedule-approved-plans";

    private static final Logger log = LoggerFactory.getLogger(DurablePlanRuns.class);

    private final Approvals approvals;
    private final DataSource dataSource;
    private final ProvisioningProperties properties;
    private final CustomTask<Void> runTask;
    private final ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "plan-wake-ups");
        thread.setDaemon(true);
        return thread;
    });
    private final RecurringTask<Void> sweep;
    private final SchedulerClient client;
    private volatile Scheduler scheduler;

    private final List<Task<?>> otherTasks;

    DurablePlanRuns(
            DataSource dataSource,
            Approvals approvals,
            PlanRun run,
            LeasedWrites leased,
            ProvisioningProperties properties,
            List<Task<?>> otherTasks) {
        this.otherTasks = List.copyOf(otherTasks);
        this.approvals = approvals;
        this.dataSource = dataSource;
        this.properties = properties;
        this.runTask = Tasks.custom(RUN_TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(properties.runRetryDelay()))
                .onDeadExecution(new ReviveDeadRun<>(revived -> checkForDueRuns()))
                .execute((instance, context) -> {
                    ApprovalRequestId id = new ApprovalRequestId(UUID.fromString(instance.getId()));
                    RunLease lease = new RunLease(instance.getId(), context.getExecution().version);
                    PlanRun.Result result = run.run(id, lease);
                    if (result instanceof PlanRun.Result.Lost) {
                        return (complete, operations) -> {};
                    }
                    CompletionHandler<Void> completion = result instanceof PlanRun.Result.Waits waits
                            ? resumeAt(waits.next())
                            : new CompletionHandler.OnCompleteRemove<>();
                    return new UnlessTakenOver(completion, leased, lease);
                });
        this.sweep = Tasks.recurring(SWEEP_TASK, FixedDelay.of(properties.runSweepInterval()))
                .execute((instance, context) -> scheduleAwaitingRuns());
        this.client = SchedulerClient.Builder.create(dataSource, runTask).build();
    }

    /** A run is taken over once its replica has missed this many heartbeats. */
    static final int MISSED_HEARTBEATS = 4;

    /** An approval was saved: its plan runs once, on whichever replica picks it. */
    @TransactionalEventListener(fallbackExecution = true)
    public void onApproved(ApprovalEvent.Approved approved) {
        schedule(approved.id());
    }

    /** A failed plan is to run again from where it stopped. */
    @TransactionalEventListener(fallbackExecution = true)
    public void onRetried(ApprovalEvent.ExecutionRetried retried) {
        schedule(retried.id());
    }

    /**
     * Schedules the request's run unless it is scheduled or running already; true when this call scheduled it. A
     * running scheduler here is told at once, so the run starts without waiting for the next poll.
     */
    boolean schedule(ApprovalRequestId id) {
        boolean scheduled = client.scheduleIfNotExists(runTask.instance(id.toString()), Instant.now());
        Scheduler running = scheduler;
        if (scheduled && running != null) {
            running.triggerCheckForDueExecutions();
        }
        log.debug("Request {} {}", id, scheduled ? "scheduled" : "was scheduled already");
        return scheduled;
    }

    /**
     * A run whose step waits for the tenant gives its thread back: its execution stays in the database, due at the
     * next check, where any replica's poll finds it. This replica also wakes its own scheduler then, so the check is
     * not late by a polling interval.
     */
    private CompletionHandler<Void> resumeAt(Instant next) {
        return (complete, operations) -> {
            operations.reschedule(complete, next);
            long delay = Math.max(0, Duration.between(Instant.now(), next).toMillis());
            wakeUps.schedule(this::checkForDueRuns, delay + 20, TimeUnit.MILLISECONDS);
        };
    }

    private void checkForDueRuns() {
        Scheduler running = scheduler;
        if (running != null) {
            running.triggerCheckForDueExecutions();
        }
    }

    private void scheduleAwaitingRuns() {
        for (ApprovalRequestId id : approvals.awaitingExecution()) {
            if (schedule(id)) {
                log.info("Request {} was approved but had no run scheduled; scheduled it now", id);
            }
        }
    }

    /** Starts picking runs (a new scheduler each time: a stopped one cannot start again). */
    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        List<Task<?>> tasks = new ArrayList<>(otherTasks);
        tasks.add(runTask);
        Scheduler started = Scheduler.create(dataSource, tasks)
                .startTasks(sweep)
                .schedulerName(new SchedulerName.Fixed(
                        ManagementFactory.getRuntimeMXBean().getName()))
                .threads(properties.runThreads())
                .pollingInterval(properties.runPollInterval())
                .heartbeatInterval(properties.runHeartbeat())
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
        started.start();
        scheduler = started;
    }

    /** Stops picking runs; a run in progress is interrupted after a few seconds and resumed later, here or elsewhere. */
    @Override
    public synchronized void stop() {
        Scheduler stopping = scheduler;
        scheduler = null;
        if (stopping != null) {
            stopping.stop();
        }
    }

    @Override
    public void destroy() {
        wakeUps.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
