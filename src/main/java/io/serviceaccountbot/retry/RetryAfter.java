package io.serviceaccountbot.retry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an HTTP {@code Retry-After} header: delay seconds (RFC 9110), with the decimal fraction Microsoft Graph sends
 * ({@code 2.128}), or an HTTP date (RFC 1123, {@code Thu, 26 Nov 2026 10:00:07 GMT}).
 */
public final class RetryAfter {

    private static final Pattern SECONDS = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final BigDecimal LONGEST = BigDecimal.valueOf(Long.MAX_VALUE);

    private RetryAfter() {}

    /**
     * The wait the header asks for, measured from {@code now}: seconds exactly (digits beyond the nanosecond round
     * up), a date as the time until then, a date in the past as {@link Duration#ZERO}. Empty when the header is
     * absent, blank, negative or unreadable, which callers treat as "no Retry-After".
     */
    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (SECONDS.matcher(value).matches()) {
            return Optional.of(seconds(new BigDecimal(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration until = Duration.between(now, at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeException | ArithmeticException notADate) {
            return Optional.empty();
        }
    }

    private static Duration seconds(BigDecimal seconds) {
        if (seconds.compareTo(LONGEST) >= 0) {
            return Duration.ofSeconds(Long.MAX_VALUE);
        }
        BigDecimal nanos = seconds.setScale(9, RoundingMode.CEILING);
        return Duration.ofSeconds(
                nanos.longValue(),
                nanos.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
}
