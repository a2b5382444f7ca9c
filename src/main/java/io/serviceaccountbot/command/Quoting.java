package io.serviceaccountbot.command;

import java.util.Locale;
import java.util.Set;

/**
 * Writes values into command text so that they read back unchanged: quoted, with inner quotes doubled, whenever the
 * plain form would be read differently (a space, a keyword, a trailing "?" the parser would drop as punctuation).
 */
final class Quoting {

    private static final String TRAILING_MARKS = "?!.,;:";

    private Quoting() {}

    /** Always quoted: names that may contain spaces, such as group names. */
    static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** A one-word value such as an alias: plain unless it could be mistaken for something else. */
    static String token(String value) {
        boolean plain = !value.isEmpty()
                && value.indexOf(' ') < 0
                && value.indexOf('"') < 0
                && TRAILING_MARKS.indexOf(value.charAt(value.length() - 1)) < 0
                && !CommandCatalog.standard().reservedWords().contains(value.toLowerCase(Locale.ROOT));
        return plain ? value : quoted(value);
    }

    /**
     * Text that runs to the end of the command (a justification, comment or reason): plain unless it starts with a
     * quote or with one of {@code leadingFillers} the parser would skip, or ends with something it would strip.
     */
    static String freeText(String text, Set<String> leadingFillers) {
        String firstWord = text.split(" ", 2)[0].toLowerCase(Locale.ROOT);
        boolean plain = !text.isEmpty()
                && !text.startsWith("\"")
                && !leadingFillers.contains(firstWord)
                && Politeness.stripClosing(text).equals(text);
        return plain ? text : quoted(text);
    }
}
