package io.serviceaccountbot.approval;

import io.serviceaccountbot.command.RequestId;
import java.time.Instant;
import java.util.List;

/**
 * What happened to an approval request, one family: every event names its request by id, number and target, so a
 * listener that follows requests listens to {@code ApprovalEvent} and reads {@link #number()} instead of telling the
 * kinds apart, and each carries what the audit log records of it, so no listener has to read the request back.
 * The aggregate raises them ({@link ApprovalRequest}), and {@link Approvals} publishes them once the change is saved.
 */
public sealed interface ApprovalEvent {

    /** The request's id. */
    ApprovalRequestId id();

    /** The request's number, as its cards and the chat show it. */
    RequestId number();

    /** The account (or app) that would gain or lose access. */
    String target();

    /**
     * An outcome of the request itself (approved, rejected, expired, cancelled), with when the request was opened, so
     * that how long it waited can be measured.
     */
    sealed interface Outcome extends ApprovalEvent permits Approved, Rejected, Expired, Cancelled {

        /** When the request was opened. */
        Instant openedAt();

        /** The status the request ended its wait in. */
        RequestStatus status();
    }

    /** A request was opened and waits for {@code quorum} of its {@code approvers} eligible approvers. */
    record Requested(
            ApprovalRequestId id,
            RequestId number,
            String target,
            Person requester,
            String command,
            String justification,
            List<String> plan,
            int approvers,
            int quorum)
            implements ApprovalEvent {

        public Requested {
            plan = List.copyOf(plan);
        }
    }

    /** An approver approved, with their comment if any, and more approvals are needed. */
    record ApprovalGiven(
            ApprovalRequestId id,
            RequestId number,
            String target,
            Person approver,
            String comment,
            long approvals,
            int quorum)
            implements ApprovalEvent {}

    /**
     * Someone tried to decide and a rule refused it (not an approver, the requester, the target, too late); nothing
     * changed. Published for the audit log: a refused click is worth knowing about.
     */
    record DecisionRefused(
            ApprovalRequestId id,
            RequestId number,
            String target,
            Person decider,
            Decision.Verdict verdict,
            String reason)
            implements ApprovalEvent {}

    /** Enough approvers approved, the last of them {@code approver}: the plan may run. */
    record Approved(
            ApprovalRequestId id,
            RequestId number,
            String target,
            Person approver,
            String comment,
            long approvals,
            int quorum,
            Instant openedAt)
            implements Outcome {

        @Override
        public RequestStatus status() {
            return RequestStatus.APPROVED;
        }
    }

    /** An approver rejected the request. */
    record Rejected(
            ApprovalRequestId id, RequestId number, String target, Person approver, String reason, Instant openedAt)
            implements Outcome {

        @Override
        public RequestStatus status() {
            return RequestStatus.REJECTED;
        }
    }

    /** Nobody decided before {@code expiresAt}. */
    record Expired(ApprovalRequestId id, RequestId number, String target, Instant expiresAt, Instant openedAt)
            implements Outcome {

        @Override
        public RequestStatus status() {
            return RequestStatus.EXPIRED;
        }
    }

    /** The requester withdrew the request. */
    record Cancelled(ApprovalRequestId id, RequestId number, String target, Person by, Instant openedAt)
            implements Outcome {

        @Override
        public RequestStatus status() {
            return RequestStatus.CANCELLED;
        }
    }

    /** An approval was taken back because its approver may no longer approve. */
    record ApprovalWithdrawn(ApprovalRequestId id, RequestId number, String target, Person approver, String reason)
            implements ApprovalEvent {}

    /** The plan of {@code command} started to run. */
    record ExecutionStarted(ApprovalRequestId id, RequestId number, String target, String command)
            implements ApprovalEvent {}

    /** A failed plan was started again. */
    record ExecutionRetried(ApprovalRequestId id, RequestId number, String target, Person by)
            implements ApprovalEvent {}
}
