package io.serviceaccountbot.execution;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes that only the run holding a request's execution may make: the steps it records, their audit entries, the
 * request's end. Each goes in one transaction that first locks the execution's row and compares its version with the
 * run's {@link RunLease} (the fencing token). A takeover changes that row, so it waits for a write in progress to
 * commit, and a write after a takeover finds the new version and is refused with {@link RunLease.Lost}, before it has
 * changed anything.
 */
class LeasedWrites {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    LeasedWrites(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Runs {@code write} in one transaction with the lease checked at its start; throws {@link RunLease.Lost}. */
    <T> T write(RunLease lease, Supplier<T> write) {
        return transactions.execute(status -> {
            confirm(lease, true);
            return write.get();
        });
    }

    /** Runs {@code write} in one transaction with the lease checked at its start; throws {@link RunLease.Lost}. */
    void write(RunLease lease, Runnable write) {
        write(lease, () -> {
            write.run();
            return null;
        });
    }

    /** Checks, without locking, that the lease still holds; throws {@link RunLease.Lost} when it does not. */
    void confirm(RunLease lease) {
        confirm(lease, false);
    }

    private void confirm(RunLease lease, boolean lock) {
        Long version = jdbc.sql("select version from scheduled_tasks where task_name = :task and task_instance = :id"
                        + (lock ? " for update" : ""))
                .param("task", DurablePlanRuns.RUN_TASK)
                .param("id", lease.request())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (version == null || version != lease.version()) {
            throw new RunLease.Lost(lease, version);
        }
    }
}
