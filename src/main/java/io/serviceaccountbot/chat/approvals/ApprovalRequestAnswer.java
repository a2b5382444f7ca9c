package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.chat.Caller;
import io.serviceaccountbot.chat.CommandAnswer;
import io.serviceaccountbot.chat.DirectoryPeople;
import io.serviceaccountbot.chat.GroupAccessWords;
import io.serviceaccountbot.chat.JustificationCard;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.provisioning.PlanPreview;
import io.serviceaccountbot.provisioning.Plans;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A privileged command (grant or revoke impersonation, setup exchange sync, grant app access), once the caller's
 * roles allow it: the plan is checked against the organisation first, and a plan that cannot work here is refused
 * with the alternative, before anyone is asked. A plan that can work needs a justification (asked for on a card when
 * missing), and then becomes an approval request: the requester gets the "waiting for approval" card in the
 * conversation where they asked, and the approvers get theirs.
 */
@Component
class ApprovalRequestAnswer implements CommandAnswer<Command.Privileged> {

    private final ObjectProvider<Plans> plans;
    private final Approvals approvals;
    private final ApprovalCardDelivery delivery;
    private final ApprovalCardViews views;
    private final RequesterCardNotes notes;
    private final DirectoryPeople people;

    ApprovalRequestAnswer(
            ObjectProvider<Plans> plans,
            Approvals approvals,
            ApprovalCardDelivery delivery,
            ApprovalCardViews views,
            RequesterCardNotes notes,
            DirectoryPeople people) {
        this.plans = plans;
        this.approvals = approvals;
        this.delivery = delivery;
        this.views = views;
        this.notes = notes;
        this.people = people;
    }

    @Override
    public Class<Command.Privileged> commandType() {
        return Command.Privileged.class;
    }

    @Override
    public BotMessage answer(Command.Privileged command, Caller caller) {
        Plans planner = plans.getIfAvailable();
        if (planner == null) {
            return BotMessage.text("**" + UserText.forMarkdown(CommandText.of(command))
                    + "** is not available yet: this build of the bot" + " cannot plan it. Nothing was changed.");
        }
        PlanPreview preview = planner.preview(command);
        if (preview instanceof PlanPreview.Refused refused) {
            return BotMessage.text(UserText.forMarkdown(refused.reason())
                    + (refused.alternative() == null
                            ? ""
                            : "\n\nWhat works here instead:\n\n" + UserText.inCodeSpan(refused.alternative()))
                    + "\n\nI did not open an approval request, and nothing was changed.");
        }
        PlanPreview.Ready plan = (PlanPreview.Ready) preview;
        if (command.justification().isEmpty()) {
            return JustificationCard.ask(command, plan);
        }
        ApprovalRequest request = approvals.open(new ApprovalRequest.Draft(
                command,
                plan.steps(),
                people.of(caller),
                plan.target(),
                plan.targetObjectId(),
                command.justification().get(),
                GroupAccessWords.of(plan)));
        ApprovalRecipients.Recipients recipients = delivery.recipientsOf(request);
        return views.message(request, views.shared(request, notes.of(request, recipients)))
                .afterDelivery((asked, activityId) -> delivery.deliver(request, recipients, asked, activityId));
    }
}
