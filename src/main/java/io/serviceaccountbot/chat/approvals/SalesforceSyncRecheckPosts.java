package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.chat.ReportCards;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.verification.SalesforceSyncRechecked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the requester of Salesforce's set-up how it stands once Exchange has had time to apply it. */
@Component
class SalesforceSyncRecheckPosts {

    private static final Logger log = LoggerFactory.getLogger(SalesforceSyncRecheckPosts.class);

    private final Approvals approvals;
    private final ApprovalCardUpdates updates;

    SalesforceSyncRecheckPosts(Approvals approvals, ApprovalCardUpdates updates) {
        this.approvals = approvals;
        this.updates = updates;
    }

    @EventListener
    void on(SalesforceSyncRechecked rechecked) {
        approvals
                .find(RequestId.of(rechecked.requestNumber()))
                .ifPresentOrElse(
                        request -> updates.tellRequester(
                                request,
                                ReportCards.verification(
                                        rechecked.report(),
                                        "Salesforce's set-up of request " + request.number()
                                                + ", checked again now that Exchange has had time to apply it:")),
                        () -> log.warn(
                                "Salesforce's set-up of request {} was checked again, but the request is gone",
                                rechecked.requestNumber()));
    }
}
