package io.serviceaccountbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A transaction whose replica stops talking in the middle of it (frozen, as the test's connection here simply goes
 * quiet) is ended by PostgreSQL once the timeout passes, and its locks with it.
 */
class PausedTransactionTimeoutIT {

    @Test
    void postgreSqlEndsATransactionLeftIdleByAPausedReplicaAndFreesItsLocks() throws Exception {
        try (TestDatabase database = TestDatabase.postgres();
                HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(database.url());
            pool.setUsername(database.user());
            new PausedTransactionTimeout(Duration.ofSeconds(1)).postProcessBeforeInitialization(pool, "dataSource");

            Connection paused = pool.getConnection();
            Statement statement = paused.createStatement();
            paused.setAutoCommit(false);
            int pid = single(statement, "select pg_backend_pid()");
            statement
                    .executeQuery("select * from audit_head where id = 1 for update")
                    .close();

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sessionAlive(database, pid) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(sessionAlive(database, pid))
                    .as("the idle transaction's session was ended")
                    .isFalse();
            assertThatThrownBy(paused::commit)
                    .as("the woken replica's transaction is gone: nothing of it is saved")
                    .hasMessageContaining("idle-in-transaction timeout");
            try {
                paused.close();
            } catch (java.sql.SQLException alreadyEnded) {
                // the pool drops the ended connection
            }
            int locked = database.jdbc()
                    .sql("select count(*) from (select * from audit_head where id = 1 for update nowait) head")
                    .query(Integer.class)
                    .single();
            assertThat(locked).as("the audit log's head is free again").isEqualTo(1);
        }
    }

    @Test
    void otherDatabasesAndPoolsWithTheirOwnFirstStatementAreLeftAlone() {
        try (HikariDataSource h2 = new HikariDataSource();
                HikariDataSource own = new HikariDataSource()) {
            h2.setJdbcUrl("jdbc:h2:mem:x");
            own.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");
            own.setConnectionInitSql("set search_path = x");
            PausedTransactionTimeout timeout = new PausedTransactionTimeout(Duration.ofSeconds(60));

            timeout.postProcessBeforeInitialization(h2, "h2");
            timeout.postProcessBeforeInitialization(own, "own");

            assertThat(h2.getConnectionInitSql()).isNull();
            assertThat(own.getConnectionInitSql()).isEqualTo("set search_path = x");
        }
    }

    private static boolean sessionAlive(TestDatabase database, int pid) {
        return database.jdbc()
                        .sql("select count(*) from pg_stat_activity where pid = :pid")
                        .param("pid", pid)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static int single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
