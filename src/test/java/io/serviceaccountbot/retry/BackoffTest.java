package io.serviceaccountbot.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceaccountbot.retry.Backoff.Jitter;
import io.serviceaccountbot.retry.Backoff.ServerAsk;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Backoff backoff(long firstMillis, long capSeconds, Jitter jitter, ServerAsk serverAsk) {
        return new Backoff(Duration.ofMillis(firstMillis), Duration.ofSeconds(capSeconds), jitter, serverAsk, CLOCK);
    }

    private static Duration wait(Backoff backoff, int retry, String header) {
        return backoff.pauseBefore(retry, header).orGiveUp().orElseThrow();
    }

    @RepeatedTest(20)
    void equalJitterWaitsBetweenHalfAndAllOfTheDoubledDelayAndNeverPassesTheCap() {
        Backoff equal = backoff(250, 30, Jitter.EQUAL, ServerAsk.AT_LEAST);

        assertThat(wait(equal, 1, null)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
        assertThat(wait(equal, 2, null)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(wait(equal, 3, null)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(wait(equal, 30, null)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        assertThat(wait(equal, Integer.MAX_VALUE, null)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    @RepeatedTest(20)
    void upToAFifthMoreWaitsTheDoubledDelayPlusAtMostAFifthAndNeverPassesTheCap() {
        Backoff fifth = backoff(1000, 30, Jitter.UP_TO_A_FIFTH_MORE, ServerAsk.EXACTLY);

        assertThat(wait(fifth, 1, null)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1200));
        assertThat(wait(fifth, 2, "")).isBetween(Duration.ofMillis(2000), Duration.ofMillis(2400));
        assertThat(wait(fifth, 3, null)).isBetween(Duration.ofMillis(4000), Duration.ofMillis(4800));
        assertThat(wait(fifth, 5, null)).isBetween(Duration.ofMillis(16000), Duration.ofMillis(19200));
        assertThat(wait(fifth, 6, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(wait(fifth, 9, null)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aHugeFirstDelayIsCutToTheCapRatherThanOverflowing() {
        Backoff huge = new Backoff(
                Duration.ofDays(365 * 1000),
                Duration.ofMinutes(1),
                Jitter.UP_TO_A_FIFTH_MORE,
                ServerAsk.EXACTLY,
                CLOCK);

        assertThat(wait(huge, 21, null)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void noDelayAtAllStaysNoDelay() {
        assertThat(wait(backoff(0, 30, Jitter.EQUAL, ServerAsk.AT_LEAST), 3, null))
                .isZero();
        assertThat(wait(backoff(0, 30, Jitter.UP_TO_A_FIFTH_MORE, ServerAsk.EXACTLY), 3, null))
                .isZero();
    }

    @RepeatedTest(5)
    void atLeastWaitsTheLongerOfRetryAfterAndTheBackoff() {
        Backoff atLeast = backoff(250, 30, Jitter.EQUAL, ServerAsk.AT_LEAST);

        assertThat(wait(atLeast, 1, "7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(wait(atLeast, 1, "2.128")).isEqualTo(Duration.ofMillis(2128));
        assertThat(wait(atLeast, 1, "Thu, 26 Nov 2026 10:00:12 GMT")).isEqualTo(Duration.ofSeconds(12));
        assertThat(wait(atLeast, 4, "0.1")).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
        assertThat(wait(atLeast, 1, "0")).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
        assertThat(wait(atLeast, 1, "Thu, 26 Nov 2026 09:59:00 GMT"))
                .isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
    }

    @Test
    void exactlyWaitsWhatTheServerAsksEvenWhenTheBackoffWouldBeLonger() {
        Backoff exactly = backoff(1000, 30, Jitter.UP_TO_A_FIFTH_MORE, ServerAsk.EXACTLY);

        assertThat(wait(exactly, 1, "10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(wait(exactly, 4, "0.05")).isEqualTo(Duration.ofMillis(50));
        assertThat(wait(exactly, 1, "Thu, 26 Nov 2026 10:00:07 GMT")).isEqualTo(Duration.ofSeconds(7));
        assertThat(wait(exactly, 3, "Thu, 26 Nov 2026 09:59:00 GMT")).isZero();
    }

    @RepeatedTest(5)
    void anUnreadableRetryAfterMeansTheBackoff() {
        assertThat(wait(backoff(250, 30, Jitter.EQUAL, ServerAsk.AT_LEAST), 1, "soon"))
                .isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
        assertThat(wait(backoff(1000, 30, Jitter.UP_TO_A_FIFTH_MORE, ServerAsk.EXACTLY), 1, "-5"))
                .isBetween(Duration.ofMillis(1000), Duration.ofMillis(1200));
    }

    @Test
    void aRetryAfterUpToTheCapIsWaitedAndALongerOneIsLongerThanTheCap() {
        for (ServerAsk serverAsk : ServerAsk.values()) {
            Backoff backoff = backoff(500, 20, Jitter.EQUAL, serverAsk);

            assertThat(backoff.pauseBefore(1, "20")).isEqualTo(new Pause.Wait(Duration.ofSeconds(20)));
            assertThat(backoff.pauseBefore(1, "20.001"))
                    .isEqualTo(new Pause.LongerThanCap(Duration.ofMillis(20001), Duration.ofSeconds(20)));
            assertThat(backoff.pauseBefore(1, "Thu, 26 Nov 2026 11:00:00 GMT"))
                    .isEqualTo(new Pause.LongerThanCap(Duration.ofHours(1), Duration.ofSeconds(20)));
        }
    }

    @Test
    void eachCallerChoosesWhatALongerThanCapAskMeans() {
        Pause tooLong = backoff(500, 20, Jitter.EQUAL, ServerAsk.AT_LEAST).pauseBefore(1, "3600");

        assertThat(tooLong.orGiveUp()).isEmpty();
        assertThat(tooLong.orWaitTheCap()).isEqualTo(Duration.ofSeconds(20));

        Pause within = new Pause.Wait(Duration.ofSeconds(3));
        assertThat(within.orGiveUp()).contains(Duration.ofSeconds(3));
        assertThat(within.orWaitTheCap()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void retriesCountFromOneAndDurationsMustNotBeNegative() {
        Backoff backoff = backoff(500, 20, Jitter.EQUAL, ServerAsk.AT_LEAST);

        assertThatThrownBy(() -> backoff.pauseBefore(0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(
                        Duration.ofMillis(-1), Duration.ofSeconds(1), Jitter.EQUAL, ServerAsk.AT_LEAST, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(
                        Duration.ofMillis(1), Duration.ofSeconds(-1), Jitter.EQUAL, ServerAsk.AT_LEAST, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
