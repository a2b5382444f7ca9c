package io.serviceaccountbot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One word or one quoted value of normalised input, with where it sits in the text.
 *
 * @param text the word, or the content of a quoted value with doubled quotes undone
 * @param quoted whether it was written in quotes; a quoted token is always a value, never a keyword
 * @param start index of its first character (the opening quote, if quoted)
 * @param end index just after its last character
 */
record Token(String text, boolean quoted, int start, int end) {

    /** The keyword this token could be, lower-cased; quoted tokens are never keywords. */
    String word() {
        return quoted ? "" : text.toLowerCase(Locale.ROOT);
    }

    /**
     * Splits normalised text into words and quoted values. A quote opens a value only at the start of a word; inside a
     * value a doubled quote stands for one quote; a value with no closing quote runs to the end.
     */
    static List<Token> split(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
            } else if (text.charAt(i) == '"') {
                i = readQuoted(text, i, tokens);
            } else {
                int start = i;
                while (i < text.length() && text.charAt(i) != ' ') {
                    i++;
                }
                tokens.add(new Token(text.substring(start, i), false, start, i));
            }
        }
        return tokens;
    }

    private static int readQuoted(String text, int start, List<Token> tokens) {
        StringBuilder content = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                content.append('"');
                i += 2;
            } else if (c == '"') {
                i++;
                break;
            } else {
                content.append(c);
                i++;
            }
        }
        tokens.add(new Token(content.toString(), true, start, i));
        return i;
    }
}
