package io.serviceaccountbot.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceaccountbot.storage.TestDatabase;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fencing of a run's writes, on both databases: a write under the execution's current version goes through, one
 * under a version a takeover has moved on is refused before it changes anything, and a takeover waits for a write in
 * progress rather than slipping in under it.
 */
class LeasedWritesIT {

    static final String REQUEST = "6f1c0a52-7a4e-4a51-9d0f-3b8a8f0c2d11";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aWriteUnderTheCurrentVersionGoesThroughAndOneUnderAMovedVersionChangesNothing(String kind) {
        try (TestDatabase database = open(kind)) {
            LeasedWrites leased = new LeasedWrites(database.jdbc(), database.transactions());
            picked(database, 7);

            leased.write(new RunLease(REQUEST, 7), () -> note(database, "by the owner"));
            takenOver(database);
            assertThatThrownBy(() -> leased.write(new RunLease(REQUEST, 7), () -> note(database, "by the paused one")))
                    .isInstanceOf(RunLease.Lost.class)
                    .hasMessageContaining("version 8");
            assertThatThrownBy(() -> leased.confirm(new RunLease(REQUEST, 7))).isInstanceOf(RunLease.Lost.class);
            leased.write(new RunLease(REQUEST, 8), () -> note(database, "by the new owner"));

            assertThat(notes(database)).containsExactly("by the owner", "by the new owner");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRunWhoseExecutionIsGoneWritesNothing(String kind) {
        try (TestDatabase database = open(kind)) {
            LeasedWrites leased = new LeasedWrites(database.jdbc(), database.transactions());

            assertThatThrownBy(() -> leased.write(new RunLease(REQUEST, 1), () -> note(database, "too late")))
                    .isInstanceOf(RunLease.Lost.class)
                    .hasMessageContaining("gone");
            assertThat(notes(database)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres"})
    void aTakeoverWaitsForTheWriteInProgressToCommit(String kind) throws Exception {
        // Threads of their own: the write blocks its thread until the takeover is seen waiting, and the common pool
        // of a 2-core machine may have a single thread for both.
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (TestDatabase database = open(kind)) {
            LeasedWrites leased = new LeasedWrites(database.jdbc(), database.transactions());
            picked(database, 3);
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Void> write = CompletableFuture.runAsync(
                    () -> leased.write(new RunLease(REQUEST, 3), () -> {
                        note(database, "in progress");
                        writing.countDown();
                        await(finish);
                    }),
                    threads);
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> takeover = CompletableFuture.runAsync(() -> takenOver(database), threads);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lockWaits(database) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(lockWaits(database))
                    .as("the takeover waits for the write's lock")
                    .isEqualTo(1);
            assertThat(takeover).isNotDone();
            finish.countDown();
            write.get(30, TimeUnit.SECONDS);
            takeover.get(30, TimeUnit.SECONDS);

            assertThat(notes(database)).containsExactly("in progress");
            assertThatThrownBy(() -> leased.confirm(new RunLease(REQUEST, 3))).isInstanceOf(RunLease.Lost.class);
        } finally {
            threads.shutdownNow();
        }
    }

    private static int lockWaits(TestDatabase database) {
        return database.jdbc()
                .sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query like 'update scheduled_tasks%'")
                .query(Integer.class)
                .single();
    }

    private static TestDatabase open(String kind) {
        return kind.equals("h2") ? TestDatabase.h2() : TestDatabase.postgres();
    }

    private static void picked(TestDatabase database, long version) {
        database.jdbc()
                .sql("insert into scheduled_tasks (task_name, task_instance, picked, picked_by, version)"
                        + " values (:task, :id, true, 'one', :version)")
                .param("task", DurablePlanRuns.RUN_TASK)
                .param("id", REQUEST)
                .param("version", version)
                .update();
    }

    /** What db-scheduler does when another replica revives and picks the execution: its version moves on. */
    private static void takenOver(TestDatabase database) {
        database.jdbc()
                .sql("update scheduled_tasks set picked_by = 'two', version = version + 1"
                        + " where task_name = :task and task_instance = :id")
                .param("task", DurablePlanRuns.RUN_TASK)
                .param("id", REQUEST)
                .update();
    }

    /** A write of the run: a plan step row, as the run records it. */
    private static void note(TestDatabase database, String words) {
        database.jdbc()
                .sql("insert into plan_step (request_id, ordinal, words, status, attempts, started_at)"
                        + " values (:id, (select count(*) from plan_step), :words, 'DONE', 1, current_timestamp)")
                .param("id", java.util.UUID.fromString(REQUEST))
                .param("words", words)
                .update();
    }

    private static java.util.List<String> notes(TestDatabase database) {
        return database.jdbc()
                .sql("select words from plan_step order by ordinal")
                .query(String.class)
                .list();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
