package io.serviceaccountbot.command;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * How long a grant lasts, as the admin said it: {@code for 30 days}, {@code for 12 hours}, {@code for 2 minutes}. The
 * bot's own limits (the longest grant, minutes only in the sandbox) are the plan's to apply, not the language's.
 *
 * @param amount how many units, 1 to {@value #MOST}
 * @param unit days, hours or minutes
 */
public record GrantDuration(long amount, ChronoUnit unit) {

    /** More than any limit a bot would set (27 years in days), so that a typo is not read as forever. */
    static final long MOST = 9999;

    public GrantDuration {
        Objects.requireNonNull(unit, "unit");
        if (unit != ChronoUnit.DAYS && unit != ChronoUnit.HOURS && unit != ChronoUnit.MINUTES) {
            throw new IllegalArgumentException("A grant lasts a number of days, hours or minutes");
        }
        if (amount < 1 || amount > MOST) {
            throw new IllegalArgumentException("A grant lasts from 1 to " + MOST + " " + plural(unit));
        }
    }

    /**
     * Reads what {@code for # day|days} captured, e.g. "30 day".
     *
     * @throws IllegalArgumentException saying what a duration must be, when the number is not one
     */
    static GrantDuration read(String captured) {
        String[] parts = captured.trim().split(" +");
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException(
                    "write a whole number of days, hours or minutes in digits, from 1 to " + MOST);
        }
        ChronoUnit unit = switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "day" -> ChronoUnit.DAYS;
            case "hour" -> ChronoUnit.HOURS;
            default -> ChronoUnit.MINUTES;
        };
        return new GrantDuration(Long.parseLong(parts[0]), unit);
    }

    /** The length of the grant. */
    public Duration duration() {
        return Duration.of(amount, unit);
    }

    /** E.g. "1 day", "12 hours". */
    public String words() {
        return amount + " " + (amount == 1 ? singular(unit) : plural(unit));
    }

    private static String singular(ChronoUnit unit) {
        return switch (unit) {
            case DAYS -> "day";
            case HOURS -> "hour";
            default -> "minute";
        };
    }

    private static String plural(ChronoUnit unit) {
        return singular(unit) + "s";
    }
}
