package io.serviceaccountbot.teams;

import io.serviceaccountbot.approval.ApprovalRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers a new request's card: the requester's copy is the reply in the conversation where they asked; each
 * approver who may decide gets a copy in every personal chat they have with the bot, posted proactively; the approvals
 * channel, if configured and known, gets one too. Every copy is recorded so that it can be updated later.
 */
@Component
class ApprovalCardDelivery {

    private static final Logger log = LoggerFactory.getLogger(ApprovalCardDelivery.class);

    private final ConversationReferences references;
    private final BotConnector connector;
    private final ApprovalCardViews views;
    private final ApprovalCardUpdates updates;
    private final TeamsProperties properties;

    ApprovalCardDelivery(
            ConversationReferences references,
            BotConnector connector,
            ApprovalCardViews views,
            ApprovalCardUpdates updates,
            TeamsProperties properties) {
        this.references = references;
        this.connector = connector;
        this.views = views;
        this.updates = updates;
        this.properties = properties;
    }

    /** Where the request's cards will go, and which approvers the bot cannot reach. */
    Recipients recipientsOf(ApprovalRequest request) {
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

    /** Records the requester's copy, then posts and records the approvers' and the channel's. */
    void deliver(
            ApprovalRequest request, Recipients recipients, ConversationReference asked, String requesterActivityId) {
        String number = request.number().value();
        if (requesterActivityId != null && !requesterActivityId.isBlank()) {
            updates.posted(
                    copy(number, asked, requesterActivityId, ApprovalCardCopies.Audience.REQUESTER),
                    request.cardVersion());
        }
        for (ConversationReference chat : recipients.approverChats()) {
            post(
                    request,
                    chat,
                    views.forViewer(request, chat.userAadObjectId(), null),
                    ApprovalCardCopies.Audience.APPROVER);
        }
        for (ConversationReference channel : recipients.channels()) {
            post(request, channel, views.shared(request, List.of()), ApprovalCardCopies.Audience.CHANNEL);
        }
        updates.refresh(number);
    }

    private void post(
            ApprovalRequest request, ConversationReference to, ObjectNode card, ApprovalCardCopies.Audience audience) {
        try {
            String activityId = connector.post(to, views.message(request, card));
            if (activityId != null && !activityId.isBlank()) {
                updates.posted(copy(request.number().value(), to, activityId, audience), request.cardVersion());
            }
        } catch (ConnectorException e) {
            log.warn("Could not post the card of request {} ({}): {}", request.number(), audience, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The approvals channel as the bot knows it, once per service URL; posting to the channel itself starts a new
     * thread there even when the bot saw it only in a thread.
     */
    private List<ConversationReference> approvalsChannel() {
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
        if (byServiceUrl.isEmpty()) {
            log.warn(
                    "bot.teams.approvals-channel is set to {}, but the bot has not seen that channel, so approval"
                            + " cards go to the approvers' personal chats only. Add the bot to the team, or mention it"
                            + " once in the channel, and check the id.",
                    LogSafe.of(channelId));
        }
        byServiceUrl.values().forEach(references::save);
        return List.copyOf(byServiceUrl.values());
    }

    private static ApprovalCardCopies.CardCopy copy(
            String number, ConversationReference where, String activityId, ApprovalCardCopies.Audience audience) {
        return new ApprovalCardCopies.CardCopy(number, where.key(), activityId, audience);
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
