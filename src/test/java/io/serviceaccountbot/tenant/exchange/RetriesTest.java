package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetriesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final Retries retries = new Retries(
            4, Duration.ofMillis(500), Duration.ofSeconds(20), pause -> {}, Clock.fixed(NOW, ZoneOffset.UTC));

    @RepeatedTest(20)
    void pausesGrowWithJitterAndNeverPassTheCap() {
        assertThat(retries.pauseBefore(2, null).orElseThrow())
                .isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(retries.pauseBefore(3, null).orElseThrow())
                .isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(retries.pauseBefore(30, null).orElseThrow())
                .isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    @Test
    void retryAfterIsHonouredInSecondsFractionsOrAsADate() {
        assertThat(retries.pauseBefore(2, "7").orElseThrow()).isEqualTo(Duration.ofSeconds(7));
        assertThat(retries.pauseBefore(2, "1.5").orElseThrow()).isEqualTo(Duration.ofMillis(1500));
        assertThat(retries.pauseBefore(2, "Thu, 26 Nov 2026 10:00:09 GMT").orElseThrow())
                .isEqualTo(Duration.ofSeconds(9));
        assertThat(retries.pauseBefore(2, "soon").orElseThrow()).isLessThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aRetryAfterLongerThanTheCapMeansDoNotRetry() {
        assertThat(retries.pauseBefore(2, "21")).isEmpty();
        assertThat(retries.pauseBefore(2, "20")).contains(Duration.ofSeconds(20));
    }
}
