package io.serviceaccountbot.execution;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.plans.PlanPreview;
import io.serviceaccountbot.plans.ProvisioningReport;
import io.serviceaccountbot.plans.Runbook;
import io.serviceaccountbot.plans.StepOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an approval covers, for a run that resumes after an earlier attempt (a retry, or a run picked up after a crash):
 * the plan is drafted again from the tenant as it is, and it may run only as far as it stays within the plan the
 * approvers read. It stays within it when
 *
 * <ul>
 *   <li>its target is the object the approvers saw, when they saw one (an account or application that was deleted and
 *       made again by someone else under the same name is another object), and
 *   <li>every one of its steps is a step the approvers read, word for word (a step's words name the account, group,
 *       role group, role, scope and application it acts on), or the same step in the words it had before an earlier
 *       attempt did it ("Use the existing account" for the account this bot created when approvers read "Create the
 *       user").
 * </ul>
 *
 * Steps may be fewer, or in another order, and a step may run again: creating the same named account, group or role
 * group again is what was approved. A revoke only takes access away, so its fresh plan runs as drafted.
 */
final class ApprovedScope {

    private ApprovedScope() {}

    /** How the fresh runbook goes beyond the approved plan, in words that follow "the plan would now …"; else empty. */
    static Optional<String> beyond(ApprovalRequest request, Command.Privileged command, Runbook runbook) {
        if (command instanceof Command.RevokeImpersonation) {
            return Optional.empty();
        }
        PlanPreview.Ready fresh = runbook.preview();
        String approvedId = request.targetObjectId();
        if (approvedId != null && !approvedId.equalsIgnoreCase(fresh.targetObjectId())) {
            return Optional.of("act on "
                    + (fresh.targetObjectId() == null
                            ? "an object that does not exist yet"
                            : "the object " + fresh.targetObjectId())
                    + " rather than the approved " + request.target() + " (object " + approvedId + ")");
        }
        List<String> approved = request.plan();
        for (Runbook.Step step : runbook.steps()) {
            boolean read = approved.contains(step.words())
                    || (step.alsoApprovedAs() != null && approved.contains(step.alsoApprovedAs()));
            if (!read) {
                return Optional.of("include a step the approvers did not see: " + step.words());
            }
        }
        return Optional.empty();
    }

    /** The report of a run that stopped because of {@link #beyond}: nothing done, the fresh plan shown as skipped. */
    static ProvisioningReport refused(ApprovalRequest request, Runbook runbook, String beyond) {
        List<StepOutcome> outcomes = new ArrayList<>();
        outcomes.add(StepOutcome.failed(
                "The tenant has changed since " + request.number().value() + " was approved: planned again from the"
                        + " tenant as it is now, it would " + beyond,
                "Nothing was changed. This needs a new approval: type the command again (" + request.commandText()
                        + ")."));
        runbook.steps().forEach(step -> outcomes.add(StepOutcome.skipped(step.words())));
        return new ProvisioningReport(runbook.title(), outcomes, null);
    }
}
