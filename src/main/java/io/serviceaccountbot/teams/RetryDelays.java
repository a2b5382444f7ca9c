package io.serviceaccountbot.teams;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next attempt: exponential backoff with jitter (between half and all of the doubled
 * delay), or longer when the server says so
 * in Retry-After (seconds or an HTTP date), never more than the cap.
 */
final class RetryDelays {

    private final Duration base;
    private final Duration cap;

    RetryDelays(Duration base, Duration cap) {
        this.base = base;
        this.cap = cap;
    }

    Duration before(int nextAttempt, String retryAfter, Instant now) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(nextAttempt - 1, 20));
        long jittered = ThreadLocalRandom.current().nextLong(ceiling / 2, Math.max(ceiling, 1) + 1);
        long told = retryAfterMillis(retryAfter, now);
        return Duration.ofMillis(Math.min(cap.toMillis(), Math.max(jittered, told)));
    }

    static long retryAfterMillis(String retryAfter, Instant now) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return 0;
        }
        String value = retryAfter.trim();
        try {
            return Math.max(0, Long.parseLong(value) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Math.max(0, Duration.between(now, at).toMillis());
            } catch (RuntimeException notADate) {
                return 0;
            }
        }
    }
}
