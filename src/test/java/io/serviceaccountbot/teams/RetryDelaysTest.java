package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {

    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final RetryDelays delays = new RetryDelays(Duration.ofMillis(250), Duration.ofSeconds(30));

    @RepeatedTest(20)
    void backoffDoublesWithJitterWithinBounds() {
        assertThat(delays.before(1, null, now)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
        assertThat(delays.before(3, null, now)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(delays.before(30, null, now)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    @Test
    void retryAfterInSecondsOrAsADateWinsOverAShorterBackoff() {
        assertThat(delays.before(1, "7", now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(delays.before(1, "Thu, 26 Nov 2026 10:00:12 GMT", now)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void retryAfterNeverExceedsTheCap() {
        assertThat(delays.before(1, "3600", now)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void nonsenseRetryAfterFallsBackToBackoff() {
        assertThat(delays.before(1, "soon", now)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
    }
}
