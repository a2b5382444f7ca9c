package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.TokenUnavailableException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In sandbox mode, where the bot's access tokens come from. There is no credential: the simulated tenant accepts one
 * fixed, well-known token, so the real clients still send an Authorization header and a client that forgets to is
 * caught by the simulator. It issues that token for every scope unless it has been told to refuse a scope, so that
 * tests and benchmarks can take the identity platform away (through {@code PUT /sandbox/control/identity}) and give it
 * back, and see what the bot does without a token.
 */
final class SimulatedIdentityPlatform implements AccessTokens {

    /** Not a secret: the simulated tenant's only accepted token. */
    static final String SANDBOX_TOKEN = "sandbox-token";

    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final AtomicLong refusals = new AtomicLong();

    /** From now on refuses tokens for exactly these scopes (e.g. {@link AccessTokens#BOT_CONNECTOR}); empty for none. */
    void refuse(Collection<String> scopes) {
        refused.retainAll(Set.copyOf(scopes));
        refused.addAll(scopes);
    }

    /** The scopes it refuses now. */
    Set<String> refused() {
        return new TreeSet<>(refused);
    }

    /** How many token requests it has refused since start. */
    long refusals() {
        return refusals.get();
    }

    @Override
    public String forScope(String scope) {
        if (refused.contains(scope)) {
            refusals.incrementAndGet();
            throw new TokenUnavailableException(
                    "Could not get an access token for " + scope + ": the simulated identity platform refused it",
                    null);
        }
        return SANDBOX_TOKEN;
    }
}
