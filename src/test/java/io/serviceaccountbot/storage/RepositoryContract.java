package io.serviceaccountbot.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * A repository's tests, written once and run on each database by a subclass per database: the class opens its
 * database once, empties the repository's tables before each test, and drops the database at the end. When the
 * database is not available every test is skipped with the reason, so the skip shows in the test report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RepositoryContract {

    private TestDatabase database;
    private TestAbortedException unavailable;

    /** {@link TestDatabase#h2()} or {@link TestDatabase#postgres()}. */
    protected abstract TestDatabase openDatabase();

    /** The tables the repository writes, children first. */
    protected abstract String[] tables();

    protected TestDatabase database() {
        return database;
    }

    @BeforeAll
    void openDatabaseOnce() {
        try {
            database = openDatabase();
        } catch (TestAbortedException notThere) {
            unavailable = notThere;
            System.err.println(getClass().getSimpleName() + ": " + notThere.getMessage());
        }
    }

    @BeforeEach
    void emptyTables() {
        if (unavailable != null) {
            throw unavailable;
        }
        database.deleteAll(tables());
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
