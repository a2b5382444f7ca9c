package io.serviceaccountbot.teams;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A Bot Framework activity as Teams sends it to {@code /api/messages}: only the fields this bot reads.
 *
 * @param type message, invoke, conversationUpdate, installationUpdate, …
 * @param id the activity id, which replies refer to
 * @param serviceUrl where replies to this activity must be sent
 * @param channelId always {@code msteams} for Teams
 * @param from who sent it; {@code aadObjectId} identifies the Entra user
 * @param conversation the conversation it belongs to
 * @param recipient the bot
 * @param text the typed text, with {@code <at>} mentions in channels and group chats
 * @param entities mentions and client info
 * @param channelData Teams-specific data, notably the tenant
 * @param replyToId the activity this one answers (for card actions, the card's activity)
 * @param name the invoke name, e.g. {@code adaptiveCard/action}
 * @param value the invoke or Action.Submit payload
 * @param action for installationUpdate: add or remove
 * @param membersAdded for conversationUpdate: who joined
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Activity(
        String type,
        String id,
        String serviceUrl,
        String channelId,
        ChannelAccount from,
        ConversationAccount conversation,
        ChannelAccount recipient,
        String text,
        List<Entity> entities,
        ChannelData channelData,
        String replyToId,
        String name,
        JsonNode value,
        String action,
        List<ChannelAccount> membersAdded) {

    /** The tenant the activity comes from: channelData first, as Teams documents, then the conversation. */
    String tenantId() {
        if (channelData != null
                && channelData.tenant() != null
                && channelData.tenant().id() != null) {
            return channelData.tenant().id();
        }
        return conversation == null ? null : conversation.tenantId();
    }

    /** A user or bot in a conversation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChannelAccount(String id, String name, String aadObjectId) {}

    /** A personal chat, group chat or channel thread. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConversationAccount(String id, String conversationType, String tenantId, Boolean isGroup, String name) {}

    /** A mention or other entity attached to a message. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entity(String type, ChannelAccount mentioned, String text) {}

    /** Teams channel data: the tenant, and team and channel for channel conversations. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChannelData(TenantInfo tenant, TeamInfo team, TeamInfo channel) {}

    /** An Entra tenant. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TenantInfo(String id) {}

    /** A team or channel. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TeamInfo(String id, String name) {}
}
