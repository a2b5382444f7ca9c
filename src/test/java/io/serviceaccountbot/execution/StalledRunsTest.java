package io.serviceaccountbot.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.plans.StepOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs whose replica stopped heartbeating, on the real {@code scheduled_tasks} table with a 5 s heartbeat: one that has
 * missed a heartbeat (its last is over 10 s old) is announced once, with its steps so far and the latest time another
 * replica takes it over (30 s after its last heartbeat); runs still heartbeating, this replica's own, and runs nobody
 * holds are not.
 */
class StalledRunsTest {

    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    JdbcClient jdbc;
    List<Object> published = new ArrayList<>();
    StalledRuns stalled;

    @BeforeEach
    void table() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:stalled-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V5__plan_runs.sql"));
        String table = migration.substring(migration.indexOf("create table scheduled_tasks"));
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(table.substring(0, table.indexOf(';')));
        }
        jdbc = JdbcClient.create(dataSource);
        stalled = new StalledRuns(
                jdbc,
                id -> Optional.of("R-" + id.toString().substring(0, 6).toUpperCase()),
                new TwoSteps(),
                published::add,
                HEARTBEAT,
                Clock.fixed(NOW, ZoneOffset.UTC),
                "me");
    }

    @Test
    void aRunThatMissedAHeartbeatIsAnnouncedOnceWithItsStepsAndWhenItResumes() {
        String gone = held("killed", NOW.minusSeconds(12));
        held("alive", NOW.minusSeconds(3));
        held("me", NOW.minusSeconds(40));
        String waiting = UUID.randomUUID().toString();
        jdbc.sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                        + " values ('run-approved-plan', ?, ?, false, 1)")
                .params(waiting, Timestamp.from(NOW.minusSeconds(60)))
                .update();

        List<PlanPaused> first = stalled.check();

        assertThat(first).hasSize(1);
        PlanPaused paused = first.get(0);
        assertThat(paused.requestNumber()).isEqualTo("R-" + gone.substring(0, 6).toUpperCase());
        assertThat(paused.resumesWithin()).isEqualTo(Duration.ofSeconds(18));
        assertThat(paused.lines())
                .extracting(PlanProgress.Line::state)
                .containsExactly(PlanProgress.State.DONE, PlanProgress.State.RUNNING);
        assertThat(published).containsExactly(paused);

        assertThat(stalled.check()).as("announced once").isEmpty();
    }

    @Test
    void aRunThatHeartbeatsAgainAndThenStopsIsAnnouncedAgain() {
        String run = held("frozen", NOW.minusSeconds(11));
        assertThat(stalled.check()).hasSize(1);

        jdbc.sql("update scheduled_tasks set last_heartbeat = ? where task_instance = ?")
                .params(Timestamp.from(NOW.minusSeconds(10).minusMillis(1)), run)
                .update();

        assertThat(stalled.check()).hasSize(1);
    }

    @Test
    void aTakeoverAlreadyDueSaysNoTimeLeft() {
        held("killed", NOW.minusSeconds(45));

        assertThat(stalled.check())
                .singleElement()
                .extracting(PlanPaused::resumesWithin)
                .isEqualTo(Duration.ZERO);
    }

    private String held(String by, Instant lastHeartbeat) {
        String instance = UUID.randomUUID().toString();
        jdbc.sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,"
                        + " last_heartbeat, version) values ('run-approved-plan', ?, ?, true, ?, ?, 1)")
                .params(instance, Timestamp.from(lastHeartbeat), by, Timestamp.from(lastHeartbeat))
                .update();
        return instance;
    }

    /** Every plan has done its first step and stopped in its second. */
    private static final class TwoSteps implements PlanSteps {

        @Override
        public List<StoredStep> of(ApprovalRequestId request) {
            return List.of(
                    new StoredStep(0, "Create the user", StepOutcome.done("Created the user"), 1, NOW, 0, null),
                    new StoredStep(1, "Add it to the group", null, 1, NOW, 0, null));
        }

        @Override
        public void started(ApprovalRequestId request, int ordinal, String words, Instant at) {}

        @Override
        public void finished(ApprovalRequestId request, int ordinal, StepOutcome outcome, Instant at) {}

        @Override
        public void polling(ApprovalRequestId request, int ordinal, int checks, Instant next) {}
    }
}
