package io.serviceaccountbot.teams;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Building blocks of Adaptive Cards 1.5, built as JSON objects so that any text, quotes included, is escaped by the
 * serializer and never by string replacement.
 */
final class AdaptiveCards {

    static final String VERSION = "1.5";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AdaptiveCards() {}

    static ObjectNode card(ArrayNode body) {
        ObjectNode card = NODES.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", VERSION);
        card.set("body", body);
        return card;
    }

    static ArrayNode body() {
        return NODES.arrayNode();
    }

    static ObjectNode heading(String text) {
        return text(text).put("size", "Medium").put("weight", "Bolder").put("style", "heading");
    }

    static ObjectNode text(String text) {
        ObjectNode block = NODES.objectNode();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        return block;
    }

    static ObjectNode subtle(String text) {
        return text(text).put("isSubtle", true).put("spacing", "None");
    }

    static ObjectNode monospace(String text) {
        return text(text).put("fontType", "Monospace");
    }

    static ObjectNode factSet() {
        ObjectNode facts = NODES.objectNode();
        facts.put("type", "FactSet");
        facts.putArray("facts");
        return facts;
    }

    static void fact(ObjectNode factSet, String title, String value) {
        ObjectNode fact = ((ArrayNode) factSet.get("facts")).addObject();
        fact.put("title", title);
        fact.put("value", value);
    }

    static ObjectNode container(ObjectNode... items) {
        ObjectNode container = NODES.objectNode();
        container.put("type", "Container");
        container.put("spacing", "Medium");
        ArrayNode array = container.putArray("items");
        for (ObjectNode item : items) {
            array.add(item);
        }
        return container;
    }
}
