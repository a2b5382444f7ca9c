package io.serviceaccountbot.audit;

import io.serviceaccountbot.approval.ApprovalEvent;
import io.serviceaccountbot.approval.Decision;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.execution.RunEnded;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns each approval event into an entry: who opened a request, for what and why; every decision, and every decision
 * a rule refused; expiry, cancellation, a withdrawn approval; the run starting, retried and ending. Each event carries
 * what its entry needs, so nothing is read back.
 */
@Component
class ApprovalAuditing {

    private final AuditAppender appender;

    ApprovalAuditing(AuditAppender appender) {
        this.appender = appender;
    }

    @EventListener
    void on(ApprovalEvent.Requested event) {
        append(
                event,
                event.requester(),
                "request.opened",
                "pending",
                event.command() + " | justification: " + event.justification() + " | plan: "
                        + String.join("; ", event.plan()) + " | approvers: " + event.approvers()
                        + ", quorum " + event.quorum());
    }

    @EventListener
    void on(ApprovalEvent.ApprovalGiven event) {
        append(
                event,
                event.approver(),
                "decision.approve",
                "recorded",
                "approval " + event.approvals() + " of " + event.quorum() + comment(event.comment()));
    }

    @EventListener
    void on(ApprovalEvent.Approved event) {
        append(
                event,
                event.approver(),
                "decision.approve",
                "approved",
                "approval " + event.approvals() + " of " + event.quorum() + "; the plan may run"
                        + comment(event.comment()));
    }

    @EventListener
    void on(ApprovalEvent.Rejected event) {
        append(
                event,
                event.approver(),
                "decision.reject",
                "rejected",
                event.reason() == null ? "no reason given" : "reason: " + event.reason());
    }

    @EventListener
    void on(ApprovalEvent.DecisionRefused event) {
        append(
                event,
                event.decider(),
                event.verdict() == Decision.Verdict.APPROVE ? "decision.approve" : "decision.reject",
                "refused",
                event.reason());
    }

    @EventListener
    void on(ApprovalEvent.Expired event) {
        append(event, null, "request.expired", "expired", "nobody decided before " + event.expiresAt());
    }

    @EventListener
    void on(ApprovalEvent.Cancelled event) {
        append(event, event.by(), "request.cancelled", "cancelled", null);
    }

    @EventListener
    void on(ApprovalEvent.ApprovalWithdrawn event) {
        append(event, event.approver(), "decision.withdrawn", "withdrawn", event.reason());
    }

    @EventListener
    void on(ApprovalEvent.ExecutionStarted event) {
        append(event, null, "run.started", "running", event.command());
    }

    @EventListener
    void on(ApprovalEvent.ExecutionRetried event) {
        append(event, event.by(), "run.retried", "retried", null);
    }

    @EventListener
    void on(RunEnded ended) {
        append(
                ended.number(),
                ended.target(),
                null,
                "run.finished",
                ended.succeeded() ? "done" : "failed",
                ended.summary());
    }

    private void append(ApprovalEvent event, Person actor, String action, String outcome, String detail) {
        append(event.number(), event.target(), actor, action, outcome, detail);
    }

    private void append(RequestId number, String target, Person actor, String action, String outcome, String detail) {
        appender.append(new AuditRecord(
                actor == null ? null : actor.aadObjectId(),
                actor == null ? AuditRecord.BOT : actor.name(),
                action,
                number.value(),
                target,
                outcome,
                detail,
                List.of(),
                null));
    }

    private static String comment(String text) {
        return text == null || text.isBlank() ? "" : "; comment: " + text;
    }
}
