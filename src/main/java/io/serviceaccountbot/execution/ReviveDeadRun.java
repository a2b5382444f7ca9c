package io.serviceaccountbot.execution;

import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a replica does with a run whose replica stopped heartbeating: it makes the run due now, as db-scheduler's own
 * {@code ReviveDeadExecution} does, then tells {@code revived} (which wakes this replica's scheduler, so the run is
 * picked at once rather than at the next poll).
 *
 * <p>Every live replica looks for dead runs, so two of them may find the same one. The reschedule is conditional on
 * the execution's version; the replica that comes second finds the version moved (the other one revived it, or the
 * run's own replica woke and finished it) and db-scheduler throws. That is not a failure: here it is one INFO line,
 * where {@code ReviveDeadExecution} let the scheduler log it as an ERROR ("Failed while handling dead execution").
 */
final class ReviveDeadRun<T> implements DeadExecutionHandler<T> {

    private static final Logger log = LoggerFactory.getLogger(ReviveDeadRun.class);

    private final Consumer<String> revived;

    /** @param revived told the task instance's id once this replica revived it */
    ReviveDeadRun(Consumer<String> revived) {
        this.revived = revived;
    }

    @Override
    public void deadExecution(ExecutionComplete complete, ExecutionOperations<T> operations) {
        String instance = complete.getExecution().taskInstance.getId();
        try {
            operations.reschedule(complete, Instant.now());
        } catch (ExecutionException moved) {
            log.info("Run {} had stopped heartbeating, but another replica took it over first", instance);
            return;
        }
        log.info(
                "Run {} stopped heartbeating on {} (last heartbeat {}); resuming it",
                instance,
                complete.getExecution().pickedBy,
                complete.getExecution().lastHeartbeat);
        revived.accept(instance);
    }
}
