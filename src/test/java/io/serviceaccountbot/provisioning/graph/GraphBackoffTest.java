package io.serviceaccountbot.provisioning.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final RetryAfter retryAfter =
            new RetryAfter(Duration.ofSeconds(1), Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void graphAskingForSecondsIsWaitedExactly() {
        assertThat(retryAfter.before(1, "10")).contains(Duration.ofSeconds(10));
    }

    @Test
    void graphsOwnFractionalExampleIsUnderstood() {
        assertThat(retryAfter.before(1, "2.128")).contains(Duration.ofMillis(2128));
    }

    @Test
    void anHttpDateIsTheWaitUntilThen() {
        assertThat(retryAfter.before(1, "Thu, 26 Nov 2026 10:00:07 GMT")).contains(Duration.ofSeconds(7));
    }

    @Test
    void aDateInThePastMeansRetryNow() {
        assertThat(retryAfter.before(1, "Thu, 26 Nov 2026 09:59:00 GMT")).contains(Duration.ZERO);
    }

    @Test
    void aWaitLongerThanTheCapIsNotWaitedOutButGivenBackToTheCaller() {
        assertThat(retryAfter.before(1, "120")).isEmpty();
    }

    @Test
    void withoutRetryAfterTheWaitDoublesWithALittleJitterAndNeverPassesTheCap() {
        assertThat(retryAfter.before(1, null).orElseThrow())
                .isBetween(Duration.ofMillis(1000), Duration.ofMillis(1200));
        assertThat(retryAfter.before(2, null).orElseThrow())
                .isBetween(Duration.ofMillis(2000), Duration.ofMillis(2400));
        assertThat(retryAfter.before(3, ""))
                .get()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofMillis(4000), Duration.ofMillis(4800)));
        assertThat(retryAfter.before(9, null)).contains(Duration.ofSeconds(30));
    }

    @Test
    void nonsenseIsTreatedAsNoRetryAfter() {
        assertThat(retryAfter.before(1, "soon").orElseThrow())
                .isBetween(Duration.ofMillis(1000), Duration.ofMillis(1200));
        assertThat(retryAfter.before(1, "-5").orElseThrow())
                .isBetween(Duration.ofMillis(1000), Duration.ofMillis(1200));
    }
}
