package io.serviceaccountbot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of text as it may arrive from Teams: hostile, shuffled, huge, polite, or slightly mistyped. */
final class GeneratedText {

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

    private GeneratedText() {}

    static Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                        Arbitraries.of(HOSTILE_FRAGMENTS),
                        Arbitraries.strings().all().ofMaxLength(30),
                        Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMaxLength(10))
                .list()
                .ofMaxSize(40)
                .map(parts -> String.join("", parts));
    }

    /** Keywords of the language and hostile fragments, shuffled into space-separated "sentences". */
    static Arbitrary<String> keywordSoup(int minWords, int maxWords) {
        return Arbitraries.oneOf(Arbitraries.of(vocabulary()), Arbitraries.of(HOSTILE_FRAGMENTS))
                .list()
                .ofMinSize(minWords)
                .ofMaxSize(maxWords)
                .map(words -> String.join(" ", words));
    }

    /** About 100,000 characters: one fragment, repeated. */
    static Arbitrary<String> huge() {
        return Arbitraries.oneOf(Arbitraries.of(vocabulary()), Arbitraries.of(HOSTILE_FRAGMENTS))
                .map(fragment -> (fragment + " ").repeat(100_000 / (fragment.length() + 1) + 1));
    }

    /** Free text made of keywords, quotes, punctuation and odd characters, canonicalised and not blank. */
    static Arbitrary<String> freeText() {
        return Arbitraries.oneOf(
                        Arbitraries.of(vocabulary()),
                        Arbitraries.of(HOSTILE_FRAGMENTS),
                        Arbitraries.strings().all().ofMaxLength(12))
                .list()
                .ofMinSize(1)
                .ofMaxSize(12)
                .map(parts -> InputText.normalise(String.join(" ", parts)))
                .filter(text -> !text.isEmpty());
    }

    /** A command keyword with one slip of the keyboard. */
    static Arbitrary<String> keywordSlips() {
        return Combinators.combine(
                        Arbitraries.of(CommandCatalog.standard().specs()).map(CommandSpec::keyword),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 100),
                        Arbitraries.chars().range('a', 'z'))
                .as(GeneratedText::slip);
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
