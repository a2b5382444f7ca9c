package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.RequestId;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The {@code value.action} of an {@code adaptiveCard/action} invoke: its verb, and its data merged with the card's
 * input values. Everything in it came from the client, so it is read as untrusted text and checked like typed input.
 *
 * @param verb the action's verb, or empty
 * @param data the action's data and the inputs' values
 */
record CardAction(String verb, JsonNode data) {

    static CardAction of(JsonNode value) {
        JsonNode action = value == null ? MissingNode.getInstance() : value.path("action");
        JsonNode verb = action.path("verb");
        return new CardAction(verb.isString() ? verb.asString() : "", action.path("data"));
    }

    /** The request number the card shows, if it is one. */
    Optional<RequestId> requestNumber() {
        return input(ApprovalCards.REQUEST).flatMap(text -> {
            try {
                return Optional.of(RequestId.of(text));
            } catch (IllegalArgumentException notARequestNumber) {
                return Optional.empty();
            }
        });
    }

    /** The card version the card shows, as a number (clients may send it as text). */
    Optional<Integer> cardVersion() {
        JsonNode version = data.path(ApprovalCards.CARD_VERSION);
        if (version.isIntegralNumber() && version.canConvertToInt()) {
            return Optional.of(version.asInt());
        }
        if (version.isString() && version.asString().matches("\\d{1,9}")) {
            return Optional.of(Integer.parseInt(version.asString()));
        }
        return Optional.empty();
    }

    /** A text value of the data or the inputs, stripped; empty when absent or blank. */
    Optional<String> input(String name) {
        JsonNode field = data.path(name);
        if (!field.isString()) {
            return Optional.empty();
        }
        String text = field.asString().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
