package io.serviceaccountbot.command;

import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.CodePoints;
import org.quicktheories.generators.Generate;

/**
 * Generators of text as it may arrive from Teams: any, hostile, shuffled, huge, polite, or slightly mistyped.
 *
 * <p>Everything is built from QuickTheories' own generators ({@code pick}, {@code range}, lists, code points), so a
 * failing value shrinks: lists by losing parts anywhere (see {@link #listsOf(Gen, int, int)}), picks towards the first
 * entry, characters towards {@code !}.
 */
final class GeneratedText {

    static final String LETTERS_AND_DIGITS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static final List<String> QUOTES =
            List.of("\"", "\"\"", "\"\"\"", "\u201C", "\u201D", "\u201E", "\u201F", "\u2033", "'", "\u2019");
    private static final List<String> SPACES_AND_CONTROLS =
            List.of("\u00A0", "\t", "\n", "\r\n", "\u0000", "\u0007", "\u001B[2K", "\u007F");
    private static final List<String> INVISIBLE_MARKS =
            List.of("\u200B", "\u200E", "\u200F", "\u202E", "\u2066", "\uFEFF");
    private static final List<String> SCRIPTS_AND_EMOJI = List.of(
            "\uD800",
            "\uDFFF",
            "\uD83D\uDE00",
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "\u05E9\u05DC\u05D5\u05DD",
            "\u0645\u0631\u062D\u0628\u0627",
            "\u0130",
            "\u00DF",
            "\uFB00");
    private static final List<String> PUNCTUATION = List.of("?", "!", ".", ",", ":", "-", "@", "{", "}", "_", ",,,");
    private static final List<String> COMMAND_WORDS = List.of(
            "please",
            "thanks",
            "because",
            "plan",
            "R-7K2Q",
            "r-",
            "svc-sync",
            "svc-sync@contoso.com",
            "@contoso.com",
            "6f1c9a5e-2b7d-4c1e-9a3f-8d2e4b6c0a71",
            "roles",
            "via group",
            "in role group",
            "named",
            "license",
            "E1",
            "US");

    /** Fragments that have broken parsers before: quotes, controls, bidi marks, lone surrogates, keywords. */
    static final List<String> HOSTILE_FRAGMENTS = Stream.of(
                    QUOTES, SPACES_AND_CONTROLS, INVISIBLE_MARKS, SCRIPTS_AND_EMOJI, PUNCTUATION, COMMAND_WORDS)
            .flatMap(List::stream)
            .toList();

    /** Percent of a list's optional slots left empty; see {@link #listsOf(Gen, int, int)}. */
    private static final int EMPTY_SLOTS_PERCENT = 10;

    /** Longer values are shown cut in the middle when a property fails. */
    private static final int SHOWN_LENGTH = 300;

    private GeneratedText() {}

    /**
     * Any string of up to 255 code points: mostly UTF-16 units anywhere in the Basic Multilingual Plane (lone
     * surrogates included), then code points of every plane (emoji, private use), then ASCII with its controls.
     */
    static Gen<String> any() {
        return shown(anyCharacters(0, 255));
    }

    /** Fragments, random characters and runs of C0 controls, glued together without spaces. */
    static Gen<String> hostile() {
        Gen<String> controls = strings().betweenCodePoints(0x0000, 0x001F).ofLengthBetween(0, 10);
        Gen<String> part = Generate.frequency(
                Pair.of(1, Generate.pick(HOSTILE_FRAGMENTS)), Pair.of(1, anyCharacters(0, 30)), Pair.of(1, controls));
        return shown(listsOf(part, 0, 40).map(parts -> String.join("", parts)));
    }

    /** Keywords of the language and hostile fragments, shuffled into space-separated "sentences". */
    static Gen<String> keywordSoup(int minWords, int maxWords) {
        return shown(listsOf(words(), minWords, maxWords).map(words -> String.join(" ", words)));
    }

    /** About 100,000 characters: one keyword or fragment, repeated. */
    static Gen<String> huge() {
        return shown(words().map(fragment -> (fragment + " ").repeat(100_000 / (fragment.length() + 1) + 1)));
    }

    /** Free text made of keywords, quotes, punctuation and odd characters, canonicalised and not blank. */
    static Gen<String> freeText() {
        Gen<String> part = Generate.frequency(
                Pair.of(1, Generate.pick(vocabulary())),
                Pair.of(1, Generate.pick(HOSTILE_FRAGMENTS)),
                Pair.of(1, anyCharacters(0, 12)));
        return listsOf(part, 1, 12)
                .map(parts -> InputText.normalise(String.join(" ", parts)))
                .assuming(text -> !text.isEmpty());
    }

    /** A command keyword with one slip of the keyboard. */
    static Gen<String> keywordSlips() {
        Gen<String> keywords = Generate.pick(CommandCatalog.standard().specs()).map(CommandSpec::keyword);
        return shown(keywords.zip(
                Generate.range(0, 3), Generate.range(0, 100), Generate.characters('a', 'z'), GeneratedText::slip));
    }

    /** Strings of {@code minLength} to {@code maxLength} characters, each drawn from {@code alphabet}. */
    static Gen<String> stringsOf(String alphabet, int minLength, int maxLength) {
        List<Character> characters =
                alphabet.chars().mapToObj(c -> Character.valueOf((char) c)).toList();
        return listsOf(Generate.pick(characters), minLength, maxLength).map(GeneratedText::join);
    }

    /**
     * Lists of {@code minSize} to {@code maxSize} elements that shrink by losing elements anywhere, not only at the end.
     * QuickTheories shrinks a list's size by cutting its tail, which keeps everything before the culprit; here each slot
     * beyond the first {@code minSize} is an optional that is left empty one time in ten, and optionals shrink towards
     * empty.
     */
    static <T> Gen<List<T>> listsOf(Gen<T> element, int minSize, int maxSize) {
        Gen<List<T>> required = lists().of(element).ofSize(minSize);
        Gen<List<T>> optional = lists().of(element.toOptionals(EMPTY_SLOTS_PERCENT))
                .ofSizeBetween(0, maxSize - minSize)
                .map(slots -> slots.stream().flatMap(Optional::stream).toList());
        return required.zip(
                optional,
                (first, rest) -> Stream.concat(first.stream(), rest.stream()).toList());
    }

    /** Every keyword of the language, plus the words of every catalog example. */
    static List<String> vocabulary() {
        CommandCatalog catalog = CommandCatalog.standard();
        List<String> words = new ArrayList<>(catalog.reservedWords());
        catalog.specs().forEach(spec -> spec.examples().forEach(example -> words.addAll(List.of(example.split(" ")))));
        return words;
    }

    /** Text as a Teams client may send it: smart quotes, and non-breaking spaces between words. */
    static String asTeamsMightSendIt(String text) {
        StringBuilder out = new StringBuilder();
        boolean opening = true;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                out.append(opening ? '\u201C' : '\u201D');
                opening = !opening;
            } else {
                out.append(c == ' ' ? '\u00A0' : c);
            }
        }
        return out.toString();
    }

    /** Pads or cuts {@code text} to a length between {@code min} and {@code max}. */
    static String fitBetween(String text, int min, int max) {
        String padded = text.length() < min ? text + " " + "x".repeat(min - text.length()) : text;
        return padded.length() > max ? padded.substring(0, max) : padded;
    }

    /**
     * {@code text} as a Java string literal a reader can trust: controls, invisible marks, odd spaces, private-use
     * characters and lone surrogates as Unicode escapes, cut in the middle when long, and followed by its length.
     */
    static String describe(String text) {
        if (text == null) {
            return "null";
        }
        String shown = text.length() <= SHOWN_LENGTH
                ? escape(text)
                : escape(text.substring(0, SHOWN_LENGTH - 60)) + "\u2026" + escape(text.substring(text.length() - 60));
        return '"' + shown + "\" (" + text.length() + " chars)";
    }

    /** Keywords of the language or hostile fragments, half and half. */
    private static Gen<String> words() {
        return Generate.frequency(
                Pair.of(1, Generate.pick(vocabulary())), Pair.of(1, Generate.pick(HOSTILE_FRAGMENTS)));
    }

    /** Up to {@code maxCodePoints} code points, as {@link #any()} describes them. */
    private static Gen<String> anyCharacters(int minCodePoints, int maxCodePoints) {
        Gen<Integer> codePoint = Generate.frequency(
                Pair.of(5, CodePoints.codePoints(Character.MIN_VALUE, Character.MAX_VALUE)),
                Pair.of(3, CodePoints.codePoints(Character.MIN_CODE_POINT, Character.MAX_CODE_POINT)),
                Pair.of(2, CodePoints.codePoints(0x0000, 0x007F)));
        return listsOf(codePoint, minCodePoints, maxCodePoints).map(codePoints -> {
            StringBuilder text = new StringBuilder();
            codePoints.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    /** Reports falsifying strings through {@link #describe(String)}. */
    private static Gen<String> shown(Gen<String> text) {
        return text.describedAs(GeneratedText::describe);
    }

    private static String join(List<Character> characters) {
        StringBuilder text = new StringBuilder(characters.size());
        characters.forEach(text::append);
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c)
                    || (Character.isSpaceChar(c) && c != ' ')
                    || type == Character.FORMAT
                    || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED) {
                for (char unit : Character.toChars(c)) {
                    out.append(String.format("\\u%04X", (int) unit));
                }
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** A letter dropped, added, changed, or two neighbouring letters swapped. */
    private static String slip(String keyword, int kind, int where, char letter) {
        int at = where % keyword.length();
        return switch (kind) {
            case 0 -> keyword.substring(0, at) + keyword.substring(at + 1);
            case 1 -> keyword.substring(0, at) + letter + keyword.substring(at);
            case 2 -> keyword.substring(0, at) + letter + keyword.substring(at + 1);
            default ->
                at + 1 < keyword.length()
                        ? keyword.substring(0, at)
                                + keyword.charAt(at + 1)
                                + keyword.charAt(at)
                                + keyword.substring(at + 2)
                        : keyword;
        };
    }
}
