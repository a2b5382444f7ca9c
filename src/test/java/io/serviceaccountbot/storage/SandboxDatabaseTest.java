package io.serviceaccountbot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SandboxDatabaseTest {

    private final SandboxDatabase sandboxDatabase = new SandboxDatabase();

    @Test
    void theSandboxKeepsItsStateInAnH2FileUnderTheStorageDirectory() {
        MockEnvironment environment = new MockEnvironment().withProperty("bot.storage.directory", "/srv/bot-data");

        sandboxDatabase.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:h2:file:" + Path.of("/srv/bot-data/bot").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void theStorageDirectoryDefaultsToDataInTheWorkingDirectory() {
        MockEnvironment environment = new MockEnvironment();

        sandboxDatabase.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.datasource.url"))
                .startsWith("jdbc:h2:file:" + Path.of("data", "bot").toAbsolutePath() + ";");
    }

    @Test
    void aConfiguredDatabaseIsKeptInTheSandbox() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1/bot");

        sandboxDatabase.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://127.0.0.1/bot");
    }

    @Test
    void productionGetsNoDefaultDatabaseAndIsToldWhatIsMissing() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("bot.identity.tenant-id", "7d2f0c55-1234-4abc-9def-0123456789ab");

        sandboxDatabase.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.datasource.url")).isNull();
        assertThat(new DatabaseSetting(null).missingForProduction())
                .singleElement()
                .asString()
                .startsWith("spring.datasource.url (the PostgreSQL database");
        assertThat(new DatabaseSetting("jdbc:postgresql://db:5432/bot").missingForProduction())
                .isEmpty();
    }
}
