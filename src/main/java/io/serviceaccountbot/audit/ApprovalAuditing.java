package io.serviceaccountbot.audit;

import io.serviceaccountbot.approval.ApprovalEvent;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.Decision;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.provisioning.RunEnded;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns each approval event into an entry: who opened a request, for what and why; every decision, and every decision
 * a rule refused; expiry, cancellation, a withdrawn approval; the run starting, retried and ending. The request is read
 * back for what the event does not carry (the command, the target).
 */
@Component
class ApprovalAuditing {

    private final Approvals approvals;
    private final AuditAppender appender;

    ApprovalAuditing(Approvals approvals, AuditAppender appender) {
        this.approvals = approvals;
        this.appender = appender;
    }

    @EventListener
    void on(ApprovalEvent.Requested event) {
        request(event.id())
                .ifPresent(request -> append(
                        request,
                        request.requester(),
                        "request.opened",
                        "pending",
                        request.commandText() + " | justification: " + request.justification() + " | plan: "
                                + String.join("; ", request.plan()) + " | approvers: "
                                + request.eligibleApprovers().size()
                                + ", quorum " + request.quorum()));
    }

    @EventListener
    void on(ApprovalEvent.ApprovalGiven event) {
        request(event.id())
                .ifPresent(request -> append(
                        request,
                        event.approver(),
                        "decision.approve",
                        "recorded",
                        "approval " + event.approvals() + " of " + event.quorum()
                                + comment(request, event.approver())));
    }

    @EventListener
    void on(ApprovalEvent.Approved event) {
        request(event.id()).ifPresent(request -> {
            Person last = lastApprover(request.decisions());
            append(
                    request,
                    last,
                    "decision.approve",
                    "approved",
                    "approval " + request.approvals() + " of " + request.quorum() + "; the plan may run"
                            + (last == null ? "" : comment(request, last)));
        });
    }

    @EventListener
    void on(ApprovalEvent.Rejected event) {
        request(event.id())
                .ifPresent(request -> append(
                        request,
                        event.approver(),
                        "decision.reject",
                        "rejected",
                        event.reason() == null ? "no reason given" : "reason: " + event.reason()));
    }

    @EventListener
    void on(ApprovalEvent.DecisionRefused event) {
        request(event.id())
                .ifPresent(request -> append(
                        request,
                        event.decider(),
                        event.verdict() == Decision.Verdict.APPROVE ? "decision.approve" : "decision.reject",
                        "refused",
                        event.reason()));
    }

    @EventListener
    void on(ApprovalEvent.Expired event) {
        request(event.id())
                .ifPresent(request -> append(
                        request, null, "request.expired", "expired", "nobody decided before " + request.expiresAt()));
    }

    @EventListener
    void on(ApprovalEvent.Cancelled event) {
        request(event.id()).ifPresent(request -> append(request, event.by(), "request.cancelled", "cancelled", null));
    }

    @EventListener
    void on(ApprovalEvent.ApprovalWithdrawn event) {
        request(event.id())
                .ifPresent(request ->
                        append(request, event.approver(), "decision.withdrawn", "withdrawn", event.reason()));
    }

    @EventListener
    void on(ApprovalEvent.ExecutionStarted event) {
        request(event.id())
                .ifPresent(request -> append(request, null, "run.started", "running", request.commandText()));
    }

    @EventListener
    void on(ApprovalEvent.ExecutionRetried event) {
        request(event.id()).ifPresent(request -> append(request, event.by(), "run.retried", "retried", null));
    }

    @EventListener
    void on(RunEnded ended) {
        request(ended.id())
                .ifPresent(request ->
                        append(request, null, "run.finished", ended.succeeded() ? "done" : "failed", ended.summary()));
    }

    private Optional<ApprovalRequest> request(ApprovalRequestId id) {
        return approvals.find(id);
    }

    private void append(ApprovalRequest request, Person actor, String action, String outcome, String detail) {
        appender.append(new AuditRecord(
                actor == null ? null : actor.aadObjectId(),
                actor == null ? AuditRecord.BOT : actor.name(),
                action,
                request.number().value(),
                request.target(),
                outcome,
                detail,
                List.of(),
                null));
    }

    private static Person lastApprover(List<Decision> decisions) {
        Person last = null;
        for (Decision decision : decisions) {
            if (decision.verdict() == Decision.Verdict.APPROVE) {
                last = decision.approver();
            }
        }
        return last;
    }

    private static String comment(ApprovalRequest request, Person approver) {
        return request.decisionOf(approver)
                .map(Decision::comment)
                .filter(text -> text != null && !text.isBlank())
                .map(text -> "; comment: " + text)
                .orElse("");
    }
}
