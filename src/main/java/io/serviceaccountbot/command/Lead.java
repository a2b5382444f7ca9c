package io.serviceaccountbot.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A phrasing that introduces a command or a clause, written as a small pattern over words.
 *
 * <p>Pattern elements are separated by spaces: {@code word} or {@code a|b} must be there, {@code [a|b]} may be there,
 * {@code _} captures a value of one or more tokens (as few as possible), and {@code #} captures exactly one token. For example {@code "create [a|an] [new]
 * service account [called]"} or {@code "give _ impersonation [rights]"}. Only unquoted tokens match words. The weight
 * of a match is the number of required words it matched; the composite parser prefers the heaviest match.
 */
final class Lead {

    private final String pattern;
    private final List<Element> elements;

    private Lead(String pattern, List<Element> elements) {
        this.pattern = pattern;
        this.elements = elements;
    }

    static Lead of(String pattern) {
        List<Element> elements = new ArrayList<>();
        for (String part : pattern.trim().split(" +")) {
            elements.add(Element.parse(part));
        }
        return new Lead(pattern, List.copyOf(elements));
    }

    static List<Lead> all(String... patterns) {
        return Arrays.stream(patterns).map(Lead::of).toList();
    }

    /** The heaviest match among {@code leads}; on a tie, the lead listed first. */
    static Optional<Match> best(List<Lead> leads, Phrase phrase) {
        Match best = null;
        for (int i = 0; i < leads.size(); i++) {
            Optional<Match> match = leads.get(i).match(phrase);
            if (match.isPresent() && (best == null || match.get().weight() > best.weight())) {
                best = match.get().from(i);
            }
        }
        return Optional.ofNullable(best);
    }

    Optional<Match> match(Phrase phrase) {
        return matchFrom(0, phrase, 0, List.of());
    }

    /** The first word of the last element, e.g. "day" of {@code for # day|days}. */
    String lastWord() {
        String[] parts = pattern.trim().split(" +");
        String last = parts[parts.length - 1];
        String body = last.startsWith("[") && last.endsWith("]") ? last.substring(1, last.length() - 1) : last;
        return body.split("\\|")[0].toLowerCase(Locale.ROOT);
    }

    /** Every word this lead can match, so that the renderer knows which values to quote. */
    Set<String> words() {
        Set<String> words = new LinkedHashSet<>();
        elements.forEach(element -> words.addAll(element.words()));
        return words;
    }

    private Optional<Match> matchFrom(int element, Phrase phrase, int weight, List<String> slots) {
        if (element == elements.size()) {
            return Optional.of(new Match(weight, slots, phrase, 0));
        }
        Element current = elements.get(element);
        if (current.slot()) {
            int last = current.single() ? Math.min(phrase.index() + 1, phrase.size()) : phrase.size();
            for (int end = phrase.index() + 1; end <= last; end++) {
                List<String> captured = new ArrayList<>(slots);
                captured.add(phrase.valueBetween(phrase.index(), end));
                Optional<Match> match = matchFrom(element + 1, phrase.at(end), weight, List.copyOf(captured));
                if (match.isPresent()) {
                    return match;
                }
            }
            return Optional.empty();
        }
        if (current.words().contains(phrase.word())) {
            int gained = current.optional() ? 0 : 1;
            Optional<Match> match = matchFrom(element + 1, phrase.next(), weight + gained, slots);
            if (match.isPresent() || !current.optional()) {
                return match;
            }
        }
        return current.optional() ? matchFrom(element + 1, phrase, weight, slots) : Optional.empty();
    }

    @Override
    public String toString() {
        return pattern;
    }

    /**
     * A successful match.
     *
     * @param weight how many required words matched
     * @param slots the values captured by {@code _}, in order
     * @param rest the phrase after the match
     * @param lead the position of the matching lead in the list given to {@link #best}
     */
    record Match(int weight, List<String> slots, Phrase rest, int lead) {

        Match from(int leadIndex) {
            return new Match(weight, slots, rest, leadIndex);
        }
    }

    private record Element(Set<String> words, boolean optional, boolean slot, boolean single) {

        static Element parse(String part) {
            if (part.equals("_")) {
                return new Element(Set.of(), false, true, false);
            }
            if (part.equals("#")) {
                return new Element(Set.of(), false, true, true);
            }
            boolean optional = part.startsWith("[") && part.endsWith("]");
            String body = optional ? part.substring(1, part.length() - 1) : part;
            Set<String> words = new LinkedHashSet<>();
            for (String word : body.split("\\|")) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
            return new Element(Set.copyOf(words), optional, false, false);
        }
    }
}
