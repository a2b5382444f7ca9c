package io.serviceaccountbot.teams;

import org.springframework.stereotype.Component;

/**
 * Acts the bot does at most once in a conversation, however often Teams triggers them and on whichever replica:
 * greeting someone who opens a personal chat (Teams sends an installationUpdate and a conversationUpdate for one
 * install, and may deliver each twice), and posting an approver's copy of a request's card into their chat (when the
 * request opens, or when they open the chat later, possibly both at once). A claim is a row among the processed
 * activities, under a name no activity id has; inserting it is atomic, so of two replicas exactly one wins. Like
 * activity ids, claims are remembered for {@code bot.teams.redelivery-window}.
 */
@Component
public class ConversationClaims {

    /** The greeting and the cards that wait, when someone opens a personal chat with the bot. */
    static final String PERSONAL_CHAT_OPENED = "bot:personal-chat-opened";

    private final ProcessedActivities processed;

    ConversationClaims(ProcessedActivities processed) {
        this.processed = processed;
    }

    /** The claim for an approver's copy of a request's card. */
    public static String approverCard(String requestNumber) {
        return "bot:approval-card:" + requestNumber;
    }

    /** Whether this act is now this replica's to do; false when it was claimed already, here or elsewhere. */
    public boolean claim(ConversationReference.Key conversation, String act) {
        return processed.firstDelivery(conversation, act);
    }

    /** Gives up a claim whose act could not be done, so that the next trigger does it. */
    public void release(ConversationReference.Key conversation, String act) {
        processed.forget(conversation, act);
    }
}
