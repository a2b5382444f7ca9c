package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.approval.ApprovalEvent;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.chat.ReportCards;
import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.provisioning.PlanExecuted;
import io.serviceaccountbot.provisioning.SalesforceProperties;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.verification.AccountVerification;
import io.serviceaccountbot.verification.AppAccessVerification;
import io.serviceaccountbot.verification.SalesforceSyncFollowUps;
import io.serviceaccountbot.verification.SalesforceSyncVerification;
import io.serviceaccountbot.verification.VerificationReport;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What Teams shows when an approval request changes: every copy of its card is updated to the new state, and the
 * requester is told in the conversation where they asked (approved and being carried out, rejected with the reason,
 * expired, cancelled); the plan's progress card ends as the provisioning report. Reacts once the change is committed
 * (at once when there is no transaction) and only queues the work, so the thread that recorded a decision answers
 * without waiting for Teams.
 */
@Component
class ApprovalEventReactions {

    private final Approvals approvals;
    private final ApprovalCardUpdates updates;
    private final ProgressCards progress;
    private final AccountVerification verification;
    private final AppAccessVerification appAccess;
    private final SalesforceProperties salesforce;
    private final SalesforceSyncFollowUps salesforceFollowUps;
    private final SalesforceSyncVerification salesforceSync;

    ApprovalEventReactions(
            Approvals approvals,
            ApprovalCardUpdates updates,
            ProgressCards progress,
            AccountVerification verification,
            AppAccessVerification appAccess,
            SalesforceProperties salesforce,
            SalesforceSyncFollowUps salesforceFollowUps,
            SalesforceSyncVerification salesforceSync) {
        this.approvals = approvals;
        this.updates = updates;
        this.progress = progress;
        this.verification = verification;
        this.appAccess = appAccess;
        this.salesforce = salesforce;
        this.salesforceFollowUps = salesforceFollowUps;
        this.salesforceSync = salesforceSync;
    }

    @TransactionalEventListener(
            fallbackExecution = true,
            classes = {
                ApprovalEvent.ApprovalGiven.class,
                ApprovalEvent.Approved.class,
                ApprovalEvent.Rejected.class,
                ApprovalEvent.Expired.class,
                ApprovalEvent.Cancelled.class,
                ApprovalEvent.ApprovalWithdrawn.class,
                ApprovalEvent.ExecutionStarted.class,
                ApprovalEvent.ExecutionRetried.class,
                ApprovalEvent.ExecutionFinished.class
            })
    void requestChanged(ApprovalEvent event) {
        RequestId number = event.number();
        updates.enqueue(number.value(), () -> {
            updates.updateCopies(number.value());
            approvals
                    .find(number)
                    .ifPresent(request -> RequesterNotices.about(event, request)
                            .ifPresent(notice -> updates.tellRequester(request, BotMessage.text(notice))));
        });
    }

    /**
     * The plan ended: its progress card becomes the report, and then, for a plan that grants, a verification report
     * follows, checked in the tenant afresh (on the request's card queue, so the run's thread does not wait): the
     * account's for impersonation, Test-ServicePrincipalAuthorization on the group's mailboxes for app access.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void planExecuted(PlanExecuted executed) {
        Runnable verify =
                () -> approvals.find(RequestId.of(executed.requestNumber())).ifPresent(request -> {
                    verificationAfter(request)
                            .ifPresent(report -> updates.tellRequester(request, ReportCards.verification(report)));
                    if (executed.report().succeeded()) {
                        salesforceGroupOf(request)
                                .ifPresent(group -> salesforceFollowUps.recheckLater(executed.requestNumber(), group));
                    }
                });
        progress.showLast(
                executed.requestNumber(),
                ReportCards.provisioning(executed.requestNumber(), executed.report()),
                verify);
    }

    /**
     * The report that follows a plan that grants: the account's for impersonation, the app's reach into the group's
     * mailboxes for app access; none for a revocation.
     */
    private Optional<VerificationReport> verificationAfter(ApprovalRequest request) {
        Command.Privileged command = request.command();
        if (command instanceof Command.GrantImpersonation || command instanceof Command.SetupExchangeSync) {
            return Optional.of(verification.verify(AccountRef.of(request.target())));
        }
        if (command instanceof Command.GrantAppAccess app) {
            return Optional.of(appAccess.verify(app.appId(), app.group(), app.roles()));
        }
        if (command instanceof Command.AddToExchangeSync add) {
            return Optional.of(salesforceSync.verify(add.group(), Optional.empty(), Optional.empty()));
        }
        if (command instanceof Command.SetupSalesforceSync salesforce) {
            List<String> roles = salesforce.roles().isEmpty() ? this.salesforce.roles() : salesforce.roles();
            return Optional.of(
                    appAccess.verify(java.util.UUID.fromString(this.salesforce.appId()), salesforce.group(), roles));
        }
        return Optional.empty();
    }

    /** The group of Salesforce's set-up, when the request is one. */
    private static Optional<String> salesforceGroupOf(ApprovalRequest request) {
        return request.command() instanceof Command.SetupSalesforceSync setup
                ? Optional.of(setup.group())
                : Optional.empty();
    }
}
