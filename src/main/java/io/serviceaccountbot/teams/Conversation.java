package io.serviceaccountbot.teams;

import org.springframework.http.ResponseEntity;

/**
 * What the bot says, behind the Bot Connector protocol. The protocol's side ({@code ActivityRouter}) has authenticated
 * the activity, checked its tenant, remembered the conversation, dropped a redelivery and queued the turn; the chat
 * layer implements this to answer it.
 */
public interface Conversation {

    /** The answer to anything from a tenant the bot does not serve. */
    String FOREIGN_TENANT =
            "Sorry, I only serve the organisation I was set up for, so I can't act on requests from here.";

    /** Answers a message, on its conversation's turn queue. */
    void message(Activity activity, ConversationReference reference);

    /** Answers a click on a card's button, within the invoke's HTTP response. */
    ResponseEntity<?> cardAction(Activity activity);

    /** The bot was added to a conversation. */
    void welcome(ConversationReference reference);

    /** A personal chat with someone began (the bot was installed for them), once however Teams announced it. */
    void personalChatOpened(ConversationReference reference);

    /** A message from a tenant the bot does not serve: refused in words. */
    void foreignTenant(Activity activity, ConversationReference reference);
}
