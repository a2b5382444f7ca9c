package io.serviceaccountbot.chat;

import java.util.Locale;
import java.util.Optional;

/**
 * A text input of a card and the most characters it takes. The card states the limit ({@code maxLength}) and the
 * server enforces the same one, because an invoke can be forged: a 1.5 MB comment would otherwise be recorded and
 * copied into every card update, which Teams rejects for its size.
 *
 * @param id the input's id, under which its value arrives in the action's data
 * @param what what the value is, in words, e.g. "comment"
 * @param maxLength the most characters (UTF-16 units, as the card counts them) the input takes
 */
record CardInputLimit(String id, String what, int maxLength) {

    /** The answer when {@code action} carries a longer value than this input takes. */
    Optional<String> refusal(CardAction action) {
        return action.input(id)
                .filter(value -> value.length() > maxLength)
                .map(value -> String.format(
                        Locale.ROOT,
                        "The %s may have at most %,d characters; yours has %,d. Nothing changed.",
                        what,
                        maxLength,
                        value.length()));
    }
}
