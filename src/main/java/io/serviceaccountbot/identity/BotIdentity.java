package io.serviceaccountbot.identity;

/**
 * Who the bot is in this run: its mode, the tenant whose activities it serves, and its app id.
 *
 * @param mode sandbox or production
 * @param tenantId the tenant served; in sandbox, the simulated tenant of the Agents Playground
 * @param appId the bot's app id; in sandbox, the id the Agents Playground uses for its bot
 */
public record BotIdentity(RuntimeMode mode, String tenantId, String appId) {

    static BotIdentity from(IdentityProperties properties) {
        if (properties.mode().isSandbox()) {
            String appId = IdentityProperties.isBlank(properties.appId())
                    ? IdentityProperties.SANDBOX_APP_ID
                    : properties.appId();
            return new BotIdentity(RuntimeMode.SANDBOX, IdentityProperties.SANDBOX_TENANT_ID, appId);
        }
        return new BotIdentity(RuntimeMode.PRODUCTION, properties.tenantId().trim(), properties.appId());
    }

    /** Whether an activity from the given tenant is one this bot serves. */
    public boolean serves(String activityTenantId) {
        return activityTenantId != null && tenantId.equalsIgnoreCase(activityTenantId.trim());
    }
}
