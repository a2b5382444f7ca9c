package io.serviceaccountbot.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the command an unknown message most resembles, by edit distance between its first words and each command's
 * keyword.
 *
 * <p>The message's first n-1, n and n+1 words are compared with an n-word keyword, so a missing or extra space still
 * matches. A keyword is close enough when at most a quarter of its letters (and at least one) differ; the closest
 * wins, and ties go to the command listed first. Failing that, a message whose first word is a command's first word
 * ("grant foo") is pointed at that command. Gibberish gets no suggestion.
 */
final class DidYouMean {

    private DidYouMean() {}

    static Optional<CommandSpec> nearest(String text, List<CommandSpec> specs) {
        String[] words = text.toLowerCase(Locale.ROOT).trim().split(" +", 8);
        CommandSpec best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (CommandSpec spec : specs) {
            String keyword = spec.keyword();
            int keywordWords = keyword.split(" ").length;
            int threshold = Math.max(1, keyword.length() / 4);
            for (int n = Math.max(1, keywordWords - 1); n <= Math.min(words.length, keywordWords + 1); n++) {
                String start = String.join(" ", Arrays.copyOf(words, n));
                if (Math.abs(start.length() - keyword.length()) > threshold) {
                    continue;
                }
                int distance = EditDistance.between(start, keyword);
                if (distance <= threshold && distance < bestDistance) {
                    best = spec;
                    bestDistance = distance;
                }
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        return specs.stream()
                .filter(spec -> spec.keyword().split(" ")[0].equals(words[0]))
                .findFirst();
    }
}
