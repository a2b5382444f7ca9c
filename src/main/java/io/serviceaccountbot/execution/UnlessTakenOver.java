package io.serviceaccountbot.execution;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a run's execution (removes or reschedules it) unless another replica has taken the run over meanwhile: a
 * replica paused after its last write finds the execution moved on, and that is no error. db-scheduler's own
 * operations check the version too, and report a moved execution as "Indicates a bug" at ERROR level; here it is one
 * line at INFO.
 */
final class UnlessTakenOver implements CompletionHandler<Void> {

    private static final Logger log = LoggerFactory.getLogger(UnlessTakenOver.class);

    private final CompletionHandler<Void> completion;
    private final LeasedWrites leased;
    private final RunLease lease;

    UnlessTakenOver(CompletionHandler<Void> completion, LeasedWrites leased, RunLease lease) {
        this.completion = completion;
        this.leased = leased;
        this.lease = lease;
    }

    @Override
    public void complete(ExecutionComplete complete, ExecutionOperations<Void> operations) {
        try {
            leased.confirm(lease);
        } catch (RunLease.Lost lost) {
            log.info("Request {}: another replica took the run over; this one leaves it alone", lease.request());
            return;
        }
        completion.complete(complete, operations);
    }
}
