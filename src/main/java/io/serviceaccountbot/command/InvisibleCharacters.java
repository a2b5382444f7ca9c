package io.serviceaccountbot.command;

import java.util.Optional;

/**
 * Finds a character that changes what a message means without showing: a zero-width space, joiner or non-joiner, a
 * byte-order mark, a soft hyphen, a bidi embedding, override or isolate, a word joiner, a tag character: every
 * character of Unicode's format category (Cf). Dropping one silently would read {@code svc\u200Bsec1} as {@code svcsec1}, an account other than the one
 * shown; reading it as a space would split the word. So a message that holds one is refused, naming it.
 *
 * <p>Two kinds are left alone, because they change no word: a left-to-right or right-to-left mark (U+200E, U+200F,
 * U+061C) before or after everything visible, where right-to-left keyboards put them; and the zero-width joiner inside
 * an emoji sequence (👨‍👩‍👧), and the tag characters of a subdivision flag after 🏴. {@link InputText} drops those.
 */
final class InvisibleCharacters {

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int WAVING_BLACK_FLAG = 0x1F3F4;
    private static final String DIRECTION_MARKS = "\u200E\u200F\u061C";

    /**
     * The first invisible character in a message.
     *
     * @param codePoint the character
     * @param after the visible word right before it, or empty when it comes first
     */
    record Found(int codePoint, String after) {

        /** "U+200B ZERO WIDTH SPACE". */
        String named() {
            String name = Character.getName(codePoint);
            return String.format("U+%04X", codePoint) + (name == null ? "" : " " + name);
        }
    }

    private InvisibleCharacters() {}

    /** The first character of {@code text} that would silently change it, if any. */
    static Optional<Found> first(String text) {
        int firstVisible = -1;
        int lastVisible = -1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!isInvisible(codePoint) && !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)) {
                if (firstVisible < 0) {
                    firstVisible = i;
                }
                lastVisible = i;
            }
            i += Character.charCount(codePoint);
        }
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (isInvisible(codePoint)
                    && !(DIRECTION_MARKS.indexOf(codePoint) >= 0 && (i < firstVisible || i > lastVisible))
                    && !inEmojiSequence(codePoint, previous, next < text.length() ? text.codePointAt(next) : -1)) {
                return Optional.of(new Found(codePoint, wordBefore(text.substring(0, i))));
            }
            previous = codePoint;
            i = next;
        }
        return Optional.empty();
    }

    private static boolean isInvisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT;
    }

    /** A joiner between two emoji, or a tag character of a flag: part of a picture, not of a word. */
    private static boolean inEmojiSequence(int codePoint, int previous, int next) {
        if (codePoint == ZERO_WIDTH_JOINER) {
            return isPictograph(previous) && isPictograph(next);
        }
        boolean tag = codePoint >= 0xE0020 && codePoint <= 0xE007F;
        return tag && (previous == WAVING_BLACK_FLAG || (previous >= 0xE0020 && previous <= 0xE007F));
    }

    private static boolean isPictograph(int codePoint) {
        if (codePoint < 0) {
            return false;
        }
        return Character.getType(codePoint) == Character.OTHER_SYMBOL
                || Character.getType(codePoint) == Character.NON_SPACING_MARK // a variation selector, e.g. ❤️
                || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF); // a skin tone
    }

    /** The last word before the character, as shown: at most 30 characters of it. */
    private static String wordBefore(String before) {
        String shown = InputText.normalise(before);
        String word = shown.substring(shown.lastIndexOf(' ') + 1);
        return word.codePointCount(0, word.length()) <= 30
                ? word
                : "…" + word.substring(word.offsetByCodePoints(word.length(), -30));
    }
}
