package io.serviceaccountbot.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.TaskResolver;
import com.github.kagkarlsson.scheduler.event.SchedulerListeners;
import com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepository;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two replicas that find the same dead run, on the real {@code scheduled_tasks} table: the first revives it (due now,
 * no longer picked, and this replica's scheduler is woken); the second, holding the execution as it was, finds it moved
 * and lets it be, with one INFO line and no exception for db-scheduler to log as an ERROR.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReviveDeadRunTest {

    static final String INSTANCE = UUID.randomUUID().toString();

    JdbcDataSource dataSource;
    JdbcClient jdbc;
    JdbcTaskRepository repository;
    SchedulerListeners listeners = new SchedulerListeners(List.of());

    @BeforeEach
    void deadRun() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:revive-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V5__plan_runs.sql"));
        String table = migration.substring(migration.indexOf("create table scheduled_tasks"));
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(table.substring(0, table.indexOf(';')));
        }
        jdbc = JdbcClient.create(dataSource);
        Instant lost = Instant.now().minus(Duration.ofMinutes(1));
        jdbc.sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,"
                        + " consecutive_failures, last_heartbeat, version) values (?, ?, ?, true, 'killed', 0, ?, 3)")
                .params(
                        DurablePlanRuns.RUN_TASK,
                        INSTANCE,
                        java.sql.Timestamp.from(lost),
                        java.sql.Timestamp.from(lost))
                .update();
        CustomTask<Void> task =
                Tasks.custom(DurablePlanRuns.RUN_TASK, Void.class).execute((instance, context) -> null);
        repository = new JdbcTaskRepository(
                dataSource,
                false,
                "scheduled_tasks",
                new TaskResolver(listeners, new SystemClock(), List.of(task)),
                new SchedulerName.Fixed("survivor"),
                false,
                new SystemClock());
    }

    @Test
    void theFirstReplicaRevivesTheRunAndTheSecondLetsItBeWithOneInfoLine(CapturedOutput output) {
        List<Execution> dead = repository.getDeadExecutions(Instant.now().minusSeconds(20));
        assertThat(dead).hasSize(1);
        Execution seenByBoth = dead.get(0);
        List<String> wokenFirst = new ArrayList<>();
        List<String> wokenSecond = new ArrayList<>();

        revive(new ReviveDeadRun<>(wokenFirst::add), seenByBoth);
        Map<String, Object> row = jdbc.sql("select picked, version, execution_time from scheduled_tasks")
                .query()
                .singleRow();
        assertThat(row.get("picked")).isEqualTo(false);
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(4);
        assertThat(wokenFirst).containsExactly(INSTANCE);

        revive(new ReviveDeadRun<>(wokenSecond::add), seenByBoth);
        assertThat(wokenSecond).as("the second replica has nothing to pick").isEmpty();
        assertThat(((Number) jdbc.sql("select version from scheduled_tasks")
                                .query()
                                .singleValue())
                        .longValue())
                .as("left as the first replica made it")
                .isEqualTo(4);
        assertThat(output.getAll())
                .contains("Run " + INSTANCE + " stopped heartbeating on killed")
                .contains("Run " + INSTANCE + " had stopped heartbeating, but another replica took it over first")
                .doesNotContain("ERROR")
                .doesNotContain("Exception");
    }

    private void revive(ReviveDeadRun<Void> handler, Execution execution) {
        Instant now = Instant.now();
        handler.deadExecution(
                ExecutionComplete.failure(execution, now, now, null),
                new ExecutionOperations<>(repository, listeners, execution));
    }
}
