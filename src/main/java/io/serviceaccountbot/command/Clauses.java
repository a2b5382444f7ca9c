package io.serviceaccountbot.command;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The optional clauses that may follow a command's main argument, such as {@code named "Sync"} or {@code license E1},
 * in any order and each at most once. A clause's value runs to the next clause; a rest-of-line clause (such as {@code
 * because ...}) takes everything after it. "with", "and" and lone commas between clauses are ignored.
 */
final class Clauses {

    static final Clauses NONE = new Clauses(List.of());

    /** The justification suffix of privileged commands. */
    static final Clause BECAUSE = Clause.restOfLine("because", "a justification after 'because'", "because");

    static final Set<String> CONNECTORS = Set.of("with", "and", ",", "&");

    private final List<Clause> clauses;

    private Clauses(List<Clause> clauses) {
        this.clauses = clauses;
    }

    static Clauses of(Clause... clauses) {
        return new Clauses(List.of(clauses));
    }

    /** Where a value before the clauses ends. */
    List<Lead> stops() {
        return clauses.stream().flatMap(clause -> clause.leads().stream()).toList();
    }

    Set<String> words() {
        Set<String> words = new LinkedHashSet<>(CONNECTORS);
        stops().forEach(lead -> words.addAll(lead.words()));
        return words;
    }

    /** Reads clauses up to the end of the phrase; the values are raw text, keyed by clause name. */
    Map<String, String> read(Phrase phrase, Grammar<?> grammar) {
        Map<String, String> values = new HashMap<>();
        Phrase rest = phrase;
        while (!(rest = rest.skip(CONNECTORS)).atEnd()) {
            Phrase here = rest;
            Optional<Found> found = clauses.stream()
                    .flatMap(clause -> Lead.best(clause.leads(), here).map(match -> new Found(clause, match)).stream())
                    .findFirst();
            if (found.isEmpty() || values.containsKey(found.get().clause().name())) {
                throw grammar.unexpected(rest);
            }
            Clause clause = found.get().clause();
            Phrase afterKeyword = found.get().match().rest();
            String value;
            if (clause.restOfLine()) {
                value = afterKeyword.restValue();
                rest = afterKeyword.at(afterKeyword.size());
            } else if (clause.slotted()) {
                value = String.join(" ", found.get().match().slots()) + " "
                        + clause.leads().get(found.get().match().lead()).lastWord();
                rest = afterKeyword;
            } else {
                Phrase.Slice slice = afterKeyword.until(stops());
                value = slice.value();
                rest = slice.rest();
            }
            if (value.isBlank()) {
                throw grammar.missing(clause.missing());
            }
            values.put(clause.name(), value);
        }
        return values;
    }

    private record Found(Clause clause, Lead.Match match) {}

    /**
     * One clause.
     *
     * @param name the key of its value in {@link #read}'s result
     * @param missing what to say is missing when the keyword has no value, e.g. "a licence after 'license'"
     * @param leads the phrasings that introduce it
     * @param restOfLine whether its value is everything after it
     * @param slotted whether its value is inside it: what its lead's slot captured, then the first word of the lead's
     *     last element, e.g. "2 day" for {@code for 2 days} read by {@code for # day|days}
     */
    record Clause(String name, String missing, List<Lead> leads, boolean restOfLine, boolean slotted) {

        static Clause of(String name, String missing, String... patterns) {
            return new Clause(name, missing, Lead.all(patterns), false, false);
        }

        static Clause restOfLine(String name, String missing, String... patterns) {
            return new Clause(
                    name, missing, Arrays.stream(patterns).map(Lead::of).toList(), true, false);
        }

        /** A clause whose leads each capture its value, e.g. {@code for # day|days}. */
        static Clause slotted(String name, String missing, String... patterns) {
            return new Clause(name, missing, Lead.all(patterns), false, true);
        }
    }
}
