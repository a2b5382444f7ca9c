package io.serviceaccountbot.execution;

import java.util.List;

/**
 * How the run of an approved plan stands, published when a step starts and when it ends, so that the requester's
 * progress card can follow it.
 *
 * @param requestNumber the approval request's number, e.g. R-7K2QM4
 * @param title what the plan does, e.g. "Set up Exchange sync for svc-sync@contoso.com"
 * @param lines one per step, in order
 */
public record PlanProgress(String requestNumber, String title, List<Line> lines) {

    public PlanProgress {
        lines = List.copyOf(lines);
    }

    /** Where a step is. */
    public enum State {
        /** Not started yet. */
        PENDING,
        /** Running now (for the mailbox, this can take many minutes). */
        RUNNING,
        DONE,
        ALREADY_DONE,
        WAITING,
        FAILED,
        SKIPPED
    }

    /**
     * One step.
     *
     * @param words what the step does, as the plan says
     * @param state where it is
     * @param text what it did or found, once it ended; otherwise null
     * @param fix for a failure, what the admin can do; otherwise null
     */
    public record Line(String words, State state, String text, String fix) {}
}
