package io.serviceaccountbot.identity;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In sandbox mode, where the bot's access tokens come from: it issues the simulated tenant's well-known token for every
 * scope unless it has been told to refuse a scope, so that tests and benchmarks can take the identity platform away
 * (through {@code PUT /sandbox/control/identity}) and give it back, and see what the bot does without a token.
 */
public final class SimulatedIdentityPlatform {

    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final AtomicLong refusals = new AtomicLong();

    /** From now on refuses tokens for exactly these scopes (e.g. {@link AccessTokens#BOT_CONNECTOR}); empty for none. */
    public void refuse(Collection<String> scopes) {
        refused.retainAll(Set.copyOf(scopes));
        refused.addAll(scopes);
    }

    /** The scopes it refuses now. */
    public Set<String> refused() {
        return new TreeSet<>(refused);
    }

    /** How many token requests it has refused since start. */
    public long refusals() {
        return refusals.get();
    }

    String issue(String scope) {
        if (refused.contains(scope)) {
            refusals.incrementAndGet();
            throw new TokenUnavailableException(
                    "Could not get an access token for " + scope + ": the simulated identity platform refused it",
                    null);
        }
        return SandboxAccessTokens.SANDBOX_TOKEN;
    }
}
