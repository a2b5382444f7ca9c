package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.retry.Backoff;
import io.serviceaccountbot.retry.Backoff.Jitter;
import io.serviceaccountbot.retry.Backoff.ServerAsk;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * How often and how patiently a failed Exchange call is tried again: at most {@code attempts} tries, waiting an
 * exponential, jittered delay (between half and all of {@code base} doubled per attempt), or longer when Exchange says
 * so in Retry-After, but never longer than {@code cap}. When Exchange asks for a longer pause than the cap, the call
 * fails at once as throttled rather than knocking again too early. The waits themselves come from a {@link Backoff}.
 */
final class Retries {

    /** Exchange's own module tries six times over minutes; a chat turn cannot wait that long. */
    static final int DEFAULT_ATTEMPTS = 4;

    private final int attempts;
    private final Backoff backoff;
    private final Sleeper sleeper;

    Retries(int attempts, Duration base, Duration cap, Sleeper sleeper, Clock clock) {
        this.attempts = attempts;
        this.backoff = new Backoff(base, cap, Jitter.EQUAL, ServerAsk.AT_LEAST, clock);
        this.sleeper = sleeper;
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
        return backoff.pauseBefore(nextAttempt - 1, retryAfter).orGiveUp();
    }

    void sleep(Duration pause) throws InterruptedException {
        sleeper.sleep(pause);
    }

    /** Waits between attempts; a seam so tests need not sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
