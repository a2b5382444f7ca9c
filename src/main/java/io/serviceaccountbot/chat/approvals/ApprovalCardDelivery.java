package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.teams.BotConnector;
import io.serviceaccountbot.teams.ConnectorException;
import io.serviceaccountbot.teams.ConversationClaims;
import io.serviceaccountbot.teams.ConversationReference;
import io.serviceaccountbot.teams.ConversationReferences;
import io.serviceaccountbot.teams.LogSafe;
import io.serviceaccountbot.teams.TeamsProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers a request's card: the requester's copy is the reply in the conversation where they asked; each approver who
 * may decide gets a copy in every personal chat they have with the bot, posted proactively (when the request opens,
 * or later, when an approver who had no chat opens one); the approvals channel, if configured and known, gets one too.
 * Every copy is recorded so that it can be updated later. An approver's chat gets one copy of a request's card: it is
 * claimed before it is posted, so a request opening while the approver opens the chat, on two replicas, posts once.
 */
@Component
class ApprovalCardDelivery {

    private static final Logger log = LoggerFactory.getLogger(ApprovalCardDelivery.class);

    private final ApprovalRecipients recipients;
    private final ConversationReferences references;
    private final ApprovalCardCopies copies;
    private final ConversationClaims claims;
    private final BotConnector connector;
    private final ApprovalCardViews views;
    private final ApprovalCardUpdates updates;
    private final TeamsProperties properties;

    ApprovalCardDelivery(
            ApprovalRecipients recipients,
            ConversationReferences references,
            ApprovalCardCopies copies,
            ConversationClaims claims,
            BotConnector connector,
            ApprovalCardViews views,
            ApprovalCardUpdates updates,
            TeamsProperties properties) {
        this.recipients = recipients;
        this.references = references;
        this.copies = copies;
        this.claims = claims;
        this.connector = connector;
        this.views = views;
        this.updates = updates;
        this.properties = properties;
    }

    /**
     * Where the request's cards will go, and which approvers the bot cannot reach; the approvals channel is remembered
     * under its own id, where its copy will be posted and updated.
     */
    ApprovalRecipients.Recipients recipientsOf(ApprovalRequest request) {
        ApprovalRecipients.Recipients found = recipients.of(request);
        if (properties.hasApprovalsChannel() && found.channels().isEmpty()) {
            log.warn(
                    "bot.teams.approvals-channel is set to {}, but the bot has not seen that channel, so approval"
                            + " cards go to the approvers' personal chats only. Add the bot to the team, or mention it"
                            + " once in the channel, and check the id.",
                    LogSafe.of(properties.approvalsChannel().strip()));
        }
        found.channels().forEach(references::save);
        return found;
    }

    /** Records the requester's copy, then posts and records the approvers' and the channel's. */
    void deliver(
            ApprovalRequest request,
            ApprovalRecipients.Recipients recipients,
            ConversationReference asked,
            String requesterActivityId) {
        String number = request.number().value();
        if (requesterActivityId != null && !requesterActivityId.isBlank()) {
            updates.posted(
                    copy(number, asked, requesterActivityId, ApprovalCardCopies.Audience.REQUESTER),
                    request.cardVersion());
        }
        for (ConversationReference chat : recipients.approverChats()) {
            postToApprover(request, chat);
        }
        for (ConversationReference channel : recipients.channels()) {
            post(request, channel, views.shared(request, List.of()), ApprovalCardCopies.Audience.CHANNEL);
        }
        updates.refresh(number);
    }

    /** Whether an approver's copy of the request's card is in this chat already. */
    boolean hasApproverCopy(ApprovalRequest request, ConversationReference chat) {
        return copies.of(request.number().value()).stream()
                .anyMatch(copy -> copy.audience() == ApprovalCardCopies.Audience.APPROVER
                        && copy.conversation().equals(chat.key()));
    }

    /**
     * Posts the request's card, with the buttons if the chat's person may decide, into an approver's personal chat,
     * unless it was posted there already; true when this call posted it.
     */
    boolean postToApprover(ApprovalRequest request, ConversationReference chat) {
        String claim = ConversationClaims.approverCard(request.number().value());
        if (!claims.claim(chat.key(), claim)) {
            return false;
        }
        boolean posted = post(
                request,
                chat,
                views.forViewer(request, chat.userAadObjectId(), null),
                ApprovalCardCopies.Audience.APPROVER);
        if (!posted) {
            claims.release(chat.key(), claim);
        }
        return posted;
    }

    private boolean post(
            ApprovalRequest request, ConversationReference to, ObjectNode card, ApprovalCardCopies.Audience audience) {
        try {
            String activityId = connector.post(to, views.message(request, card));
            if (activityId != null && !activityId.isBlank()) {
                updates.posted(copy(request.number().value(), to, activityId, audience), request.cardVersion());
            }
            return true;
        } catch (ConnectorException e) {
            log.warn("Could not post the card of request {} ({}): {}", request.number(), audience, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static ApprovalCardCopies.CardCopy copy(
            String number, ConversationReference where, String activityId, ApprovalCardCopies.Audience audience) {
        return new ApprovalCardCopies.CardCopy(number, where.key(), activityId, audience);
    }
}
