package io.serviceaccountbot.provisioning.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a failed Exchange call is tried again: at most {@code attempts} tries, waiting an
 * exponential, jittered delay (between half and all of {@code base} doubled per attempt), or longer when Exchange says
 * so in Retry-After, but never longer than {@code cap}. When Exchange asks for a longer pause than the cap, the call
 * fails at once as throttled rather than knocking again too early.
 */
final class Retries {

    /** Exchange's own module tries six times over minutes; a chat turn cannot wait that long. */
    static final int DEFAULT_ATTEMPTS = 4;

    private final int attempts;
    private final Duration base;
    private final Duration cap;
    private final Sleeper sleeper;
    private final Clock clock;

    Retries(int attempts, Duration base, Duration cap, Sleeper sleeper, Clock clock) {
        this.attempts = attempts;
        this.base = base;
        this.cap = cap;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    static Retries standard() {
        return new Retries(
                DEFAULT_ATTEMPTS,
                Duration.ofMillis(500),
                Duration.ofSeconds(20),
                duration -> Thread.sleep(duration.toMillis()),
                Clock.systemUTC());
    }

    int attempts() {
        return attempts;
    }

    /**
     * The pause before the given attempt (2, 3, …), or empty when Retry-After asks for more than the cap.
     *
     * @param retryAfter the Retry-After header of the failed answer, or null
     */
    Optional<Duration> pauseBefore(int nextAttempt, String retryAfter) {
        long told = retryAfterMillis(retryAfter, clock.instant());
        if (told > cap.toMillis()) {
            return Optional.empty();
        }
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(Math.max(nextAttempt - 2, 0), 20));
        long jittered = ceiling <= 1 ? ceiling : ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        return Optional.of(Duration.ofMillis(Math.max(jittered, told)));
    }

    void sleep(Duration pause) throws InterruptedException {
        sleeper.sleep(pause);
    }

    /** Retry-After in seconds (Exchange may send a fraction) or as an HTTP date; 0 when absent or unreadable. */
    static long retryAfterMillis(String retryAfter, Instant now) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return 0;
        }
        String value = retryAfter.trim();
        try {
            return Math.max(0, (long) Math.ceil(Double.parseDouble(value) * 1000));
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

    /** Waits between attempts; a seam so tests need not sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
