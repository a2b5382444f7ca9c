package io.serviceaccountbot.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a production jar started without a tenant instead of printing a stack trace. */
class SimulatedTenantMissingFailureAnalyzer extends AbstractFailureAnalyzer<SimulatedTenantMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SimulatedTenantMissingException cause) {
        return new FailureAnalysis(
                "No tenant is configured, so the bot would start in sandbox mode, against its simulated tenant. This is"
                        + " the production jar, which does not carry the simulated tenant.",
                "To try the bot, run the sandbox jar: java -jar target/service-account-bot-sandbox.jar. To run it"
                        + " against Microsoft 365, configure a tenant (bot.identity.tenant-id and the settings"
                        + " docs/configuration.md lists).",
                cause);
    }
}
