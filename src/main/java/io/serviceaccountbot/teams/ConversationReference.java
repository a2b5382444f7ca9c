package io.serviceaccountbot.teams;

/**
 * Everything needed to post into a conversation later, outside the turn that revealed it.
 *
 * @param serviceUrl the connector endpoint of that conversation; always sent to, never replaced by a configured one
 * @param conversationId the conversation; only unique together with the service URL
 * @param conversationType personal, groupChat or channel
 * @param tenantId the tenant of the conversation
 * @param botId the bot's id in that conversation
 * @param botName the bot's name in that conversation
 * @param userId the channel-specific id of the user (personal chats)
 * @param userName the user's display name, where Teams sent it
 * @param userAadObjectId the user's Entra object id (personal chats)
 */
public record ConversationReference(
        String serviceUrl,
        String conversationId,
        String conversationType,
        String tenantId,
        String botId,
        String botName,
        String userId,
        String userName,
        String userAadObjectId) {

    public static ConversationReference of(Activity activity) {
        Activity.ChannelAccount user = activity.from();
        Activity.ChannelAccount bot = activity.recipient();
        Activity.ConversationAccount conversation = activity.conversation();
        return new ConversationReference(
                activity.serviceUrl(),
                conversation.id(),
                conversation.conversationType() == null ? "personal" : conversation.conversationType(),
                activity.tenantId(),
                bot == null ? null : bot.id(),
                bot == null ? null : bot.name(),
                user == null ? null : user.id(),
                user == null ? null : user.name(),
                user == null ? null : user.aadObjectId());
    }

    public boolean isPersonal() {
        return "personal".equals(conversationType);
    }

    /**
     * This reference, newer, over what was known of the same conversation. A newer activity may lack a field an older
     * one had (Teams omits the name on updates): what is known is kept. A personal chat keeps the user it was opened
     * with.
     */
    ConversationReference over(ConversationReference known) {
        return new ConversationReference(
                serviceUrl,
                conversationId,
                conversationType,
                firstNonNull(tenantId, known.tenantId()),
                firstNonNull(botId, known.botId()),
                firstNonNull(botName, known.botName()),
                known.isPersonal() ? firstNonNull(known.userId(), userId) : userId,
                known.isPersonal() ? firstNonNull(userName, known.userName()) : userName,
                known.isPersonal() ? firstNonNull(known.userAadObjectId(), userAadObjectId) : userAadObjectId);
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }

    /** The key under which the reference is unique: conversation ids collide across connectors. */
    public Key key() {
        return new Key(serviceUrl, conversationId);
    }

    /** Service URL and conversation id together. */
    public record Key(String serviceUrl, String conversationId) {}
}
