package io.serviceaccountbot.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Backoff} answers before a retry: {@link Wait wait} so long, or the server {@link LongerThanCap asks
 * for longer than the cap}. The second is a result, not an error; each caller chooses what it means with {@link
 * #orGiveUp()} or {@link #orWaitTheCap()}.
 */
public sealed interface Pause {

    /** The wait, or empty when the server asks for more than the cap: the caller gives up now, as throttled. */
    Optional<Duration> orGiveUp();

    /** The wait, or the cap when the server asks for more: the caller knocks again after the longest wait it allows. */
    Duration orWaitTheCap();

    /** Wait this long, then try again. */
    record Wait(Duration duration) implements Pause {

        public Wait {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public Optional<Duration> orGiveUp() {
            return Optional.of(duration);
        }

        @Override
        public Duration orWaitTheCap() {
            return duration;
        }
    }

    /**
     * The server's Retry-After asks for a longer wait than the caller allows.
     *
     * @param asked what the server asked for
     * @param cap the longest wait the caller allows
     */
    record LongerThanCap(Duration asked, Duration cap) implements Pause {

        public LongerThanCap {
            Objects.requireNonNull(asked, "asked");
            Objects.requireNonNull(cap, "cap");
        }

        @Override
        public Optional<Duration> orGiveUp() {
            return Optional.empty();
        }

        @Override
        public Duration orWaitTheCap() {
            return cap;
        }
    }
}
