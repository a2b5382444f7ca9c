package io.serviceaccountbot.plans;

import java.time.Duration;

/** Durations as people say them: "30 minutes", "1 hour 30 minutes", "45 seconds". */
final class Durations {

    private Durations() {}

    static String inWords(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        StringBuilder words = new StringBuilder();
        append(words, hours, "hour");
        append(words, minutes, "minute");
        if (hours == 0) {
            append(words, rest, "second");
        }
        return words.length() == 0 ? "0 seconds" : words.toString();
    }

    private static void append(StringBuilder words, long count, String unit) {
        if (count > 0) {
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append(count).append(' ').append(unit).append(count == 1 ? "" : "s");
        }
    }
}
