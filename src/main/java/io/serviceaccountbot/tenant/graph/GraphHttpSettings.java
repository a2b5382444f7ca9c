package io.serviceaccountbot.tenant.graph;

import io.serviceaccountbot.retry.Backoff;
import io.serviceaccountbot.retry.Backoff.Jitter;
import io.serviceaccountbot.retry.Backoff.ServerAsk;
import io.serviceaccountbot.tenant.ProvisioningProperties;
import java.time.Clock;
import java.time.Duration;

/**
 * How long the bot waits for Microsoft Graph and how often it tries again.
 *
 * @param timeout the longest one HTTP request may take (connecting, sending, waiting for and reading the answer)
 * @param maxRetries how many times a throttled (429) or unavailable (503, 504) request is tried again
 * @param maxRetryWait the longest wait before one retry; a longer Retry-After is not waited out
 * @param firstBackoff the wait before the first retry when Graph sends no Retry-After; it doubles per retry
 */
record GraphHttpSettings(Duration timeout, int maxRetries, Duration maxRetryWait, Duration firstBackoff) {

    static GraphHttpSettings from(ProvisioningProperties properties) {
        Duration firstBackoff = min(Duration.ofSeconds(1), properties.graphMaxRetryWait());
        return new GraphHttpSettings(
                properties.graphTimeout(), properties.graphMaxRetries(), properties.graphMaxRetryWait(), firstBackoff);
    }

    /**
     * The wait before a retry: exactly what Graph asks in Retry-After (seconds, fractions included, or an HTTP date);
     * without one, {@code firstBackoff} doubled per retry plus up to a fifth more, at most {@code maxRetryWait}. When
     * Graph asks for more than {@code maxRetryWait}, the pause says so and the request is not retried.
     */
    Backoff backoff(Clock clock) {
        return new Backoff(firstBackoff, maxRetryWait, Jitter.UP_TO_A_FIFTH_MORE, ServerAsk.EXACTLY, clock);
    }

    /** The whole call, every retry and wait included, so that no call can hang. */
    Duration callTimeout() {
        return timeout.multipliedBy(maxRetries + 1L).plus(maxRetryWait.multipliedBy(maxRetries));
    }

    Duration connectTimeout() {
        return min(timeout, Duration.ofSeconds(10));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
