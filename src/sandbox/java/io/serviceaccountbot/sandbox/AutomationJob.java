package io.serviceaccountbot.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One job of the simulated Automation account and its life: New until the worker picks it up, Running while the
 * runbook runs, then Completed, Failed, Suspended or Stopped; a stop asked while it runs makes it Stopping until the
 * runbook stops between two cmdlets. Its output and error records become job streams. Thread-safe: every method holds
 * this job's lock.
 */
final class AutomationJob {

    /** Azure Automation's job statuses that the simulator reaches, with ARM's spelling. */
    enum Status {
        NEW("New"),
        RUNNING("Running"),
        STOPPING("Stopping"),
        COMPLETED("Completed"),
        FAILED("Failed"),
        STOPPED("Stopped"),
        SUSPENDED("Suspended");

        private final String arm;

        Status(String arm) {
            this.arm = arm;
        }

        String arm() {
            return arm;
        }

        /** The job's provisioningState for this status, as Job - Get shows it. */
        String provisioningState() {
            return switch (this) {
                case COMPLETED, STOPPED -> "Succeeded";
                case FAILED -> "Failed";
                case SUSPENDED -> "Suspended";
                default -> "Processing";
            };
        }

        boolean finished() {
            return this == COMPLETED || this == FAILED || this == STOPPED;
        }
    }

    /**
     * A record the runbook wrote to one of the job's streams.
     *
     * @param id the jobStreamId: the job id, the time in .NET ticks and a sequence number, joined by underscores
     * @param type Output or Error
     * @param time when it was written
     * @param summary its first line, as the stream list shows it
     * @param text the whole record
     */
    record Stream(String id, String type, Instant time, String summary, String text) {}

    /** A job as one read sees it. */
    record View(
            String name,
            String jobId,
            String runbook,
            String runOn,
            Map<String, String> parameters,
            Status status,
            Instant creationTime,
            Instant startTime,
            Instant endTime,
            Instant lastModifiedTime,
            Instant lastStatusModifiedTime,
            String exception) {}

    private static final long TICKS_AT_EPOCH = 621_355_968_000_000_000L;

    private final String name;
    private final String jobId = UUID.randomUUID().toString();
    private final String runbook;
    private final String runOn;
    private final Map<String, String> parameters;
    private final SimulatedAutomation.ScriptedFault fault;
    private final Instant creationTime;
    private final List<Stream> streams = new ArrayList<>();
    private Status status = Status.NEW;
    private Instant startTime;
    private Instant endTime;
    private Instant lastModifiedTime;
    private Instant lastStatusModifiedTime;
    private String exception;
    private String output = "";

    AutomationJob(
            String name,
            String runbook,
            String runOn,
            Map<String, String> parameters,
            SimulatedAutomation.ScriptedFault fault,
            Instant now) {
        this.name = name;
        this.runbook = runbook;
        this.runOn = runOn;
        this.parameters = Map.copyOf(parameters);
        this.fault = fault;
        this.creationTime = now;
        this.lastModifiedTime = now;
        this.lastStatusModifiedTime = now;
    }

    String name() {
        return name;
    }

    String runOn() {
        return runOn;
    }

    Map<String, String> parameters() {
        return parameters;
    }

    String request() {
        return parameters.get("Request");
    }

    /** The fault scripted for this job when it was created, or null. */
    SimulatedAutomation.ScriptedFault fault() {
        return fault;
    }

    synchronized View view() {
        return new View(
                name,
                jobId,
                runbook,
                runOn,
                parameters,
                status,
                creationTime,
                startTime,
                endTime,
                lastModifiedTime,
                lastStatusModifiedTime,
                exception);
    }

    synchronized Status status() {
        return status;
    }

    /** The worker picks the job up; false when it is no longer New (it was stopped meanwhile). */
    synchronized boolean start(Instant now) {
        if (status != Status.NEW) {
            return false;
        }
        startTime = now;
        move(Status.RUNNING, now);
        return true;
    }

    synchronized boolean stopRequested() {
        return status == Status.STOPPING;
    }

    /**
     * The runbook wrote its answer: the job completes with it as its one output record, even when a stop came after
     * the runbook had passed its last cmdlet.
     */
    synchronized void answered(String record, Instant now) {
        output = record;
        streams.add(stream("Output", now, record, record));
        end(Status.COMPLETED, now);
    }

    /** The runbook threw: the job fails, and the exception is also an error record. */
    synchronized void threw(String exceptionText, Instant now) {
        exception = exceptionText;
        streams.add(stream("Error", now, firstLine(exceptionText), exceptionText));
        end(Status.FAILED, now);
    }

    /** Azure gave up starting the runbook: the job is Suspended with the reason. */
    synchronized void suspended(String exceptionText, Instant now) {
        exception = exceptionText;
        streams.add(stream("Error", now, firstLine(exceptionText), exceptionText));
        move(Status.SUSPENDED, now);
    }

    synchronized void stopped(Instant now) {
        end(Status.STOPPED, now);
    }

    /**
     * Job - Stop: a New or Suspended job stops at once, a Running one once the runbook reaches its next cmdlet.
     *
     * @return false when the job has ended already
     */
    synchronized boolean requestStop(Instant now) {
        switch (status) {
            case NEW, SUSPENDED -> end(Status.STOPPED, now);
            case RUNNING -> move(Status.STOPPING, now);
            case STOPPING -> {}
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Job - Get Output: what the runbook wrote to its output stream so far. */
    synchronized String output() {
        return output;
    }

    synchronized List<Stream> streams() {
        return List.copyOf(streams);
    }

    private void end(Status finished, Instant now) {
        endTime = now;
        move(finished, now);
    }

    private void move(Status next, Instant now) {
        status = next;
        lastModifiedTime = now;
        lastStatusModifiedTime = now;
    }

    private Stream stream(String type, Instant now, String summary, String text) {
        long ticks = TICKS_AT_EPOCH + now.getEpochSecond() * 10_000_000L + now.getNano() / 100;
        String id = "%s_%020d_%020d".formatted(jobId, ticks, streams.size() + 1);
        return new Stream(id, type, now, summary, text);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).stripTrailing();
    }
}
