package io.serviceaccountbot.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a refused sandbox start on a non-loopback address instead of printing a stack trace. */
class SandboxExposedFailureAnalyzer extends AbstractFailureAnalyzer<SandboxExposedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SandboxExposedException cause) {
        return new FailureAnalysis(
                "No tenant is configured, so the bot would start in sandbox mode, which accepts anonymous activities"
                        + " and lets any caller drive the simulated tenant. It serves this machine only, but "
                        + String.join(" and ", cause.settings()) + " would make it reachable from the network.",
                "Remove the address setting (the sandbox then listens on 127.0.0.1), or configure a tenant"
                        + " (bot.identity.tenant-id and the settings docs/configuration.md lists) to run in production mode,"
                        + " where every request is authenticated.",
                cause);
    }
}
