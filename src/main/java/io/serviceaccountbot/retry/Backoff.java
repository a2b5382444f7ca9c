package io.serviceaccountbot.retry;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before retry number {@code n} (1 for the first retry) of an HTTP call: exponential backoff with
 * jitter, or what the server asks for in Retry-After, never longer than the cap.
 *
 * <p>The backoff before retry {@code n} starts from {@code d = min(cap, first × 2^(n−1))} (the doubling stops after
 * 20 retries) and is jittered, in whole milliseconds, uniformly at random, as the {@link Jitter} says. When the
 * server sends a readable Retry-After ({@link RetryAfter#parse}), {@link ServerAsk} says how it combines with that
 * backoff. When it asks for more than the cap, the answer is {@link Pause.LongerThanCap}, for the caller to decide.
 */
public final class Backoff {

    /** How the exponential delay {@code d} is spread, so that many clients throttled together do not return together. */
    public enum Jitter {
        /**
         * "Equal jitter" (AWS Architecture Blog, "Exponential Backoff and Jitter"): uniform between half and all of
         * {@code d}, so never more than the cap.
         */
        EQUAL,
        /** Uniform between {@code d} and {@code d} plus a fifth of it, then cut to the cap. */
        UP_TO_A_FIFTH_MORE
    }

    /** What a Retry-After within the cap means. */
    public enum ServerAsk {
        /** Wait exactly what the server asks, even when that is shorter than the backoff (or zero). */
        EXACTLY,
        /** Wait what the server asks or the backoff, whichever is longer. */
        AT_LEAST
    }

    private static final int LAST_DOUBLING = 20;

    private final Duration first;
    private final Duration cap;
    private final Jitter jitter;
    private final ServerAsk serverAsk;
    private final Clock clock;

    /**
     * @param first the backoff before the first retry, before jitter; it doubles per retry
     * @param cap the longest single wait
     * @param jitter how the backoff is spread
     * @param serverAsk how a Retry-After within the cap combines with the backoff
     * @param clock what "now" is for a Retry-After given as an HTTP date
     */
    public Backoff(Duration first, Duration cap, Jitter jitter, ServerAsk serverAsk, Clock clock) {
        this.first = requireNotNegative(first, "first");
        this.cap = requireNotNegative(cap, "cap");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.serverAsk = Objects.requireNonNull(serverAsk, "serverAsk");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The pause before retry number {@code retry}.
     *
     * @param retry 1 for the first retry (the second attempt), 2 for the next, …
     * @param retryAfterHeader the Retry-After header of the failed answer, or null
     */
    public Pause pauseBefore(int retry, String retryAfterHeader) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1, was " + retry);
        }
        Optional<Duration> asked = RetryAfter.parse(retryAfterHeader, clock.instant());
        if (asked.isPresent() && asked.get().compareTo(cap) > 0) {
            return new Pause.LongerThanCap(asked.get(), cap);
        }
        if (asked.isPresent() && serverAsk == ServerAsk.EXACTLY) {
            return new Pause.Wait(asked.get());
        }
        Duration backoff = Duration.ofMillis(jittered(retry));
        return new Pause.Wait(asked.filter(wait -> wait.compareTo(backoff) > 0).orElse(backoff));
    }

    private long jittered(int retry) {
        long capMillis = cap.toMillis();
        long d = Math.min(capMillis, doubled(first.toMillis(), Math.min(retry - 1, LAST_DOUBLING)));
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return switch (jitter) {
            case EQUAL -> d / 2 + random.nextLong(d - d / 2 + 1);
            case UP_TO_A_FIFTH_MORE -> {
                long more = random.nextLong(d / 5 + 1);
                yield d > capMillis - more ? capMillis : d + more;
            }
        };
    }

    private static long doubled(long millis, int times) {
        return millis > Long.MAX_VALUE >> times ? Long.MAX_VALUE : millis << times;
    }

    private static Duration requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
        return duration;
    }
}
