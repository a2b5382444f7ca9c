package io.serviceaccountbot.identity;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused production start into a short list of missing settings instead of a stack trace. */
class IncompleteConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<IncompleteConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IncompleteConfigurationException cause) {
        String missing = cause.missing().stream().map(m -> "  - " + m).collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "bot.identity.tenant-id is set, so the bot starts in production mode, but these settings are missing:\n"
                        + missing,
                "Set each missing setting (see the configuration table in docs/configuration.md), or remove bot.identity.tenant-id"
                        + " to run in sandbox mode against the simulated tenant.",
                cause);
    }
}
