package io.serviceaccountbot.identity;

import org.springframework.core.env.PropertyResolver;

/** How the bot runs: against its simulated tenant, or against a real Microsoft 365 tenant. */
public enum RuntimeMode {
    /** No tenant configured: simulated tenant, anonymous activities accepted, loopback only. */
    SANDBOX,
    /** A tenant, app id and credential are configured: every inbound activity must carry a valid token. */
    PRODUCTION;

    /** The mode an environment selects, before any bean exists: sandbox unless {@code bot.identity.tenant-id} is set. */
    public static RuntimeMode of(PropertyResolver environment) {
        String tenantId = environment.getProperty("bot.identity.tenant-id");
        return tenantId == null || tenantId.isBlank() ? SANDBOX : PRODUCTION;
    }

    public boolean isSandbox() {
        return this == SANDBOX;
    }
}
