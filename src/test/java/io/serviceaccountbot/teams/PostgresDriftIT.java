package io.serviceaccountbot.teams;

import io.serviceaccountbot.storage.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link DriftIT} on PostgreSQL, the production database, instead of the sandbox's H2 file: the same grants, checks
 * and cards, their durable jobs and records in a schema of their own (skipped where no PostgreSQL runs, unless
 * CI=true).
 */
class PostgresDriftIT extends DriftIT {

    static TestDatabase database;

    @BeforeAll
    static void openPostgres() {
        database = TestDatabase.postgres();
    }

    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> database.url());
        registry.add("spring.datasource.username", () -> database.user());
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }
}
