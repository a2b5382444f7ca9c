package io.serviceaccountbot.provisioning.graph;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying a throttled or unavailable Graph request again. Graph's Retry-After is honoured as
 * seconds (Graph's own examples send fractions, e.g. {@code 2.128}) or as an HTTP date; without one the wait doubles
 * per attempt, with jitter. No wait exceeds the cap: when Graph asks for more, the answer is "do not retry now".
 */
final class RetryAfter {

    private final Duration firstBackoff;
    private final Duration cap;
    private final Clock clock;

    RetryAfter(Duration firstBackoff, Duration cap, Clock clock) {
        this.firstBackoff = firstBackoff;
        this.cap = cap;
        this.clock = clock;
    }

    /**
     * The wait before retry number {@code attempt} (1 for the first retry), or empty when Graph asks for a longer
     * wait than the cap.
     */
    Optional<Duration> before(int attempt, String retryAfterHeader) {
        Optional<Duration> asked = parse(retryAfterHeader);
        if (asked.isPresent()) {
            return asked.get().compareTo(cap) <= 0 ? asked : Optional.empty();
        }
        long base = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        long jittered = base + ThreadLocalRandom.current().nextLong(base / 5 + 1);
        return Optional.of(Duration.ofMillis(Math.min(jittered, cap.toMillis())));
    }

    Optional<Duration> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            BigDecimal seconds = new BigDecimal(value);
            if (seconds.signum() < 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(seconds.movePointRight(3).longValue()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration until = Duration.between(clock.instant(), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
