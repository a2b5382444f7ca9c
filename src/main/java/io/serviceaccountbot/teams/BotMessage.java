package io.serviceaccountbot.teams;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * What the bot says: markdown text, or an Adaptive Card with a summary that Teams shows in notifications. A card is
 * serialized once, so a message that is sent often (the help card) costs no JSON work per send; treat the card as
 * immutable once it is in a message.
 */
public final class BotMessage {

    private final String text;
    private final ObjectNode card;
    private final AfterDelivery afterDelivery;
    private volatile JsonNode serializedCard;

    private BotMessage(String text, ObjectNode card, AfterDelivery afterDelivery) {
        this.text = Objects.requireNonNull(text, "text");
        this.card = card;
        this.afterDelivery = afterDelivery;
    }

    public static BotMessage text(String text) {
        return new BotMessage(text, null, null);
    }

    public static BotMessage card(String summary, ObjectNode card) {
        return new BotMessage(summary, Objects.requireNonNull(card, "card"), null);
    }

    /** The same message, with something to do once it has been sent (e.g. record where a card was posted). */
    public BotMessage afterDelivery(AfterDelivery then) {
        return new BotMessage(text, card, Objects.requireNonNull(then, "then"));
    }

    /** What to do once the message has been sent, or null. */
    public AfterDelivery afterDelivery() {
        return afterDelivery;
    }

    /** Markdown text, or the card's summary. */
    public String text() {
        return text;
    }

    /** The Adaptive Card, or null for a text message. */
    public ObjectNode card() {
        return card;
    }

    /** The card as JSON written verbatim into the outgoing activity. */
    public JsonNode cardContent() {
        JsonNode content = serializedCard;
        if (content == null && card != null) {
            content = JsonNodeFactory.instance.rawValueNode(new RawValue(card.toString()));
            serializedCard = content;
        }
        return content;
    }

    /** Follow-up work once a message is in the conversation. */
    @FunctionalInterface
    public interface AfterDelivery {

        /**
         * Called with where the message went and the activity id the connector gave it: empty when it gave none, null
         * when the message could not be delivered.
         */
        void delivered(ConversationReference where, String activityId);
    }

    @Override
    public String toString() {
        return card == null ? "BotMessage[text]" : "BotMessage[card: " + text + "]";
    }
}
