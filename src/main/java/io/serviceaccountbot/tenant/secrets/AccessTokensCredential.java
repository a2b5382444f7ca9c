package io.serviceaccountbot.tenant.secrets;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.serviceaccountbot.identity.AccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * The Azure SDK's view of the bot's one token service: every token an Azure client asks for comes from {@link
 * AccessTokens}, so the bot's client secret, certificate or managed identity (MSAL4J, configured in {@code identity})
 * serves Key Vault as it serves Graph, Exchange and the Bot Connector, with one cache.
 *
 * <p>The scope is whatever the service's bearer challenge names ({@code https://vault.azure.net/.default} for Key
 * Vault); the SDK checks that it belongs to the vault's domain. A challenge naming another tenant than the bot's is
 * refused here, with a message saying so, rather than by the vault with a bare 401.
 *
 * <p>{@link AccessTokens} does not say when a token expires, only that it has a few minutes left; the SDK is told the
 * token lasts {@link #ASSUMED_LIFETIME} and should be refreshed at once, so it asks again (at most every 30 seconds)
 * and {@link AccessTokens} decides from its own cache.
 */
final class AccessTokensCredential implements TokenCredential {

    static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(2);

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final AccessTokens tokens;
    private final String tenantId;
    private final Clock clock;

    /**
     * @param tokens the bot's token service
     * @param tenantId the bot's tenant, or null to accept a challenge from any tenant
     * @param clock for the token's assumed expiry
     */
    AccessTokensCredential(AccessTokens tokens, String tenantId, Clock clock) {
        this.tokens = tokens;
        this.tenantId = tenantId;
        this.clock = clock;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        List<String> scopes = request.getScopes();
        if (scopes.size() != 1) {
            throw new IllegalArgumentException("The bot asks for tokens one scope at a time, not " + scopes);
        }
        String challengeTenant = request.getTenantId();
        if (tenantId != null
                && challengeTenant != null
                && GUID.matcher(challengeTenant).matches()
                && !challengeTenant.equalsIgnoreCase(tenantId)) {
            throw new ForeignTenantException(challengeTenant, tenantId);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new AccessToken(tokens.forScope(scopes.get(0)), now.plus(ASSUMED_LIFETIME), now);
    }

    /** The service is in another tenant than the bot's identity, so no token of the bot's would be accepted. */
    static final class ForeignTenantException extends RuntimeException {

        ForeignTenantException(String serviceTenant, String botTenant) {
            super("it belongs to tenant " + serviceTenant + ", but the bot's identity is in tenant " + botTenant
                    + "; use a vault in the bot's tenant");
        }
    }
}
