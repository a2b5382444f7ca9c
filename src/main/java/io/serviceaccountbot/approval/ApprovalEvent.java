package io.serviceaccountbot.approval;

import io.serviceaccountbot.command.RequestId;

/**
 * What happened to an approval request, one family: every event names its request by id and by number, so a listener
 * that follows requests listens to {@code ApprovalEvent} and reads {@link #number()} instead of telling the kinds apart.
 * The aggregate raises them ({@link ApprovalRequest}), and {@link Approvals} publishes them once the change is saved.
 */
public sealed interface ApprovalEvent {

    /** The request's id. */
    ApprovalRequestId id();

    /** The request's number, as its cards and the chat show it. */
    RequestId number();

    /** A request was opened and waits for approvers. */
    record Requested(ApprovalRequestId id, RequestId number) implements ApprovalEvent {}

    /** An approver approved, and more approvals are needed. */
    record ApprovalGiven(ApprovalRequestId id, RequestId number, Person approver, long approvals, int quorum)
            implements ApprovalEvent {}

    /**
     * Someone tried to decide and a rule refused it (not an approver, the requester, the target, too late); nothing
     * changed. Published for the audit log: a refused click is worth knowing about.
     */
    record DecisionRefused(
            ApprovalRequestId id, RequestId number, Person decider, Decision.Verdict verdict, String reason)
            implements ApprovalEvent {}

    /** Enough approvers approved: the plan may run. */
    record Approved(ApprovalRequestId id, RequestId number) implements ApprovalEvent {}

    /** An approver rejected the request. */
    record Rejected(ApprovalRequestId id, RequestId number, Person approver, String reason) implements ApprovalEvent {}

    /** Nobody decided in time. */
    record Expired(ApprovalRequestId id, RequestId number) implements ApprovalEvent {}

    /** The requester withdrew the request. */
    record Cancelled(ApprovalRequestId id, RequestId number, Person by) implements ApprovalEvent {}

    /** An approval was taken back because its approver may no longer approve. */
    record ApprovalWithdrawn(ApprovalRequestId id, RequestId number, Person approver, String reason)
            implements ApprovalEvent {}

    /** The plan started to run. */
    record ExecutionStarted(ApprovalRequestId id, RequestId number) implements ApprovalEvent {}

    /** A failed plan was started again. */
    record ExecutionRetried(ApprovalRequestId id, RequestId number, Person by) implements ApprovalEvent {}
}
