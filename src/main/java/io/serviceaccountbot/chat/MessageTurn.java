package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.teams.Activity;
import io.serviceaccountbot.teams.BotConnector;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.ConnectorException;
import io.serviceaccountbot.teams.Conversation;
import io.serviceaccountbot.teams.ConversationReference;
import io.serviceaccountbot.teams.MessageText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Answers one message in its conversation, after the HTTP request was acknowledged. */
@Component
class MessageTurn {

    static final String WELCOME = "Hello! I'm the service-account bot. I create Exchange service accounts and, once"
            + " approvers agree, give them the mailbox access they need. Type **help** to see what I can do for you.";

    /** Commands are one line; anything longer is not read at all. */
    static final int MAX_COMMAND_LENGTH = 2000;

    private static final Logger log = LoggerFactory.getLogger(MessageTurn.class);

    private final BotConnector connector;
    private final CommandConversation conversation;

    MessageTurn(BotConnector connector, CommandConversation conversation) {
        this.connector = connector;
        this.conversation = conversation;
    }

    void answer(Activity activity, ConversationReference reference) {
        String text = MessageText.of(activity);
        BotMessage reply;
        if (text.length() > MAX_COMMAND_LENGTH) {
            reply = BotMessage.text("That message is too long for a command (%,d characters; commands are at most %,d)."
                            .formatted(text.length(), MAX_COMMAND_LENGTH)
                    + " Nothing was done. Type **help** to see what I can do.");
        } else if (!text.isEmpty()) {
            reply = conversation.answer(text, Caller.of(activity));
        } else if (activity.value() != null) {
            reply = BotMessage.text("That button belongs to a card I no longer act on, so nothing changed."
                    + " Type **help** to see what I can do.");
        } else {
            reply = BotMessage.text("I only understand typed commands. Type **help** to see them.");
        }
        deliver(reference, activity.id(), reply);
    }

    /** Answers a command that arrived some other way than typed text (a card's button), like a typed one. */
    void answer(Command command, Caller caller, ConversationReference reference, String replyToId) {
        deliver(reference, replyToId, conversation.answer(command, caller));
    }

    void welcome(ConversationReference reference) {
        welcome(reference, 0);
    }

    /** The welcome, saying how many approval requests wait for this person's decision, if any (their cards follow). */
    void welcome(ConversationReference reference, int waitingRequests) {
        String waiting = switch (waitingRequests) {
            case 0 -> "";
            case 1 -> "\n\n1 request waits for your decision; its card follows.";
            default -> "\n\n" + waitingRequests + " requests wait for your decision; their cards follow.";
        };
        deliver(reference, null, BotMessage.text(WELCOME + waiting));
    }

    void refuseForeignTenant(Activity activity, ConversationReference reference) {
        deliver(reference, activity.id(), BotMessage.text(Conversation.FOREIGN_TENANT));
    }

    /**
     * Sends the answer (the connector retries transient failures, a missing token included), then does the work that
     * follows it whether or not it arrived: an approval request that was opened still gets its approvers' cards when
     * the requester's answer is lost. A lost answer is logged once, without its text.
     */
    private void deliver(ConversationReference reference, String replyToId, BotMessage message) {
        String activityId;
        try {
            activityId = replyToId == null
                    ? connector.post(reference, message)
                    : connector.reply(reference, replyToId, message);
        } catch (ConnectorException e) {
            log.warn("Could not deliver an answer: {}", e.getMessage());
            activityId = null;
        } catch (RuntimeException e) {
            log.warn("Could not deliver an answer: {}", e.getClass().getSimpleName());
            activityId = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (message.afterDelivery() != null) {
            try {
                message.afterDelivery().delivered(reference, activityId);
            } catch (RuntimeException e) {
                log.error("Work after delivering an answer failed", e);
            }
        }
    }
}
