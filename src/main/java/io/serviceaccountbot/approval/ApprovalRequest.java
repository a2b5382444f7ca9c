package io.serviceaccountbot.approval;

import io.serviceaccountbot.approval.ApprovalRule.RuleResult;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.command.RequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A request to run a privileged command, and everything decided about it. Transitions are methods that check the
 * current state, refuse an illegal move, and register an event; a card shows {@link #cardVersion()}, which changes
 * with every transition, so a click on an old copy of the card is recognised.
 */
public final class ApprovalRequest {

    private final ApprovalRequestId id;
    private final RequestId number;
    private final Draft draft;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final int quorum;
    private final Set<String> eligibleApprovers;
    private final List<Decision> decisions;
    private RequestStatus status;
    private String outcome;
    private int cardVersion;
    private final long version;
    private final List<ApprovalEvent> events = new ArrayList<>();

    private ApprovalRequest(
            ApprovalRequestId id,
            RequestId number,
            Draft draft,
            Instant createdAt,
            Instant expiresAt,
            int quorum,
            Set<String> eligibleApprovers,
            List<Decision> decisions,
            RequestStatus status,
            String outcome,
            int cardVersion,
            long version) {
        this.id = id;
        this.number = number;
        this.draft = draft;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.quorum = quorum;
        this.eligibleApprovers = lowerCase(eligibleApprovers);
        this.decisions = new ArrayList<>(decisions);
        this.status = status;
        this.outcome = outcome;
        this.cardVersion = cardVersion;
        this.version = version;
    }

    /** Opens a request, waiting for {@code quorum} of the eligible approvers until {@code now + expiry}. */
    static ApprovalRequest open(Draft draft, Instant now, Duration expiry, int quorum, Set<String> eligibleApprovers) {
        ApprovalRequest request = new ApprovalRequest(
                ApprovalRequestId.random(),
                RequestNumbers.next(),
                draft,
                now,
                now.plus(expiry),
                Math.max(1, quorum),
                eligibleApprovers,
                List.of(),
                RequestStatus.PENDING,
                null,
                1,
                0);
        request.events.add(new ApprovalEvent.Requested(
                request.id,
                request.number,
                draft.target(),
                draft.requester(),
                request.commandText(),
                draft.justification(),
                draft.plan(),
                request.eligibleApprovers.size(),
                request.quorum));
        return request;
    }

    /** A request as stored; for the repository. */
    static ApprovalRequest restore(
            ApprovalRequestId id,
            RequestId number,
            Draft draft,
            Instant createdAt,
            Instant expiresAt,
            int quorum,
            Set<String> eligibleApprovers,
            List<Decision> decisions,
            RequestStatus status,
            String outcome,
            int cardVersion,
            long version) {
        return new ApprovalRequest(
                id,
                number,
                draft,
                createdAt,
                expiresAt,
                quorum,
                eligibleApprovers,
                decisions,
                status,
                outcome,
                cardVersion,
                version);
    }

    /**
     * Records an approver's verdict if the policy allows it. A second click by someone who decided already changes
     * nothing and says so.
     */
    public DecisionOutcome decide(
            Person decider, Decision.Verdict verdict, String comment, Instant now, ApprovalPolicy policy) {
        Optional<Decision> earlier = decisionOf(decider);
        if (earlier.isPresent()) {
            return new DecisionOutcome.AlreadyDecided(earlier.get());
        }
        expireIfDue(now);
        RuleResult allowed = policy.check(this, decider, now);
        if (allowed instanceof RuleResult.Refused refused) {
            return new DecisionOutcome.Refused(refused.reason());
        }
        Decision decision = new Decision(decider, verdict, blankToNull(comment), now);
        decisions.add(decision);
        cardVersion++;
        if (verdict == Decision.Verdict.REJECT) {
            status = RequestStatus.REJECTED;
            events.add(new ApprovalEvent.Rejected(id, number, target(), decider, decision.comment(), createdAt));
        } else if (approvals() >= quorum) {
            status = RequestStatus.APPROVED;
            events.add(new ApprovalEvent.Approved(
                    id, number, target(), decider, decision.comment(), approvals(), quorum, createdAt));
        } else {
            events.add(new ApprovalEvent.ApprovalGiven(
                    id, number, target(), decider, decision.comment(), approvals(), quorum));
        }
        return new DecisionOutcome.Recorded(decision, status);
    }

    /** Withdraws a pending request, or abandons a failed one; only its requester may. */
    public void cancel(Person by) {
        if (status != RequestStatus.PENDING && status != RequestStatus.FAILED) {
            throw new IllegalRequestMove(this, "be cancelled");
        }
        if (!draft.requester().is(by.aadObjectId())) {
            throw new NotTheRequester(this);
        }
        status = RequestStatus.CANCELLED;
        cardVersion++;
        events.add(new ApprovalEvent.Cancelled(id, number, target(), by, createdAt));
    }

    /** Expires a pending request whose time is up; true when it did. */
    public boolean expireIfDue(Instant now) {
        if (status != RequestStatus.PENDING || now.isBefore(expiresAt)) {
            return false;
        }
        status = RequestStatus.EXPIRED;
        cardVersion++;
        events.add(new ApprovalEvent.Expired(id, number, target(), expiresAt, createdAt));
        return true;
    }

    /**
     * Takes back an approval whose approver is no longer allowed to approve (checked against the directory before
     * anything runs): the request waits for approval again.
     */
    public void withdrawApproval(Person approver, String reason) {
        if (status != RequestStatus.APPROVED && status != RequestStatus.PENDING) {
            throw new IllegalRequestMove(this, "have an approval withdrawn");
        }
        if (decisions.removeIf(decision -> decision.approver().is(approver.aadObjectId()))) {
            status = RequestStatus.PENDING;
            cardVersion++;
            events.add(new ApprovalEvent.ApprovalWithdrawn(id, number, target(), approver, reason));
        }
    }

    /** The approved plan starts to run. */
    public void startExecution() {
        if (status != RequestStatus.APPROVED) {
            throw new IllegalRequestMove(this, "start executing");
        }
        status = RequestStatus.EXECUTING;
        cardVersion++;
        events.add(new ApprovalEvent.ExecutionStarted(id, number, target(), commandText()));
    }

    /** A failed plan runs again from the step where it stopped, once the cause is fixed. */
    public void retryExecution(Person by) {
        if (status != RequestStatus.FAILED) {
            throw new IllegalRequestMove(this, "be retried");
        }
        status = RequestStatus.EXECUTING;
        outcome = null;
        cardVersion++;
        events.add(new ApprovalEvent.ExecutionRetried(id, number, target(), by));
    }

    /** The plan ran to its end, or stopped; the run announces it, with its report, rather than the request. */
    public void finishExecution(boolean succeeded, String summary) {
        if (status != RequestStatus.EXECUTING) {
            throw new IllegalRequestMove(this, "finish executing");
        }
        status = succeeded ? RequestStatus.DONE : RequestStatus.FAILED;
        outcome = summary;
        cardVersion++;
    }

    /** The events raised since the request was loaded, in order; the repository publishes them after saving. */
    List<ApprovalEvent> pullEvents() {
        List<ApprovalEvent> raised = List.copyOf(events);
        events.clear();
        return raised;
    }

    /** Whether a transition happened since the request was loaded (e.g. it expired while being decided). */
    boolean hasUnsavedEvents() {
        return !events.isEmpty();
    }

    boolean isEligibleApprover(String aadObjectId) {
        return aadObjectId != null && eligibleApprovers.contains(aadObjectId.toLowerCase(Locale.ROOT));
    }

    public long approvals() {
        return decisions.stream()
                .filter(decision -> decision.verdict() == Decision.Verdict.APPROVE)
                .count();
    }

    public Optional<Decision> decisionOf(Person person) {
        return decisions.stream()
                .filter(decision -> decision.approver().is(person.aadObjectId()))
                .findFirst();
    }

    public ApprovalRequestId id() {
        return id;
    }

    public RequestId number() {
        return number;
    }

    /** The privileged command, parsed once when it was asked: what the plan runs and the card shows. */
    public Command.Privileged command() {
        return draft.command();
    }

    /** The command as the canonical text that parses back to it, for people and the audit log to read. */
    public String commandText() {
        return CommandText.of(draft.command());
    }

    public List<String> plan() {
        return draft.plan();
    }

    public Person requester() {
        return draft.requester();
    }

    public String target() {
        return draft.target();
    }

    public String targetObjectId() {
        return draft.targetObjectId();
    }

    public String justification() {
        return draft.justification();
    }

    /** The members of an existing group who gain access with this request, as planned. */
    public GroupAccess groupAccess() {
        return draft.groupAccess();
    }

    /** Whether this person gains access with the request: its target, or a member of the group it goes through. */
    public boolean givesAccessTo(String aadObjectId) {
        return aadObjectId != null
                && (aadObjectId.equalsIgnoreCase(String.valueOf(draft.targetObjectId()))
                        || draft.groupAccess().includes(aadObjectId));
    }

    /**
     * The eligible approvers who may decide at all: not the requester, and nobody who gains access with the request.
     * When they are fewer than the quorum, the request cannot be approved.
     */
    public List<String> possibleDeciders() {
        return eligibleApprovers.stream()
                .filter(approver -> !draft.requester().is(approver))
                .filter(approver -> !givesAccessTo(approver))
                .sorted()
                .toList();
    }

    public Draft draft() {
        return draft;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int quorum() {
        return quorum;
    }

    public Set<String> eligibleApprovers() {
        return eligibleApprovers;
    }

    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    public RequestStatus status() {
        return status;
    }

    /** What the execution did, once it ended; otherwise null. */
    public String outcome() {
        return outcome;
    }

    public int cardVersion() {
        return cardVersion;
    }

    /** The stored version, for optimistic concurrency: a save fails when someone else saved in between. */
    public long version() {
        return version;
    }

    private static Set<String> lowerCase(Set<String> ids) {
        return ids.stream()
                .map(id -> id.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * What is asked for, before anyone decided.
     *
     * @param command the privileged command, as parsed
     * @param plan every step the command would take, in words
     * @param requester who asked
     * @param target the account (or app) that would gain or lose access
     * @param targetObjectId the target's Entra object id when known, so it cannot approve for itself; otherwise null
     * @param justification why, in the requester's words
     * @param groupAccess the members of an existing group who gain access too; {@link GroupAccess#none()} when none
     */
    public record Draft(
            Command.Privileged command,
            List<String> plan,
            Person requester,
            String target,
            String targetObjectId,
            String justification,
            GroupAccess groupAccess) {

        public Draft {
            Objects.requireNonNull(command, "command");
            plan = List.copyOf(plan);
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(justification, "justification");
            groupAccess = groupAccess == null ? GroupAccess.none() : groupAccess;
        }

        /** A draft where only the target gains access. */
        public Draft(
                Command.Privileged command,
                List<String> plan,
                Person requester,
                String target,
                String targetObjectId,
                String justification) {
            this(command, plan, requester, target, targetObjectId, justification, GroupAccess.none());
        }
    }

    /** What became of a decision. */
    public sealed interface DecisionOutcome {

        /** The decision counts; the request is now in {@code status}. */
        record Recorded(Decision decision, RequestStatus status) implements DecisionOutcome {}

        /** A rule refused it; nothing changed. */
        record Refused(String reason) implements DecisionOutcome {}

        /** This person decided already (a repeated click); nothing changed. */
        record AlreadyDecided(Decision earlier) implements DecisionOutcome {}
    }
}
