package io.serviceaccountbot.approval;

import io.serviceaccountbot.approval.ApprovalRule.RuleResult;
import io.serviceaccountbot.command.RequestFilter;
import io.serviceaccountbot.command.RequestId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Opens, decides, cancels, expires and executes approval requests, and publishes every transition as an event in the
 * transaction that saves it. Decisions are safe under concurrency: a save that loses a race reloads the request and decides again,
 * so a click delivered ten times, to two replicas at once, records one decision.
 */
public class Approvals {

    private static final int ATTEMPTS = 5;

    private final ApprovalRequests requests;
    private final ApproverDirectory approvers;
    private final ApprovalProperties properties;
    private final ApprovalPolicy policy;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;

    /**
     * @param transactions each change is saved, and its events published, in one transaction of these: the audit log
     *     appends its entries for the events in it, so a change is never saved without its entries
     */
    public Approvals(
            ApprovalRequests requests,
            ApproverDirectory approvers,
            ApprovalProperties properties,
            ApprovalPolicy policy,
            Clock clock,
            ApplicationEventPublisher events,
            TransactionOperations transactions) {
        this.transactions = transactions;
        this.requests = requests;
        this.approvers = approvers;
        this.properties = properties;
        this.policy = policy;
        this.clock = clock;
        this.events = events;
    }

    /** Opens a request; the people who may approve it are the approvers the directory names now. */
    public ApprovalRequest open(ApprovalRequest.Draft draft) {
        ApprovalRequest request = ApprovalRequest.open(
                draft, clock.instant(), properties.expiry(), properties.quorum(), approvers.approvers());
        return saveAndPublish(request);
    }

    /**
     * Records an approval or rejection. {@code cardVersion} is the version on the clicked card, or null for a command
     * typed in chat; a click on an old card changes nothing.
     */
    public DecisionResult decide(
            RequestId number, Person decider, Decision.Verdict verdict, String comment, Integer cardVersion) {
        for (int attempt = 1; ; attempt++) {
            Optional<ApprovalRequest> found = requests.byNumber(number);
            if (found.isEmpty()) {
                return new DecisionResult(DecisionResult.Kind.NOT_FOUND, null, "There is no request " + number + ".");
            }
            ApprovalRequest request = found.get();
            if (cardVersion != null && cardVersion != request.cardVersion()) {
                return new DecisionResult(
                        DecisionResult.Kind.STALE_CARD,
                        request,
                        "That card was out of date; here is request " + number + " as it stands now.");
            }
            ApprovalRequest.DecisionOutcome outcome =
                    request.decide(decider, verdict, comment, clock.instant(), policy);
            try {
                return answer(request, outcome, decider, verdict);
            } catch (RequestChangedConcurrently lostRace) {
                if (attempt >= ATTEMPTS) {
                    throw lostRace;
                }
            }
        }
    }

    private DecisionResult answer(
            ApprovalRequest request,
            ApprovalRequest.DecisionOutcome outcome,
            Person decider,
            Decision.Verdict verdict) {
        if (outcome instanceof ApprovalRequest.DecisionOutcome.Recorded recorded) {
            ApprovalRequest saved = saveAndPublish(request);
            String message = switch (recorded.status()) {
                case APPROVED -> "You approved request " + saved.number() + ". It will now be carried out.";
                case REJECTED -> "You rejected request " + saved.number() + ".";
                default ->
                    "You approved request " + saved.number() + "; it needs " + (saved.quorum() - saved.approvals())
                            + " more approval(s).";
            };
            return new DecisionResult(DecisionResult.Kind.RECORDED, saved, message);
        }
        if (request.hasUnsavedEvents()) {
            request = saveAndPublish(request);
        }
        if (outcome instanceof ApprovalRequest.DecisionOutcome.AlreadyDecided already) {
            return new DecisionResult(
                    DecisionResult.Kind.ALREADY_DECIDED,
                    request,
                    "You " + (already.earlier().verdict() == Decision.Verdict.APPROVE ? "approved" : "rejected")
                            + " request " + request.number() + " already.");
        }
        String reason = ((ApprovalRequest.DecisionOutcome.Refused) outcome).reason();
        events.publishEvent(new ApprovalEvent.DecisionRefused(
                request.id(), request.number(), request.target(), decider, verdict, reason));
        return new DecisionResult(DecisionResult.Kind.REFUSED, request, reason);
    }

    /** Withdraws a pending request; only its requester may. */
    public ApprovalRequest cancel(RequestId number, Person by) {
        return change(number, request -> {
            request.cancel(by);
            return request;
        });
    }

    public Optional<ApprovalRequest> find(RequestId number) {
        return requests.byNumber(number);
    }

    public Optional<ApprovalRequest> find(ApprovalRequestId id) {
        return requests.byId(id);
    }

    /** Requests for {@code requests [mine|pending|all]}, newest first. */
    public List<ApprovalRequest> list(RequestFilter filter, Person viewer, int limit) {
        return requests.list(filter, viewer.aadObjectId(), limit);
    }

    /**
     * The pending requests this person may decide now, oldest first, for an approver who could not be reached when
     * they opened: the approval rules allow them, as they would allow a click (an eligible approver of the request's
     * snapshot, not the requester or the target, not decided yet, not expired), and the directory, asked now, says
     * they are still an approver. Someone added to the approvers group after a request opened is not in its snapshot
     * and may not decide it, so it is not theirs. The directory is asked only when there is something to decide; when
     * it cannot answer, its exception is passed on.
     */
    public List<ApprovalRequest> awaitingDecisionBy(String aadObjectId) {
        if (aadObjectId == null || aadObjectId.isBlank()) {
            return List.of();
        }
        Person person = new Person(aadObjectId, null);
        List<ApprovalRequest> theirs = requests.pendingWithEligibleApprover(aadObjectId).stream()
                .filter(request -> request.decisionOf(person).isEmpty())
                .filter(request -> policy.check(request, person, clock.instant()) instanceof RuleResult.Allowed)
                .toList();
        if (theirs.isEmpty() || !approvers.isApprover(aadObjectId)) {
            return List.of();
        }
        return theirs;
    }

    /** Expires every pending request whose time is up; returns how many. */
    public int expireDue() {
        int expired = 0;
        for (ApprovalRequest request : requests.pendingExpiredBy(clock.instant())) {
            try {
                if (request.expireIfDue(clock.instant())) {
                    saveAndPublish(request);
                    expired++;
                }
            } catch (RequestChangedConcurrently decidedMeanwhile) {
                // someone decided it, or another replica expired it first
            }
        }
        return expired;
    }

    /**
     * Starts executing an approved request, after checking with the directory that each approver may still approve;
     * an approval whose approver left the approvers group is withdrawn and the request waits again. A request that is
     * executing already (its run was interrupted, or is taken over from a replica that stopped) is returned as it is,
     * to be resumed. Empty when the request must not run (any longer).
     */
    public Optional<ApprovalRequest> startOrResume(ApprovalRequestId id) {
        ApprovalRequest request = requests.byId(id).orElse(null);
        if (request == null) {
            return Optional.empty();
        }
        if (request.status() == RequestStatus.EXECUTING) {
            return Optional.of(request);
        }
        if (request.status() != RequestStatus.APPROVED) {
            return Optional.empty();
        }
        withdrawApprovalsOfFormerApprovers(request);
        if (request.status() != RequestStatus.APPROVED) {
            saveAndPublish(request);
            return Optional.empty();
        }
        request.startExecution();
        try {
            return Optional.of(saveAndPublish(request));
        } catch (RequestChangedConcurrently startedElsewhere) {
            return Optional.empty();
        }
    }

    /**
     * Runs a failed request's plan again from the step where it stopped, if its approvers are all still approvers;
     * otherwise it is refused with the reason and nothing changes.
     *
     * @throws UnknownRequest when there is no such request
     * @throws IllegalRequestMove when it has not failed
     */
    public RetryResult retry(RequestId number, Person by) {
        ApprovalRequest found = requests.byNumber(number).orElseThrow(() -> new UnknownRequest(number));
        List<String> gone = found.status() != RequestStatus.FAILED
                ? List.of()
                : found.decisions().stream()
                        .filter(decision -> decision.verdict() == Decision.Verdict.APPROVE)
                        .filter(decision ->
                                !approvers.isApprover(decision.approver().aadObjectId()))
                        .map(decision -> decision.approver().name())
                        .toList();
        if (!gone.isEmpty()) {
            return new RetryResult(
                    found,
                    String.join(", ", gone) + (gone.size() == 1 ? " is" : " are")
                            + " no longer in the approvers group, so the approval no longer holds. Ask again to have"
                            + " it approved anew.");
        }
        return new RetryResult(
                change(number, request -> {
                    request.retryExecution(by);
                    return request;
                }),
                null);
    }

    /**
     * What became of a retry.
     *
     * @param request the request, executing again unless refused
     * @param refusal why it was not retried; null when it was
     */
    public record RetryResult(ApprovalRequest request, String refusal) {}

    /** The approved requests whose plan has not run yet, and those being carried out, oldest first. */
    public List<ApprovalRequestId> awaitingExecution() {
        return requests.idsInStatus(java.util.EnumSet.of(RequestStatus.APPROVED, RequestStatus.EXECUTING));
    }

    private void withdrawApprovalsOfFormerApprovers(ApprovalRequest request) {
        for (Decision decision : request.decisions()) {
            if (decision.verdict() == Decision.Verdict.APPROVE
                    && !approvers.isApprover(decision.approver().aadObjectId())) {
                request.withdrawApproval(
                        decision.approver(), decision.approver().name() + " is no longer in the approvers group");
            }
        }
    }

    /** Records how the execution ended. */
    public ApprovalRequest finishExecution(ApprovalRequestId id, boolean succeeded, String summary) {
        ApprovalRequest request = requests.byId(id).orElseThrow(() -> new IllegalArgumentException("no request " + id));
        request.finishExecution(succeeded, summary);
        return saveAndPublish(request);
    }

    private ApprovalRequest change(RequestId number, Function<ApprovalRequest, ApprovalRequest> change) {
        for (int attempt = 1; ; attempt++) {
            ApprovalRequest request = requests.byNumber(number).orElseThrow(() -> new UnknownRequest(number));
            try {
                return saveAndPublish(change.apply(request));
            } catch (RequestChangedConcurrently lostRace) {
                if (attempt >= ATTEMPTS) {
                    throw lostRace;
                }
            }
        }
    }

    /**
     * Saves the request and publishes its events in one transaction: what listens in the transaction (the audit log)
     * is written with the change or not at all, and what listens after it (the cards, the runs) hears of it once it is
     * committed.
     */
    private ApprovalRequest saveAndPublish(ApprovalRequest request) {
        List<ApprovalEvent> raised = request.pullEvents();
        return transactions.execute(status -> {
            ApprovalRequest saved = requests.save(request);
            raised.forEach(events::publishEvent);
            return saved;
        });
    }
}
