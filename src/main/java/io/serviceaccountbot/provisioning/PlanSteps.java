package io.serviceaccountbot.provisioning;

import io.serviceaccountbot.approval.ApprovalRequestId;
import java.time.Instant;
import java.util.List;

/**
 * The steps of approved plans as they ran: each is written when it starts and again when it ends, so a run interrupted
 * anywhere (a restart, a crash, a replica that stopped) resumes at the step it was in, and a step that ended well is not
 * done again.
 */
interface PlanSteps {

    /** The recorded steps of a request's plan, by ordinal. */
    List<StoredStep> of(ApprovalRequestId request);

    /** A step starts (again): it is recorded as running, and its attempts go up by one. */
    void started(ApprovalRequestId request, int ordinal, String words, Instant at);

    /** A step ended with this outcome. */
    void finished(ApprovalRequestId request, int ordinal, StepOutcome outcome, Instant at);

    /**
     * A recorded step.
     *
     * @param ordinal its place in the plan, from 0
     * @param words what it does, as the plan said when it started
     * @param outcome how it ended; null while it runs, or when the run stopped during it
     * @param attempts how many times it was started
     */
    record StoredStep(int ordinal, String words, StepOutcome outcome, int attempts) {

        /** Whether it ended in a way that a resumed run keeps: done, already so, or left to Exchange. */
        boolean endedWell() {
            return outcome != null
                    && (outcome.status() == StepOutcome.Status.DONE
                            || outcome.status() == StepOutcome.Status.ALREADY_DONE
                            || outcome.status() == StepOutcome.Status.WAITING);
        }
    }
}
