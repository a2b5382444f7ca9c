package io.serviceaccountbot.command;

import java.util.Objects;

/**
 * Turns what a Teams client sends into plain, single-spaced text.
 *
 * <p>Teams clients send smart quotes, non-breaking spaces, and invisible marks (zero-width spaces, bidi marks from
 * right-to-left keyboards). Smart quotes become {@code "} or {@code '}, every kind of space and control character
 * becomes one space, and invisible format characters are dropped: by the time a message gets here, {@link
 * CommandParser} has refused any that would change a word ({@link InvisibleCharacters}), so only direction marks at
 * its ends and joiners inside emoji are left to drop. The same function canonicalises the free text held
 * in commands, so a command always equals what its text parses back to.
 */
final class InputText {

    private static final String DOUBLE_QUOTES = "\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\uFF02\u301D\u301E";
    private static final String SINGLE_QUOTES = "\u2018\u2019\u201A\u201B\u2032\uFF07";
    private static final int DROP = -1;

    private InputText() {}

    /** Maps quotes and spaces, drops invisible characters, collapses runs of spaces and trims. */
    static String normalise(String raw) {
        Objects.requireNonNull(raw, "text");
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        int i = 0;
        while (i < raw.length()) {
            int codePoint = raw.codePointAt(i);
            i += Character.charCount(codePoint);
            int mapped = map(codePoint);
            if (mapped == DROP) {
                continue;
            }
            if (mapped == ' ') {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(mapped);
        }
        return out.toString();
    }

    /** Upper-cases a-z only: "ß" must not become "SS", nor "ﬀ" become "FF". */
    static String upperCaseAscii(String value) {
        StringBuilder upper = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            upper.append(c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c);
        }
        return upper.toString();
    }

    private static int map(int codePoint) {
        if (DOUBLE_QUOTES.indexOf(codePoint) >= 0) {
            return '"';
        }
        if (SINGLE_QUOTES.indexOf(codePoint) >= 0) {
            return '\'';
        }
        if (Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint)) {
            return ' ';
        }
        int type = Character.getType(codePoint);
        if (type == Character.FORMAT || type == Character.SURROGATE) {
            return DROP;
        }
        return codePoint;
    }
}
