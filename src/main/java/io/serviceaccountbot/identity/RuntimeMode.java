package io.serviceaccountbot.identity;

/** How the bot runs: against its simulated tenant, or against a real Microsoft 365 tenant. */
public enum RuntimeMode {
    /** No tenant configured: simulated tenant, anonymous activities accepted, loopback only. */
    SANDBOX,
    /** A tenant, app id and credential are configured: every inbound activity must carry a valid token. */
    PRODUCTION;

    public boolean isSandbox() {
        return this == SANDBOX;
    }
}
