package io.serviceaccountbot.command;

import java.util.List;

/**
 * Removes the polite or chatty words people wrap around a command: "please", "could you", "thanks, help", a trailing
 * "?" or "!".
 *
 * <p>Only the very start and the very end of the text are touched, so values inside a command are never changed.
 */
final class Politeness {

    /** Openers, longest first so that "thank you" wins over "thanks". */
    static final List<String> OPENERS = List.of(
            "i would like to",
            "i'd like to",
            "i want to",
            "i need to",
            "could you",
            "would you",
            "can you",
            "will you",
            "could u",
            "can u",
            "thank you",
            "thanks",
            "kindly",
            "please",
            "hello",
            "okay",
            "hey",
            "thx",
            "pls",
            "plz",
            "hi",
            "ok");

    static final List<String> CLOSERS =
            List.of("thank you", "thanks", "cheers", "please", "for me", "thx", "pls", "plz");

    private static final String TRAILING_MARKS = "?!.,;:";
    private static final String OPENER_MARKS = ",:;!.";

    private Politeness() {}

    /** Strips openers and closers until none is left. */
    static String strip(String text) {
        String before;
        do {
            before = text;
            text = stripClosing(stripOpening(text));
        } while (!text.equals(before));
        return text;
    }

    /** Strips trailing marks and closing words; the renderer uses it to know when free text needs quotes. */
    static String stripClosing(String text) {
        String before;
        do {
            before = text;
            text = trimTrailingMarks(text);
            for (String closer : CLOSERS) {
                int start = text.length() - closer.length();
                if (start >= 0
                        && text.regionMatches(true, start, closer, 0, closer.length())
                        && (start == 0 || text.charAt(start - 1) == ' ' || text.charAt(start - 1) == ',')) {
                    text = text.substring(0, start);
                    break;
                }
            }
        } while (!text.equals(before));
        return text;
    }

    private static String stripOpening(String text) {
        for (String opener : OPENERS) {
            int end = opener.length();
            if (text.regionMatches(true, 0, opener, 0, end)
                    && (text.length() == end
                            || text.charAt(end) == ' '
                            || OPENER_MARKS.indexOf(text.charAt(end)) >= 0)) {
                int next = end;
                while (next < text.length()
                        && (text.charAt(next) == ' ' || OPENER_MARKS.indexOf(text.charAt(next)) >= 0)) {
                    next++;
                }
                return text.substring(next);
            }
        }
        return text;
    }

    private static String trimTrailingMarks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ' ' || TRAILING_MARKS.indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        return text.substring(0, end);
    }
}
