package io.serviceaccountbot.execution;

import java.time.Duration;
import java.util.List;

/**
 * The replica running an approved plan stopped heartbeating it (killed, cut off, or frozen): the run stands still until
 * another replica takes it over, published once by each replica that notices, so that the requester's progress card
 * can say so. The run's next {@link PlanProgress} (from whichever replica carries it on) replaces it.
 *
 * @param requestNumber the approval request's number, e.g. R-7K2QM4
 * @param lines the steps recorded so far, in order: those that ended, then the one it stopped in (state
 *     {@link PlanProgress.State#RUNNING}); the steps after it are not known until the plan is drafted again
 * @param resumesWithin at the latest, how long until another replica takes the run over
 */
public record PlanPaused(String requestNumber, List<PlanProgress.Line> lines, Duration resumesWithin) {

    public PlanPaused {
        lines = List.copyOf(lines);
    }
}
