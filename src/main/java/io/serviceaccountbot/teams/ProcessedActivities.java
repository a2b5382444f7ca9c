package io.serviceaccountbot.teams;

import java.time.Instant;

/**
 * The message activities the bot has taken on, remembered for {@code bot.teams.redelivery-window}: Teams redelivers an
 * activity when its answer was slow or lost, and a redelivered message must not run its command twice. An activity id
 * is unique only within its conversation, and a conversation id only together with its service URL. The same records
 * hold the {@link ConversationClaims}, under names no activity id has.
 */
interface ProcessedActivities {

    /**
     * Records that this replica takes the activity on; false when it was taken on already (here or on another
     * replica), i.e. it is a redelivery.
     */
    boolean firstDelivery(ConversationReference.Key conversation, String activityId);

    /** Forgets a recorded activity, so a redelivery is handled after all (when it could not be taken on). */
    void forget(ConversationReference.Key conversation, String activityId);

    /** Forgets the activities recorded before {@code cutoff}; returns how many. */
    int forgetBefore(Instant cutoff);
}
