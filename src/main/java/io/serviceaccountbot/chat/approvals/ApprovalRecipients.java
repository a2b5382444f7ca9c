package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.teams.ConversationReference;
import io.serviceaccountbot.teams.ConversationReferences;
import io.serviceaccountbot.teams.TeamsProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Where a request's cards go, as the bot's conversations stand now: every personal chat it has with each approver who
 * may decide, the approvals channel if one is configured and known, and the approvers it cannot reach because they
 * have no personal chat with it. Asked when the request opens, and again whenever the requester's card is drawn, so
 * that an approver who opened a chat since is no longer named as unreachable.
 */
@Component
class ApprovalRecipients {

    private final ConversationReferences references;
    private final TeamsProperties properties;

    ApprovalRecipients(ConversationReferences references, TeamsProperties properties) {
        this.references = references;
        this.properties = properties;
    }

    Recipients of(ApprovalRequest request) {
        List<ConversationReference> chats = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (String approver : ApprovalCardViews.deciders(request)) {
            List<ConversationReference> theirs = references.personalChatsOf(approver);
            if (theirs.isEmpty()) {
                unreachable.add(approver);
            }
            chats.addAll(theirs);
        }
        return new Recipients(chats, unreachable, approvalsChannel());
    }

    /**
     * The approvals channel as the bot knows it, once per service URL; posting to the channel itself starts a new
     * thread there even when the bot saw it only in a thread.
     */
    List<ConversationReference> approvalsChannel() {
        if (!properties.hasApprovalsChannel()) {
            return List.of();
        }
        String channelId = properties.approvalsChannel().strip();
        Map<String, ConversationReference> byServiceUrl = new LinkedHashMap<>();
        for (ConversationReference seen : references.channel(channelId)) {
            ConversationReference channel = new ConversationReference(
                    seen.serviceUrl(),
                    channelId,
                    seen.conversationType(),
                    seen.tenantId(),
                    seen.botId(),
                    seen.botName(),
                    null,
                    null,
                    null);
            byServiceUrl.putIfAbsent(channel.serviceUrl(), channel);
        }
        return List.copyOf(byServiceUrl.values());
    }

    /**
     * Where a request's cards go.
     *
     * @param approverChats the personal chats of the approvers who may decide
     * @param unreachable object ids of approvers who have no personal chat with the bot
     * @param channels the approvals channel, once per service URL; empty when none is configured or known
     */
    record Recipients(
            List<ConversationReference> approverChats,
            List<String> unreachable,
            List<ConversationReference> channels) {}
}
