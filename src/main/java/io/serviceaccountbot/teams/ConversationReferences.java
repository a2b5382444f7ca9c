package io.serviceaccountbot.teams;

import java.util.List;
import java.util.Optional;

/** Where the bot keeps the conversations it may post into later: personal chats per user, and channels. */
public interface ConversationReferences {

    /** Stores or refreshes a reference; cheap when nothing changed, because every message calls it. */
    void save(ConversationReference reference);

    /** The conversation with that service URL and id. */
    Optional<ConversationReference> find(String serviceUrl, String conversationId);

    /** The personal chats the bot has with a user, one per service URL (each Teams world has its own). */
    List<ConversationReference> personalChatsOf(String aadObjectId);

    /**
     * The references to a channel by its conversation id, one per service URL, including those seen in one of its
     * threads ({@code <id>;messageid=…}); channel ids are only unique together with the service URL.
     */
    List<ConversationReference> channel(String conversationId);
}
