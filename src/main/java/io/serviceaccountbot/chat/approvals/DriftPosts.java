package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.chat.DriftCards;
import io.serviceaccountbot.governance.DriftFound;
import io.serviceaccountbot.teams.BotConnector;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.ConnectorException;
import io.serviceaccountbot.teams.ConversationReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Posts a drift once, as it is found: to the requester of the grant's approval, where they asked, and to the approvals
 * channel when one is configured, each with "Restore as approved" and "Accept". Queued on the request's card queue, so
 * a check never waits for Teams.
 */
@Component
class DriftPosts {

    private static final Logger log = LoggerFactory.getLogger(DriftPosts.class);

    private final Approvals approvals;
    private final ApprovalCardUpdates updates;
    private final ApprovalRecipients recipients;
    private final BotConnector connector;

    DriftPosts(
            Approvals approvals, ApprovalCardUpdates updates, ApprovalRecipients recipients, BotConnector connector) {
        this.approvals = approvals;
        this.updates = updates;
        this.recipients = recipients;
        this.connector = connector;
    }

    @EventListener
    void on(DriftFound found) {
        BotMessage card = DriftCards.found(found);
        String number = found.grant().number().value();
        updates.enqueue(number, () -> {
            approvals.find(found.grant().number()).ifPresent(request -> updates.tellRequester(request, card));
            for (ConversationReference channel : recipients.approvalsChannel()) {
                try {
                    connector.post(channel, card);
                } catch (ConnectorException e) {
                    log.warn("Could not post the drift of {} to the approvals channel: {}", number, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }
}
