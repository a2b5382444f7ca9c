package io.serviceaccountbot.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Azure Automation account of the Exchange Server runner: its jobs, kept in memory only (they are not the
 * tenant; a restart forgets them as if their history had expired), and the Hybrid Runbook Worker group that runs them
 * on a background executor, one job after another per worker thread, after the configured start delay. Tests script
 * what the next jobs suffer (Failed, Suspended), take the worker group offline (jobs stay New until it is back), and
 * change the start delay or the Exchange server the runbook reaches. After a job has run its cmdlets the tenant is
 * saved, before the job reads Completed. Closing it stops the worker threads.
 */
final class SimulatedAutomation implements AutoCloseable {

    /** A cmdlet a job's request names, to count the jobs that ran each one. */
    private static final java.util.regex.Pattern CMDLET =
            java.util.regex.Pattern.compile("\"cmdlet\"\\s*:\\s*\"([^\"]+)\"");

    private static final Logger log = LoggerFactory.getLogger(SimulatedAutomation.class);

    /** What a scripted fault does to a job. */
    enum FaultOutcome {
        /** The job fails with the exception, as when the Exchange session is lost. */
        FAILED,
        /** Azure gives up starting the job and suspends it. */
        SUSPENDED
    }

    /**
     * What the next jobs suffer.
     *
     * @param outcome Failed or Suspended
     * @param times how many jobs suffer it
     * @param exception the job's exception and error record
     * @param afterCmdlets for Failed: how many of the job's cmdlets ran before the session was lost
     */
    record ScriptedFault(FaultOutcome outcome, int times, String exception, int afterCmdlets) {}

    /**
     * The runner's control state, as {@code GET /sandbox/control/runner} shows it.
     *
     * @param queued the jobs waiting for the offline worker group
     * @param jobs how many jobs there are in each status
     */
    record State(
            boolean workerOnline,
            long jobStartDelayMillis,
            SimulatedRunbook.Session session,
            List<ScriptedFault> faults,
            int queued,
            Map<String, Integer> jobs,
            Map<String, Integer> cmdlets) {}

    private final SandboxProperties.Runner account;
    private final SimulatedRunbook runbook;
    private final Runnable afterRun;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final Map<String, AutomationJob> jobs = new ConcurrentHashMap<>();
    private final List<AutomationJob> created = new ArrayList<>();

    private final Deque<ScriptedFault> faults = new ArrayDeque<>();
    private final List<AutomationJob> queued = new ArrayList<>();
    private boolean workerOnline = true;
    private Instant wentOffline;
    private Duration startDelay;
    private SimulatedRunbook.Session session;

    SimulatedAutomation(SandboxProperties.Runner account, SimulatedRunbook runbook, Runnable afterRun, Clock clock) {
        this.account = account;
        this.runbook = runbook;
        this.afterRun = afterRun;
        this.clock = clock;
        this.wentOffline = clock.instant().minus(Duration.ofHours(1));
        this.startDelay = account.jobStartDelay();
        this.session = new SimulatedRunbook.Session(account.serverName(), account.serverVersion(), account.keyVault());
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory named = task -> {
            Thread thread = new Thread(task, "sandbox-runner-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.worker = Executors.newScheduledThreadPool(2, named);
    }

    SandboxProperties.Runner account() {
        return account;
    }

    /**
     * Creates and queues a job, unless one of that name exists (then empty). The caller has checked the runbook, the
     * worker group and the parameters.
     */
    Optional<AutomationJob> create(String name, String runOn, Map<String, String> parameters) {
        AutomationJob job;
        synchronized (this) {
            if (jobs.containsKey(key(name))) {
                return Optional.empty();
            }
            job = new AutomationJob(name, SimulatedRunbook.NAME, runOn, parameters, nextFault(), clock.instant());
            jobs.put(key(name), job);
            created.add(job);
        }
        schedule(job);
        return Optional.of(job);
    }

    Optional<AutomationJob> job(String name) {
        return Optional.ofNullable(jobs.get(key(name)));
    }

    /** Job - Stop; false when the job has ended already. */
    synchronized boolean stop(AutomationJob job) {
        boolean stopping = job.requestStop(clock.instant());
        if (job.status() == AutomationJob.Status.STOPPED) {
            queued.remove(job);
        }
        return stopping;
    }

    synchronized void script(ScriptedFault fault) {
        faults.add(fault);
    }

    synchronized void clearFaults() {
        faults.clear();
    }

    /**
     * When the group's one worker last checked in, as {@code lastSeenDateTime} says: a worker online checks in
     * continually, so now; one taken offline is shown as gone for an hour already, as a host that stopped long
     * before anyone looked.
     */
    synchronized Instant workerLastSeen() {
        return workerOnline ? clock.instant() : wentOffline;
    }

    /** Takes the worker group offline (jobs stay New) or brings it back (queued jobs start). */
    void workerOnline(boolean online) {
        List<AutomationJob> waiting;
        synchronized (this) {
            if (workerOnline && !online) {
                wentOffline = clock.instant().minus(Duration.ofHours(1));
            }
            workerOnline = online;
            if (!online) {
                return;
            }
            waiting = List.copyOf(queued);
            queued.clear();
        }
        waiting.forEach(this::schedule);
    }

    synchronized void startDelay(Duration delay) {
        startDelay = delay;
    }

    synchronized void server(String name, String version) {
        session = new SimulatedRunbook.Session(
                name == null || name.isBlank() ? session.serverName() : name,
                version == null || version.isBlank() ? session.serverVersion() : version,
                session.keyVault());
    }

    synchronized State state() {
        Map<AutomationJob.Status, Integer> counts = new EnumMap<>(AutomationJob.Status.class);
        jobs.values().forEach(job -> counts.merge(job.status(), 1, Integer::sum));
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        counts.forEach((status, count) -> byStatus.put(status.arm(), count));
        Map<String, Integer> cmdlets = new java.util.TreeMap<>();
        jobs.values().forEach(job -> {
            java.util.regex.Matcher named = CMDLET.matcher(job.request() == null ? "" : job.request());
            while (named.find()) {
                cmdlets.merge(named.group(1), 1, Integer::sum);
            }
        });
        return new State(
                workerOnline, startDelay.toMillis(), session, List.copyOf(faults), queued.size(), byStatus, cmdlets);
    }

    /**
     * The job history as the Automation account keeps it, oldest first: each job's name, status and parameters, which
     * Azure shows to anyone who may read jobs. A secret must never be in it.
     */
    synchronized List<Map<String, Object>> history() {
        List<Map<String, Object>> history = new ArrayList<>();
        created.forEach(job -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", job.name());
            entry.put("status", job.status().arm());
            entry.put("parameters", job.parameters());
            history.add(entry);
        });
        return history;
    }

    /** Whether the worker threads have all stopped. */
    boolean closed() {
        return worker.isTerminated();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The simulated runner's worker threads did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ScriptedFault nextFault() {
        ScriptedFault next = faults.poll();
        if (next != null && next.times() > 1) {
            faults.addFirst(new ScriptedFault(next.outcome(), next.times() - 1, next.exception(), next.afterCmdlets()));
        }
        return next;
    }

    private void schedule(AutomationJob job) {
        Duration delay;
        synchronized (this) {
            if (!workerOnline) {
                queued.add(job);
                return;
            }
            delay = startDelay;
        }
        try {
            worker.schedule(() -> execute(job), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            log.debug("The simulated runner is closing; job {} stays New", job.name());
        }
    }

    private void execute(AutomationJob job) {
        SimulatedRunbook.Session reached;
        synchronized (this) {
            if (!workerOnline) {
                if (job.status() == AutomationJob.Status.NEW) {
                    queued.add(job);
                }
                return;
            }
            reached = session;
        }
        if (!job.start(clock.instant())) {
            return;
        }
        ScriptedFault fault = job.fault();
        if (fault != null && fault.outcome() == FaultOutcome.SUSPENDED) {
            job.suspended(fault.exception(), clock.instant());
            return;
        }
        SimulatedRunbook.Outcome outcome;
        try {
            outcome = job.runOn().isBlank()
                    ? new SimulatedRunbook.Outcome.Threw(SimulatedRunbook.lostSession(unreachable(reached)))
                    : runbook.run(
                            job.request(),
                            reached,
                            fault == null
                                    ? null
                                    : new SimulatedRunbook.SessionLoss(fault.afterCmdlets(), fault.exception()),
                            job::stopRequested);
        } catch (RuntimeException e) {
            log.error("The simulated runbook failed on job {}", job.name(), e);
            outcome = new SimulatedRunbook.Outcome.Threw(e.toString());
        }
        afterRun.run();
        if (outcome instanceof SimulatedRunbook.Outcome.Answered answered) {
            job.answered(answered.output(), clock.instant());
        } else if (outcome instanceof SimulatedRunbook.Outcome.Threw threw) {
            job.threw(threw.exception(), clock.instant());
        } else {
            job.stopped(clock.instant());
        }
    }

    /** A job without runOn runs in Azure's cloud sandbox, which cannot reach an Exchange server on premises. */
    static String unreachable(SimulatedRunbook.Session session) {
        return "Connecting to remote server " + session.serverName() + " failed with the following error message :"
                + " WinRM cannot complete the operation. Verify that the specified computer name is valid, that the"
                + " computer is accessible over the network, and that a firewall exception for the WinRM service is"
                + " enabled and allows access from this computer. For more information, see the"
                + " about_Remote_Troubleshooting Help topic.";
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
