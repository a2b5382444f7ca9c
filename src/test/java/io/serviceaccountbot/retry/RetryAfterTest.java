package io.serviceaccountbot.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void wholeSecondsAreReadAsSeconds() {
        assertThat(RetryAfter.parse("10", NOW)).contains(Duration.ofSeconds(10));
        assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
    }

    @Test
    void graphsOwnFractionalExampleIsUnderstood() {
        assertThat(RetryAfter.parse("2.128", NOW)).contains(Duration.ofMillis(2128));
        assertThat(RetryAfter.parse("1.5", NOW)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.parse("0.4", NOW)).contains(Duration.ofMillis(400));
    }

    @Test
    void fractionsAreKeptToTheNanosecondAndFinerDigitsRoundUp() {
        assertThat(RetryAfter.parse("0.0005", NOW)).contains(Duration.ofNanos(500_000));
        assertThat(RetryAfter.parse("1.0000000001", NOW)).contains(Duration.ofSeconds(1, 1));
    }

    @Test
    void surroundingSpacesDoNotMatter() {
        assertThat(RetryAfter.parse("  7 ", NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void anHttpDateIsTheWaitUntilThen() {
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 10:00:07 GMT", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 11:00:00 GMT", NOW)).contains(Duration.ofHours(1));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 09:59:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anAbsurdlyLargeNumberIsAVeryLongWaitNotAnError() {
        assertThat(RetryAfter.parse("99999999999999999999999999", NOW))
                .get()
                .satisfies(wait -> assertThat(wait).isGreaterThan(Duration.ofDays(365 * 1000)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "   ",
                "soon",
                "-5",
                "-0.5",
                "1e3",
                "NaN",
                "Infinity",
                "5s",
                "2.",
                "Thu, 26 Nov 2026 25:00:00 GMT",
                "2026-11-26T10:00:07Z"
            })
    void whatIsAbsentNegativeOrUnreadableIsNoRetryAfter(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isEmpty();
    }
}
