package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.approval.ApprovalEvent;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.chat.ReportCards;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.execution.RunEnded;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.verification.PostRunVerification;
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
    private final PostRunVerification afterRun;

    ApprovalEventReactions(
            Approvals approvals, ApprovalCardUpdates updates, ProgressCards progress, PostRunVerification afterRun) {
        this.approvals = approvals;
        this.updates = updates;
        this.progress = progress;
        this.afterRun = afterRun;
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
                ApprovalEvent.ExecutionRetried.class
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
     * The run ended: every copy of the card shows the request's end, its progress card becomes the report, and then
     * the verification report that its command calls for follows ({@link PostRunVerification} decides), on the
     * request's card queue, so the run's thread does not wait.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void runEnded(RunEnded ended) {
        String number = ended.number().value();
        updates.enqueue(number, () -> updates.updateCopies(number));
        Runnable verify = () -> approvals.find(ended.number()).ifPresent(request -> {
            afterRun.verify(request.command(), request.target())
                    .ifPresent(report -> updates.tellRequester(request, ReportCards.verification(report)));
            afterRun.followUp(number, request.command(), ended.succeeded());
        });
        progress.showLast(number, ReportCards.provisioning(number, ended.report()), verify);
    }
}
