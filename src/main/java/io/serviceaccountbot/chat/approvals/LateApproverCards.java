package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.teams.ConversationReference;
import io.serviceaccountbot.teams.LogSafe;
import io.serviceaccountbot.tenant.TenantException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The approval cards an approver missed because they had no personal chat with the bot when the requests opened. When
 * they open one, each pending request they may decide whose card is not in this chat yet is posted there, the same
 * card as at opening, and recorded so that later changes replace it in place; then the requester's card is redrawn,
 * no longer naming them among the approvers it did not reach. Which requests are theirs is the approval module's
 * answer for their Entra object id (the rules on each request's approvers, and the directory asked now), never
 * anything a card says.
 */
@Component
public class LateApproverCards {

    private static final Logger log = LoggerFactory.getLogger(LateApproverCards.class);

    private final Approvals approvals;
    private final ApprovalCardDelivery delivery;
    private final ApprovalCardUpdates updates;
    private final ApprovalCardViews views;

    LateApproverCards(
            Approvals approvals, ApprovalCardDelivery delivery, ApprovalCardUpdates updates, ApprovalCardViews views) {
        this.approvals = approvals;
        this.delivery = delivery;
        this.updates = updates;
        this.views = views;
    }

    /**
     * The requests waiting for the decision of the chat's person whose card is not in this chat yet, oldest first;
     * none when the directory cannot say whether they are still an approver.
     */
    public List<ApprovalRequest> missedIn(ConversationReference chat) {
        if (!chat.isPersonal()) {
            return List.of();
        }
        try {
            return approvals.awaitingDecisionBy(chat.userAadObjectId()).stream()
                    .filter(request -> !delivery.hasApproverCopy(request, chat))
                    .toList();
        } catch (TenantException e) {
            log.warn(
                    "Could not ask the directory whether {} is still an approver, so the approval cards waiting for"
                            + " them were not sent: {}",
                    LogSafe.of(chat.userAadObjectId()),
                    e.getMessage());
            return List.of();
        }
    }

    /**
     * Posts each request's card into the chat, as it stands now (one decided meanwhile is left out), then brings the
     * copies and the requester's card up to date.
     */
    public void deliver(List<ApprovalRequest> missed, ConversationReference chat) {
        for (ApprovalRequest found : missed) {
            Optional<ApprovalRequest> current =
                    approvals.find(found.id()).filter(request -> request.status() == RequestStatus.PENDING);
            if (current.isEmpty()) {
                continue;
            }
            String number = current.get().number().value();
            views.approverChatsChanged(number);
            if (delivery.postToApprover(current.get(), chat)) {
                updates.refresh(number);
                updates.refreshRequesterCopies(number);
            }
        }
    }
}
