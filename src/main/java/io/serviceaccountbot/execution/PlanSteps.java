package io.serviceaccountbot.execution;

import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.plans.StepOutcome;
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

    /**
     * A step starts (again): it is recorded as running, and its attempts go up by one, unless a run stopped during it
     * (it is still recorded as running) or it was put back while the tenant's work went on (polling): then it carries
     * on under that attempt, and a step put back keeps when it first started and how often it was checked.
     */
    void started(ApprovalRequestId request, int ordinal, String words, Instant at);

    /** A step ended with this outcome. */
    void finished(ApprovalRequestId request, int ordinal, StepOutcome outcome, Instant at);

    /**
     * A step that waits for the tenant found it not ready yet (a wait of its own, or work it asked of the tenant that
     * has not ended): it has now been checked {@code checks} times, and is checked again at {@code next}. Its start
     * stays, so its wait counts from then.
     */
    void polling(ApprovalRequestId request, int ordinal, int checks, Instant next);

    /**
     * A recorded step.
     *
     * @param ordinal its place in the plan, from 0
     * @param words what it does, as the plan said when it started
     * @param outcome how it ended; null while it runs or waits, or when the run stopped during it
     * @param attempts how many times it was started
     * @param startedAt when it was last started; for a step that waits, when the wait began
     * @param checks for a step that waits for the tenant, how many times it has found it not ready yet; else 0
     * @param nextCheckAt for a step that waits for the tenant, when it is checked again; else null
     */
    record StoredStep(
            int ordinal,
            String words,
            StepOutcome outcome,
            int attempts,
            Instant startedAt,
            int checks,
            Instant nextCheckAt) {

        /** Whether it waits for the tenant, to be checked again at {@link #nextCheckAt}. */
        boolean polling() {
            return nextCheckAt != null;
        }

        /** Whether a run stopped during it: it started, and neither ended nor waits. */
        boolean interrupted() {
            return outcome == null && !polling();
        }

        /** Whether it ended in a way that a resumed run keeps: done, already so, or left to Exchange. */
        boolean endedWell() {
            return outcome != null
                    && (outcome.status() == StepOutcome.Status.DONE
                            || outcome.status() == StepOutcome.Status.ALREADY_DONE
                            || outcome.status() == StepOutcome.Status.WAITING);
        }
    }
}
