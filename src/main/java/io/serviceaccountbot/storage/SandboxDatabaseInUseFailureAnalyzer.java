package io.serviceaccountbot.storage;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * An H2 file opens in one process at a time: a second sandbox on the same {@code bot.storage.directory} is told so in
 * a sentence instead of a stack trace.
 */
class SandboxDatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** H2's DATABASE_ALREADY_OPEN_1: the file is locked by another process. */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (cause.getErrorCode() != H2_DATABASE_ALREADY_OPEN) {
            return null;
        }
        return new FailureAnalysis(
                "Another process, probably another bot, has the embedded database open: " + cause.getMessage(),
                "Stop the other bot, or give this one a directory of its own with --bot.storage.directory=<directory>"
                        + " (or a database with --spring.datasource.url=…).",
                cause);
    }
}
