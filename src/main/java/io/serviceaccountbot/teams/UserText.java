package io.serviceaccountbot.teams;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that someone other than the bot wrote (a justification, a comment, an account or group name, a display name, a
 * command echoed back, a step or fix that quotes them), made safe to put into a card's TextBlock or FactSet, or into a
 * markdown message: it shows as the characters typed and never as markup.
 *
 * <p>Teams renders markdown in both, so {@link #forMarkdown(String)}
 *
 * <ul>
 *   <li>backslash-escapes what is markup anywhere in a line: {@code \ * _ [ ] ` ~ < > |} (emphasis, links and
 *       images, code, strike-through, HTML tags, tables). With {@code [} and {@code ]} escaped no link or image can
 *       form, so {@code ( ) !} need no escape;
 *   <li>backslash-escapes what is markup only at the start of a line: {@code # - + =} (headings, lists, rules) and
 *       the {@code .} or {@code )} after a number ({@code 1.} starts a numbered list);
 *   <li>defangs web addresses, which Teams links by itself without any markup: in a word that contains {@code ://}
 *       or starts with {@code www.}, the {@code ://} becomes {@code [:]//} and every dot {@code [.]}, so {@code
 *       https://evil.example/x} shows as {@code https[:]//evil[.]example/x}: readable, but no longer an address any
 *       client links. Escaping the markup alone would not do, because a client that links plain addresses finds them
 *       in the text as shown.
 * </ul>
 *
 * Text the bot wrote itself (its {@code **bold**} words) is not passed through here; only the values put into it are.
 */
public final class UserText {

    private static final String MARKUP_ANYWHERE = "\\*_[]`~<>|";
    private static final String MARKUP_AT_LINE_START = "#-+=";
    private static final Pattern ADDRESS = Pattern.compile("(?i)\\S*://\\S*|(?<!\\S)www\\.\\S*");

    private UserText() {}

    /** {@code text} as literal characters in Teams markdown; empty for null. */
    public static String forMarkdown(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return escapeMarkup(defangAddresses(text));
    }

    /**
     * {@code text} as a code span of a markdown message, where nothing is markup and no address is linked: fenced
     * with one backtick more than the longest run of backticks in it, and padded with a space where it starts or ends
     * with a backtick. Line breaks become spaces, since a span is one line.
     */
    public static String inCodeSpan(String text) {
        String line = text == null ? "" : text.replace('\r', ' ').replace('\n', ' ');
        int longest = 0;
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            run = line.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
        return fence + pad + line + pad + fence;
    }

    /** Web addresses made unlinkable: {@code ://} becomes {@code [:]//} and each dot {@code [.]}. */
    static String defangAddresses(String text) {
        if (!text.contains("://") && !text.toLowerCase(Locale.ROOT).contains("www.")) {
            return text;
        }
        Matcher address = ADDRESS.matcher(text);
        return address.replaceAll(match ->
                Matcher.quoteReplacement(match.group().replace(".", "[.]").replaceFirst("://", "[:]//")));
    }

    private static String escapeMarkup(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean lineStart = true;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (lineStart && c != ' ' && c != '\t') {
                lineStart = false;
                if (MARKUP_AT_LINE_START.indexOf(c) >= 0) {
                    out.append('\\').append(c);
                    i++;
                    continue;
                }
                int digits = i;
                while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
                    digits++;
                }
                if (digits > i
                        && digits < text.length()
                        && (text.charAt(digits) == '.' || text.charAt(digits) == ')')) {
                    out.append(text, i, digits).append('\\').append(text.charAt(digits));
                    i = digits + 1;
                    continue;
                }
            }
            if (MARKUP_ANYWHERE.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
            if (c == '\n' || c == '\r') {
                lineStart = true;
            }
            i++;
        }
        return out.toString();
    }
}
