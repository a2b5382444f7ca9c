package io.serviceaccountbot.chat;

import io.serviceaccountbot.teams.BotConnector;
import io.serviceaccountbot.teams.ConnectorException;
import io.serviceaccountbot.teams.ConversationReference;
import io.serviceaccountbot.teams.ConversationReferences;
import io.serviceaccountbot.teams.UserText;
import io.serviceaccountbot.verification.FollowUpVerified;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Posts a verification that waited for a mailbox into the conversation where it was asked for, when it has run.
 * Where it was asked travels as the conversation's service URL and id, and is looked up among the conversations the
 * bot knows, so the report goes nowhere else.
 */
@Component
class VerificationFollowUpPosts {

    private static final Logger log = LoggerFactory.getLogger(VerificationFollowUpPosts.class);

    private final ConversationReferences references;
    private final BotConnector connector;

    VerificationFollowUpPosts(ConversationReferences references, BotConnector connector) {
        this.references = references;
        this.connector = connector;
    }

    /** How a conversation is named to the follow-up: its service URL and id, on two lines. */
    static String replyTo(ConversationReference conversation) {
        return conversation.serviceUrl() + "\n" + conversation.conversationId();
    }

    @EventListener
    void on(FollowUpVerified verified) {
        String[] where = verified.replyTo().split("\n", 2);
        Optional<ConversationReference> conversation =
                where.length == 2 ? references.find(where[0], where[1]) : Optional.empty();
        if (conversation.isEmpty()) {
            log.warn(
                    "A verification of {} waited for its mailbox, but its conversation is no longer known",
                    verified.report().account());
            return;
        }
        String note = verified.mailboxStillMissing()
                ? "⏳ Exchange has still not created the mailbox of "
                        + verified.report().account()
                        + " after the longest wait; here is the verification as it stands."
                : "The mailbox of " + verified.report().account() + " is there now: here is the verification you asked"
                        + " for.";
        try {
            connector.post(conversation.get(), ReportCards.verification(verified.report(), UserText.forMarkdown(note)));
        } catch (ConnectorException e) {
            log.warn(
                    "Could not post the verification of {}: {}",
                    verified.report().account(),
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
