package io.serviceaccountbot.teams;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the bot says: markdown text, or an Adaptive Card with a text summary that Teams shows in notifications.
 *
 * @param text markdown text, or the card's summary
 * @param card an Adaptive Card, or null for a text message
 */
record BotMessage(String text, ObjectNode card) {

    static BotMessage text(String text) {
        return new BotMessage(text, null);
    }

    static BotMessage card(String summary, ObjectNode card) {
        return new BotMessage(summary, card);
    }
}
