package io.serviceaccountbot.approval;

import io.serviceaccountbot.approval.ApprovalRule.RuleResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The rules a decision must pass, in order; the first refusal is the answer. The same rules hold for a card click and
 * for {@code approve R-…} typed in chat.
 */
public final class ApprovalPolicy {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** Only a request waiting for approval can be decided. */
    public static final ApprovalRule MUST_BE_PENDING =
            (request, decider, now) -> request.status() == RequestStatus.PENDING
                    ? RuleResult.ALLOWED
                    : RuleResult.refused("Request " + request.number() + " is "
                            + request.status().inWords() + " already, so it can no longer be decided.");

    /** A request cannot be approved after it expired. */
    public static final ApprovalRule MUST_NOT_BE_EXPIRED =
            (request, decider, now) -> request.status() != RequestStatus.EXPIRED && now.isBefore(request.expiresAt())
                    ? RuleResult.ALLOWED
                    : RuleResult.refused("Request " + request.number() + " expired on "
                            + WHEN.format(request.expiresAt()) + "; the requester can ask again.");

    /** Only members of the approvers group decide. */
    public static final ApprovalRule MUST_BE_AN_APPROVER = (request, decider, now) -> request.isEligibleApprover(
                    decider.aadObjectId())
            ? RuleResult.ALLOWED
            : RuleResult.refused("Only members of the approvers group can decide requests, and you are not one.");

    /** Nobody approves their own request. */
    public static final ApprovalRule REQUESTER_MAY_NOT_DECIDE =
            (request, decider, now) -> request.requester().is(decider.aadObjectId())
                    ? RuleResult.refused("You asked for this yourself, so another approver has to decide it.")
                    : RuleResult.ALLOWED;

    /** The account that would gain access does not decide either. */
    public static final ApprovalRule TARGET_MAY_NOT_DECIDE = (request, decider, now) -> decider.is(
                    request.targetObjectId())
            ? RuleResult.refused("This request gives your own account access, so another approver has to decide it.")
            : RuleResult.ALLOWED;

    /** Nor does anyone who gains access through the group the request goes through. */
    public static final ApprovalRule BENEFICIARY_MAY_NOT_DECIDE =
            (request, decider, now) -> request.groupAccess().includes(decider.aadObjectId())
                    ? RuleResult.refused("This request gives you access (you are a member of group '"
                            + request.groupAccess().group() + "'), so another approver has to decide it.")
                    : RuleResult.ALLOWED;

    private final List<ApprovalRule> rules;

    public ApprovalPolicy(List<ApprovalRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every rule above. */
    public static ApprovalPolicy standard() {
        return new ApprovalPolicy(List.of(
                MUST_NOT_BE_EXPIRED,
                MUST_BE_PENDING,
                REQUESTER_MAY_NOT_DECIDE,
                TARGET_MAY_NOT_DECIDE,
                BENEFICIARY_MAY_NOT_DECIDE,
                MUST_BE_AN_APPROVER));
    }

    public RuleResult check(ApprovalRequest request, Person decider, Instant now) {
        for (ApprovalRule rule : rules) {
            RuleResult result = rule.check(request, decider, now);
            if (result instanceof RuleResult.Refused) {
                return result;
            }
        }
        return RuleResult.ALLOWED;
    }
}
