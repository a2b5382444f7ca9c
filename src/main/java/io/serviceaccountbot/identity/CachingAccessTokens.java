package io.serviceaccountbot.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one token per scope and asks for a new one only when the cached one has less than the refresh margin to
 * live, so concurrent callers share a token and a token is never used in its last minutes.
 */
class CachingAccessTokens implements AccessTokens {

    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final TokenSource source;
    private final Clock clock;
    private final Map<String, IssuedToken> cache = new ConcurrentHashMap<>();

    CachingAccessTokens(TokenSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    @Override
    public String forScope(String scope) {
        IssuedToken cached = cache.get(scope);
        if (cached != null && cached.validFor(REFRESH_MARGIN, clock.instant())) {
            return cached.value();
        }
        synchronized (this) {
            cached = cache.get(scope);
            if (cached == null || !cached.validFor(REFRESH_MARGIN, clock.instant())) {
                cached = acquire(scope);
                cache.put(scope, cached);
            }
            return cached.value();
        }
    }

    private IssuedToken acquire(String scope) {
        try {
            return source.acquire(scope);
        } catch (Exception e) {
            throw new TokenUnavailableException("Could not get an access token for " + scope + ": " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }
}
