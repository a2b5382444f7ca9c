package io.serviceaccountbot.tenant.exchange;

import java.time.Instant;
import java.util.Set;

/**
 * An Azure Automation job as {@code GET …/jobs/{jobName}} describes it.
 *
 * @param name the job's name, which the bot chose
 * @param status {@code properties.status}: New, Activating, Running, Completed, Failed, Stopped, Blocked, Suspended,
 *     Disconnected, Suspending, Stopping, Resuming, Removing
 * @param exception {@code properties.exception}, the job's own failure text, or null
 * @param runbook {@code properties.runbook.name}, or null when Azure did not say
 * @param creationTime {@code properties.creationTime}, when Azure made the job; null when it did not say
 */
record AutomationJob(String name, String status, String exception, String runbook, Instant creationTime) {

    /** Waiting for a worker to pick it up; "Queued" is what the portal shows for some hybrid jobs. */
    private static final Set<String> WAITING_TO_START = Set.of("new", "activating", "queued");

    private static final Set<String> FINISHED = Set.of("completed", "failed", "stopped", "suspended");

    boolean isWaitingToStart() {
        return status != null && WAITING_TO_START.contains(status.toLowerCase(java.util.Locale.ROOT));
    }

    /** Completed, Failed, Stopped or Suspended: the job will not change by itself any more. */
    boolean isFinished() {
        return status != null && FINISHED.contains(status.toLowerCase(java.util.Locale.ROOT));
    }

    boolean is(String someStatus) {
        return someStatus.equalsIgnoreCase(status);
    }
}
