package io.serviceaccountbot.command;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Normalised input split into tokens, read from a cursor. Immutable: moving on gives a new phrase.
 *
 * <p>Values are read as the raw text between two positions, so a justification keeps its own quotes and commas. A
 * value written as exactly one quoted token is unquoted.
 */
final class Phrase {

    private final String text;
    private final List<Token> tokens;
    private final int at;

    private Phrase(String text, List<Token> tokens, int at) {
        this.text = text;
        this.tokens = tokens;
        this.at = at;
    }

    static Phrase of(String normalisedText) {
        return new Phrase(normalisedText, List.copyOf(Token.split(normalisedText)), 0);
    }

    boolean atEnd() {
        return at >= tokens.size();
    }

    int index() {
        return at;
    }

    int size() {
        return tokens.size();
    }

    /** The same tokens, read from another position. */
    Phrase at(int index) {
        return new Phrase(text, tokens, Math.min(index, tokens.size()));
    }

    Phrase next() {
        return at(at + 1);
    }

    /** The keyword under the cursor, or empty at the end or on a quoted value. */
    String word() {
        return atEnd() ? "" : tokens.get(at).word();
    }

    /** Moves past any unquoted tokens that are in {@code fillers}. */
    Phrase skip(Set<String> fillers) {
        Phrase phrase = this;
        while (!phrase.atEnd() && fillers.contains(phrase.word())) {
            phrase = phrase.next();
        }
        return phrase;
    }

    /** Everything from the cursor to the end, as typed; empty at the end. */
    String rest() {
        return atEnd() ? "" : text.substring(tokens.get(at).start());
    }

    /** Everything from the cursor to the end as one value: unquoted if it is exactly one quoted token. */
    String restValue() {
        return valueBetween(at, tokens.size());
    }

    /** The value made of the tokens from {@code from} (inclusive) to {@code to} (exclusive). */
    String valueBetween(int from, int to) {
        if (from >= to) {
            return "";
        }
        if (to - from == 1 && tokens.get(from).quoted()) {
            return tokens.get(from).text();
        }
        return text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    /**
     * Reads a value up to the first place where one of {@code stops} begins, or to the end. An unquoted value loses
     * the comma people type after it ("svc-sync, license E1"); a quoted one is kept as written.
     */
    Slice until(List<Lead> stops) {
        for (int i = at; i < tokens.size(); i++) {
            Phrase candidate = at(i);
            if (stops.stream().anyMatch(stop -> stop.match(candidate).isPresent())) {
                return new Slice(argumentBetween(at, i), candidate);
            }
        }
        return new Slice(argumentBetween(at, tokens.size()), at(tokens.size()));
    }

    /** Like {@link #valueBetween}, without a trailing comma unless the value was quoted. */
    String argumentBetween(int from, int to) {
        String value = valueBetween(from, to);
        boolean quoted = to - from == 1 && tokens.get(from).quoted();
        return quoted ? value : stripTrailing(value, ",");
    }

    /** Reads the single token under the cursor as a value, without the trailing punctuation people type after it. */
    Optional<Slice> token() {
        if (atEnd()) {
            return Optional.empty();
        }
        Token token = tokens.get(at);
        String value = token.quoted() ? token.text() : stripTrailing(token.text(), ",:;");
        return Optional.of(new Slice(value, next()));
    }

    static String stripTrailing(String value, String marks) {
        int end = value.length();
        while (end > 0 && marks.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(0, end);
    }

    @Override
    public String toString() {
        return rest();
    }

    /** A value read from a phrase, and the phrase after it. */
    record Slice(String value, Phrase rest) {

        boolean isBlank() {
            return value.isBlank();
        }
    }
}
