package io.serviceaccountbot.plans;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.GroupAccess;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.command.Command;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The use case "request a privileged change" (grant or revoke impersonation, set up Exchange sync, grant app access),
 * once the caller's roles allow it: the command's plan is checked against the organisation first, and a plan that
 * cannot work here is refused, before anyone is asked; a plan that can work needs a justification, and then becomes
 * an approval request holding the typed command, its steps, its target and everyone who gains access through an
 * existing group. A grant that says nothing of how long it lasts gets the configured default first ({@link
 * GrantTerms}).
 */
public class PrivilegedChangeRequests {

    private final ObjectProvider<Plans> plans;
    private final Approvals approvals;
    private final GrantTerms terms;

    PrivilegedChangeRequests(ObjectProvider<Plans> plans, Approvals approvals, GrantTerms terms) {
        this.plans = plans;
        this.approvals = approvals;
        this.terms = terms;
    }

    /** What became of asking. */
    public sealed interface Asked {

        /** This build of the bot cannot plan the command; nothing was opened. */
        record CannotPlan() implements Asked {}

        /** The plan cannot work in this organisation; nothing was opened. */
        record Refused(PlanPreview.Refused refusal) implements Asked {}

        /** The plan can work but the command says no reason; nothing was opened yet. */
        record NeedsJustification(PlanPreview.Ready plan) implements Asked {}

        /** The approval request was opened and waits for approvers. */
        record Opened(ApprovalRequest request) implements Asked {}
    }

    /**
     * Plans {@code command} and, when it can run and says why, opens its approval request for the requester (looked
     * up only then).
     */
    public Asked ask(Command.Privileged asked, Supplier<Person> requester) {
        Command.Privileged command = terms.withDefault(asked);
        Plans planner = plans.getIfAvailable();
        if (planner == null) {
            return new Asked.CannotPlan();
        }
        PlanPreview preview = planner.preview(command);
        if (preview instanceof PlanPreview.Refused refused) {
            return new Asked.Refused(refused);
        }
        PlanPreview.Ready plan = (PlanPreview.Ready) preview;
        if (command.justification().isEmpty()) {
            return new Asked.NeedsJustification(plan);
        }
        return new Asked.Opened(approvals.open(new ApprovalRequest.Draft(
                command,
                plan.steps(),
                requester.get(),
                plan.target(),
                plan.targetObjectId(),
                command.justification().get(),
                groupAccess(plan))));
    }

    /** The plan's group and its members, as the request keeps them. */
    static GroupAccess groupAccess(PlanPreview.Ready plan) {
        PlanPreview.ThroughGroup through = plan.throughGroup();
        if (through == null || through.members().isEmpty()) {
            return GroupAccess.none();
        }
        return new GroupAccess(
                through.group(),
                through.members().stream()
                        .map(member -> new Person(member.id(), member.name()))
                        .toList());
    }
}
