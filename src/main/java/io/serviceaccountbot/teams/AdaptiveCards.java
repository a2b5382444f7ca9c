package io.serviceaccountbot.teams;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Building blocks of Adaptive Cards 1.5, built as JSON objects so that any text, quotes included, is escaped by the
 * serializer and never by string replacement.
 */
public final class AdaptiveCards {

    static final String VERSION = "1.5";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AdaptiveCards() {}

    public static ObjectNode card(ArrayNode body) {
        ObjectNode card = NODES.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", VERSION);
        card.set("body", body);
        return card;
    }

    public static ArrayNode body() {
        return NODES.arrayNode();
    }

    public static ObjectNode heading(String text) {
        return text(text).put("size", "Medium").put("weight", "Bolder").put("style", "heading");
    }

    public static ObjectNode text(String text) {
        ObjectNode block = NODES.objectNode();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        return block;
    }

    public static ObjectNode subtle(String text) {
        return text(text).put("isSubtle", true).put("spacing", "None");
    }

    public static ObjectNode monospace(String text) {
        return text(text).put("fontType", "Monospace");
    }

    public static ObjectNode factSet() {
        ObjectNode facts = NODES.objectNode();
        facts.put("type", "FactSet");
        facts.putArray("facts");
        return facts;
    }

    public static void fact(ObjectNode factSet, String title, String value) {
        ObjectNode fact = ((ArrayNode) factSet.get("facts")).addObject();
        fact.put("title", title);
        fact.put("value", value);
    }

    public static ObjectNode container(ObjectNode... items) {
        ObjectNode container = NODES.objectNode();
        container.put("type", "Container");
        container.put("spacing", "Medium");
        ArrayNode array = container.putArray("items");
        for (ObjectNode item : items) {
            array.add(item);
        }
        return container;
    }

    /** An empty object, e.g. for the data of an action. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * An {@code Action.Execute} (Universal Actions, 1.4 and later): Teams sends it to the bot as an {@code
     * adaptiveCard/action} invoke with the verb, the data and the values of the card's inputs.
     */
    public static ObjectNode execute(String title, String verb, ObjectNode data) {
        ObjectNode action = NODES.objectNode();
        action.put("type", "Action.Execute");
        action.put("title", title);
        action.put("verb", verb);
        action.set("data", data);
        return action;
    }

    /** A text input; its value arrives in the action's data under {@code id}. */
    public static ObjectNode textInput(String id, String label, String placeholder, int maxLength) {
        ObjectNode input = NODES.objectNode();
        input.put("type", "Input.Text");
        input.put("id", id);
        input.put("label", label);
        input.put("placeholder", placeholder);
        input.put("maxLength", maxLength);
        input.put("isMultiline", true);
        return input;
    }

    /** Sets the card's buttons. */
    public static void actions(ObjectNode card, ObjectNode... actions) {
        ArrayNode array = card.putArray("actions");
        for (ObjectNode action : actions) {
            array.add(action);
        }
    }

    /**
     * Asks Teams to fetch a personal view of the card with {@code action} whenever one of {@code userIds} (Teams user
     * ids, at most 60) looks at it; everyone else sees the card as posted.
     */
    public static void refresh(ObjectNode card, ObjectNode action, List<String> userIds) {
        ObjectNode refresh = card.putObject("refresh");
        refresh.set("action", action);
        ArrayNode ids = refresh.putArray("userIds");
        userIds.forEach(ids::add);
    }
}
