package io.serviceaccountbot.identity;

import java.time.Clock;

/**
 * Tokens of a user-assigned managed identity of the host (Azure Container Apps, App Service, a VM), apart from the
 * bot's own identity: for a resource the operators grant to that identity rather than to the bot's app, such as the
 * Key Vault that keeps generated passwords.
 */
public final class HostManagedIdentity {

    private HostManagedIdentity() {}

    /** Cached tokens of the user-assigned managed identity with this client id. */
    public static AccessTokens tokens(String clientId, String authorityHost, Clock clock) {
        IdentityProperties managed =
                new IdentityProperties(null, null, null, null, null, true, clientId, authorityHost);
        try {
            return new CachingAccessTokens(MsalTokenSource.from(managed, null), clock);
        } catch (Exception e) {
            throw new IllegalStateException("Could not set up the managed identity " + clientId, e);
        }
    }
}
