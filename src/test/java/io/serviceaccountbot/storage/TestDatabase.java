package io.serviceaccountbot.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database of its own for one repository test class, migrated with the bot's Flyway scripts: an in-memory H2 in
 * PostgreSQL mode, or a fresh schema in the PostgreSQL at {@code BOT_TEST_POSTGRES_URL} (default
 * {@value #DEFAULT_POSTGRES_URL}, trust authentication as {@code BOT_TEST_POSTGRES_USER}, else {@code postgres}, else
 * the OS user), dropped again on {@link #close()}. Where that PostgreSQL cannot be reached the test is skipped with a
 * message saying what to start; with {@code CI=true} that is a failure.
 */
public final class TestDatabase implements AutoCloseable {

    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final HikariDataSource dataSource;
    private final Runnable cleanUp;
    private String url;
    private String user;

    /** Opens the database; {@code schema}, when given, is created by Flyway and holds the bot's tables. */
    private TestDatabase(HikariDataSource dataSource, String schema, Runnable cleanUp) {
        this.dataSource = dataSource;
        this.cleanUp = cleanUp;
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema != null) {
            flyway.schemas(schema);
        }
        flyway.load().migrate();
    }

    /** An in-memory H2 database, with the options of the sandbox's file database. */
    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:repository-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                + SandboxDatabase.H2_POSTGRESQL_MODE;
        HikariDataSource dataSource = pool(url, "sa");
        return new TestDatabase(dataSource, null, () -> {
            dataSource.close();
            try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                connection.createStatement().execute("shutdown");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A new schema in the test PostgreSQL, or a skipped test (a failed one on CI) when there is none. */
    public static TestDatabase postgres() {
        String url = System.getenv().getOrDefault("BOT_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL);
        String user = reachableUser(url);
        String schema =
                "bot_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        HikariDataSource dataSource = pool(schemaUrl, user);
        TestDatabase database = new TestDatabase(dataSource, schema, () -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("drop schema " + schema + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        database.url = schemaUrl;
        database.user = user;
        return database;
    }

    /** The JDBC URL of a PostgreSQL test database, its schema included, for a bot process to use; else null. */
    public String url() {
        return url;
    }

    /** The user of a PostgreSQL test database; else null. */
    public String user() {
        return user;
    }

    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public TransactionOperations transactions() {
        return new TransactionTemplate(transactionManager());
    }

    public DataSourceTransactionManager transactionManager() {
        return new DataSourceTransactionManager(dataSource);
    }

    /** Empties the tables between tests (the schema stays). */
    public void deleteAll(String... tables) {
        JdbcClient jdbc = jdbc();
        for (String table : tables) {
            jdbc.sql("delete from " + table).update();
        }
    }

    /** Drops what the test created: the H2 database, or the PostgreSQL schema. */
    @Override
    public void close() {
        try {
            cleanUp.run();
        } finally {
            dataSource.close();
        }
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    private static String reachableUser(String url) {
        List<String> users = new ArrayList<>();
        String configured = System.getenv("BOT_TEST_POSTGRES_USER");
        if (configured != null && !configured.isBlank()) {
            users.add(configured);
        } else {
            users.add("postgres");
            users.add(System.getProperty("user.name"));
        }
        List<String> failures = new ArrayList<>();
        for (String user : users) {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("connectTimeout", "3");
            properties.setProperty("loginTimeout", "5");
            try (Connection connection = DriverManager.getConnection(url, properties)) {
                return user;
            } catch (SQLException e) {
                failures.add(user + ": " + e.getMessage());
            }
        }
        String message = String.format(
                Locale.ROOT,
                "The PostgreSQL repository tests need PostgreSQL 15+ at %s with trust authentication (%s). Start one,"
                        + " e.g. `docker run -d -p 5432:5432 -e POSTGRES_DB=test -e POSTGRES_HOST_AUTH_METHOD=trust"
                        + " postgres:15`, or point BOT_TEST_POSTGRES_URL (and BOT_TEST_POSTGRES_USER) at one.",
                url,
                String.join("; ", failures));
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " CI=true, so a skipped PostgreSQL test is a failure.");
        }
        Assumptions.abort(message + " Skipping.");
        throw new AssertionError("unreachable");
    }
}
