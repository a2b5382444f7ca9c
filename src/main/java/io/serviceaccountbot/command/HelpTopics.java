package io.serviceaccountbot.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which commands "help &lt;topic&gt;" is about. Tried in order, the first that finds something wins:
 *
 * <ol>
 *   <li>keywords that start with the topic: "help reject" gives reject, "help audit" gives audit and audit verify,
 *       "help grant" gives grant impersonation and grant app access;
 *   <li>commands whose phrasing the topic starts ("help check" gives verify);
 *   <li>keywords that share a word with the topic ("help impersonation" gives grant and revoke);
 *   <li>the nearest keyword, for typos ("help aprove").
 * </ol>
 */
final class HelpTopics {

    private HelpTopics() {}

    static List<CommandSpec> lookup(String topic, List<Grammar<?>> grammars) {
        List<CommandSpec> specs = grammars.stream().map(Grammar::spec).toList();
        String wanted = InputText.normalise(topic).toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return specs;
        }
        List<CommandSpec> prefixed = specs.stream()
                .filter(spec -> (spec.keyword() + " ").startsWith(wanted + " "))
                .toList();
        if (!prefixed.isEmpty()) {
            return prefixed;
        }
        List<CommandSpec> phrased = byPhrasing(wanted, grammars);
        if (!phrased.isEmpty()) {
            return phrased;
        }
        Set<String> topicWords = Arrays.stream(wanted.split(" "))
                .filter(word -> word.length() > 2)
                .collect(Collectors.toSet());
        List<CommandSpec> sharing = specs.stream()
                .filter(spec -> Arrays.stream(spec.keyword().split(" ")).anyMatch(topicWords::contains))
                .toList();
        if (!sharing.isEmpty()) {
            return sharing;
        }
        return DidYouMean.nearest(wanted, specs).map(List::of).orElse(List.of());
    }

    private static List<CommandSpec> byPhrasing(String topic, List<Grammar<?>> grammars) {
        Phrase phrase = Phrase.of(topic);
        int best = grammars.stream()
                .map(grammar -> Lead.best(grammar.leads(), phrase))
                .flatMap(Optional::stream)
                .mapToInt(Lead.Match::weight)
                .max()
                .orElse(0);
        if (best == 0) {
            return List.of();
        }
        return grammars.stream()
                .filter(grammar -> Lead.best(grammar.leads(), phrase)
                        .filter(match -> match.weight() == best)
                        .isPresent())
                .map(Grammar::spec)
                .toList();
    }
}
