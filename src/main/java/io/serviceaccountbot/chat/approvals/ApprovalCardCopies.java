package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.teams.ConversationReference;
import java.util.List;

/**
 * Every copy of every approval card the bot posted (in each approver's personal chat, the approvals channel, the
 * requester's conversation), so that after each decision all of them can be updated in place; and the progress card of
 * each request's run.
 */
interface ApprovalCardCopies {

    /** Remembers a posted copy; adding the same copy twice keeps one. */
    void add(CardCopy copy);

    /** The copies of the request's cards, oldest first. */
    List<CardCopy> of(String requestNumber);

    /**
     * One posted card.
     *
     * @param requestNumber the request it shows, e.g. R-7K2QM4
     * @param conversation where it was posted (service URL and conversation id)
     * @param activityId the activity id the connector gave it, for updates
     * @param audience who it was posted for: APPROVER, CHANNEL or REQUESTER; or PROGRESS for the card that follows
     *     the plan's run in the requester's conversation
     */
    record CardCopy(
            String requestNumber, ConversationReference.Key conversation, String activityId, Audience audience) {}

    /** Whom a copy was posted for; decides how the card looks. */
    enum Audience {
        APPROVER,
        CHANNEL,
        REQUESTER,
        /** Not a copy of the approval card: the progress card of the plan's run (see {@link ProgressCards}). */
        PROGRESS
    }
}
