package io.serviceaccountbot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class SandboxDatabaseInUseFailureAnalyzerTest {

    private final SandboxDatabaseInUseFailureAnalyzer analyzer = new SandboxDatabaseInUseFailureAnalyzer();

    @Test
    void aLockedSandboxFileIsExplainedWithWhatToDo() {
        SQLException locked =
                new SQLException("Database may be already in use: \"/srv/data/bot.mv.db\"", "90020", 90020);

        FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("wrapped", locked));

        assertThat(analysis.getDescription()).contains("/srv/data/bot.mv.db").contains("another bot");
        assertThat(analysis.getAction()).contains("--bot.storage.directory=");
    }

    @Test
    void otherDatabaseFailuresAreLeftToSpringBoot() {
        assertThat(analyzer.analyze(new SQLException("connection refused", "08001", 0)))
                .isNull();
    }
}
