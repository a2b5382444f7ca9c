package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.ApproverDirectory;
import io.serviceaccountbot.chat.ReviewCards;
import io.serviceaccountbot.governance.ReviewDecided;
import io.serviceaccountbot.governance.ReviewOpened;
import io.serviceaccountbot.governance.ReviewUnanswered;
import io.serviceaccountbot.teams.BotConnector;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.ConnectorException;
import io.serviceaccountbot.teams.ConversationReference;
import io.serviceaccountbot.teams.ConversationReferences;
import io.serviceaccountbot.teams.UserText;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Posts access reviews: the question to every approver's personal chats and the approvals channel (again when it is
 * escalated), and the answer, or that no one answered, to the grant's requester and the channel. Queued on the grant's
 * request card queue, so a review job never waits for Teams.
 */
@Component
class ReviewPosts {

    private static final Logger log = LoggerFactory.getLogger(ReviewPosts.class);

    private final Approvals approvals;
    private final ApproverDirectory approvers;
    private final ConversationReferences references;
    private final ApprovalCardUpdates updates;
    private final ApprovalRecipients recipients;
    private final BotConnector connector;

    ReviewPosts(
            Approvals approvals,
            ApproverDirectory approvers,
            ConversationReferences references,
            ApprovalCardUpdates updates,
            ApprovalRecipients recipients,
            BotConnector connector) {
        this.approvals = approvals;
        this.approvers = approvers;
        this.references = references;
        this.updates = updates;
        this.recipients = recipients;
        this.connector = connector;
    }

    @EventListener
    void on(ReviewOpened opened) {
        updates.enqueue(opened.review().number().value(), () -> {
            BotMessage card =
                    ReviewCards.question(opened, approvals.find(opened.review().number()));
            List<ConversationReference> to = new ArrayList<>();
            for (String approver : approvers.approvers()) {
                to.addAll(references.personalChatsOf(approver));
            }
            if (to.isEmpty() && recipients.approvalsChannel().isEmpty()) {
                log.warn(
                        "No approver can be asked to review {}: none has a personal chat with the bot, and there is no"
                                + " approvals channel",
                        opened.review().title());
            }
            to.addAll(recipients.approvalsChannel());
            post(to, card);
        });
    }

    @EventListener
    void on(ReviewDecided decided) {
        tellRequesterAndChannel(decided.review().number().value(), ReviewCards.decided(decided));
    }

    @EventListener
    void on(ReviewUnanswered unanswered) {
        tellRequesterAndChannel(
                unanswered.review().number().value(),
                BotMessage.text("⚠️ No approver answered the access review of "
                        + UserText.forMarkdown(unanswered.review().title())
                        + ", even after it was escalated. It stays open, and drift lists it, until someone keeps or"
                        + " revokes it."));
    }

    private void tellRequesterAndChannel(String number, BotMessage message) {
        updates.enqueue(number, () -> {
            approvals
                    .find(new io.serviceaccountbot.command.RequestId(number))
                    .ifPresent(request -> updates.tellRequester(request, message));
            post(recipients.approvalsChannel(), message);
        });
    }

    private void post(List<ConversationReference> to, BotMessage message) {
        for (ConversationReference chat : to) {
            try {
                connector.post(chat, message);
            } catch (ConnectorException e) {
                log.warn("Could not post an access review: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
