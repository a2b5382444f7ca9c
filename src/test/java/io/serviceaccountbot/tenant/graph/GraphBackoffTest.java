package io.serviceaccountbot.tenant.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How the Graph client waits before a retry; the parsing and the arithmetic are tested in the retry package. */
class GraphBackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final Backoff backoff = new GraphHttpSettings(
                    Duration.ofSeconds(30), 3, Duration.ofSeconds(30), Duration.ofSeconds(1))
            .backoff(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void graphAskingForSecondsIsWaitedExactly() {
        assertThat(backoff.pauseBefore(1, "10").orGiveUp()).contains(Duration.ofSeconds(10));
        assertThat(backoff.pauseBefore(3, "0.05").orGiveUp()).contains(Duration.ofMillis(50));
    }

    @Test
    void graphsOwnFractionalExampleIsUnderstood() {
        assertThat(backoff.pauseBefore(1, "2.128").orGiveUp()).contains(Duration.ofMillis(2128));
    }

    @Test
    void anHttpDateIsTheWaitUntilThenAndADateInThePastMeansRetryNow() {
        assertThat(backoff.pauseBefore(1, "Thu, 26 Nov 2026 10:00:07 GMT").orGiveUp())
                .contains(Duration.ofSeconds(7));
        assertThat(backoff.pauseBefore(1, "Thu, 26 Nov 2026 09:59:00 GMT").orGiveUp())
                .contains(Duration.ZERO);
    }

    @Test
    void aWaitLongerThanTheCapIsNotWaitedOutButGivenBackToTheCaller() {
        assertThat(backoff.pauseBefore(1, "120").orGiveUp()).isEmpty();
    }

    @Test
    void withoutRetryAfterTheWaitDoublesWithALittleJitterAndNeverPassesTheCap() {
        assertThat(backoff.pauseBefore(1, null).orGiveUp().orElseThrow())
                .isBetween(Duration.ofMillis(1000), Duration.ofMillis(1200));
        assertThat(backoff.pauseBefore(2, null).orGiveUp().orElseThrow())
                .isBetween(Duration.ofMillis(2000), Duration.ofMillis(2400));
        assertThat(backoff.pauseBefore(3, "").orGiveUp().orElseThrow())
                .isBetween(Duration.ofMillis(4000), Duration.ofMillis(4800));
        assertThat(backoff.pauseBefore(9, null).orGiveUp()).contains(Duration.ofSeconds(30));
    }
}
