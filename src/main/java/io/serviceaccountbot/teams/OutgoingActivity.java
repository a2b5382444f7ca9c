package io.serviceaccountbot.teams;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A message the bot sends to the connector: a reply, a proactive message, or the new content of an updated card.
 *
 * @param type always {@code message}
 * @param id the activity being replaced, for updates
 * @param from the bot
 * @param recipient the user, for personal chats
 * @param conversation the conversation posted into
 * @param replyToId the activity answered, for replies
 * @param text markdown text; absent when the message is a card
 * @param summary what Teams shows in notifications for a card
 * @param textFormat {@code markdown} for text messages
 * @param attachments Adaptive Cards
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OutgoingActivity(
        String type,
        String id,
        Account from,
        Account recipient,
        Conversation conversation,
        String replyToId,
        String text,
        String summary,
        String textFormat,
        List<Attachment> attachments) {

    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    /** The bot's message, addressed within a conversation; {@code replyToId} is set when it answers an activity. */
    static OutgoingActivity of(ConversationReference to, String replyToId, BotMessage message) {
        Account recipient = to.isPersonal() && to.userId() != null
                ? new Account(to.userId(), to.userName(), to.userAadObjectId())
                : null;
        List<Attachment> attachments =
                message.card() == null ? null : List.of(new Attachment(ADAPTIVE_CARD, message.cardContent()));
        return new OutgoingActivity(
                "message",
                null,
                new Account(to.botId(), to.botName(), null),
                recipient,
                new Conversation(to.conversationId()),
                replyToId,
                message.card() == null ? message.text() : null,
                message.card() == null ? null : message.text(),
                message.card() == null ? "markdown" : null,
                attachments);
    }

    /** The same message as the replacement of an earlier activity. */
    OutgoingActivity replacing(String activityId) {
        return new OutgoingActivity(
                type, activityId, from, recipient, conversation, null, text, summary, textFormat, attachments);
    }

    /** A user or bot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Account(String id, String name, String aadObjectId) {}

    /** A conversation by id. */
    record Conversation(String id) {}

    /** A card attached to a message. */
    record Attachment(String contentType, JsonNode content) {}
}
