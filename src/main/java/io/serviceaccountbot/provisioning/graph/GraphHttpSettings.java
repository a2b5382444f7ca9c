package io.serviceaccountbot.provisioning.graph;

import io.serviceaccountbot.provisioning.ProvisioningProperties;
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
