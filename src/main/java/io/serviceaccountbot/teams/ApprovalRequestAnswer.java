package io.serviceaccountbot.teams;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.provisioning.Directory;
import io.serviceaccountbot.provisioning.DirectoryUser;
import io.serviceaccountbot.provisioning.PlanPreview;
import io.serviceaccountbot.provisioning.Plans;
import io.serviceaccountbot.provisioning.TenantException;
import java.util.ArrayList;
import java.util.List;
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

    /** How many unreachable approvers are named on the requester's card; each name is one directory lookup. */
    private static final int NAMED_UNREACHABLE = 5;

    private final ObjectProvider<Plans> plans;
    private final Approvals approvals;
    private final ApprovalCardDelivery delivery;
    private final ApprovalCardViews views;
    private final Directory directory;

    ApprovalRequestAnswer(
            ObjectProvider<Plans> plans,
            Approvals approvals,
            ApprovalCardDelivery delivery,
            ApprovalCardViews views,
            Directory directory) {
        this.plans = plans;
        this.approvals = approvals;
        this.delivery = delivery;
        this.views = views;
        this.directory = directory;
    }

    @Override
    public Class<Command.Privileged> commandType() {
        return Command.Privileged.class;
    }

    @Override
    public BotMessage answer(Command.Privileged command, Caller caller) {
        Plans planner = plans.getIfAvailable();
        if (planner == null) {
            return BotMessage.text("**" + CommandText.of(command) + "** is not available yet: this build of the bot"
                    + " cannot plan it. Nothing was changed.");
        }
        PlanPreview preview = planner.preview(command);
        if (preview instanceof PlanPreview.Refused refused) {
            return BotMessage.text(refused.reason()
                    + (refused.alternative() == null
                            ? ""
                            : "\n\nWhat works here instead:\n\n`" + refused.alternative() + "`")
                    + "\n\nI did not open an approval request, and nothing was changed.");
        }
        PlanPreview.Ready plan = (PlanPreview.Ready) preview;
        if (command.justification().isEmpty()) {
            return JustificationCard.ask(command, plan);
        }
        ApprovalRequest request = approvals.open(new ApprovalRequest.Draft(
                CommandText.of(command),
                plan.steps(),
                new Person(caller.aadObjectId(), caller.name()),
                plan.target(),
                plan.targetObjectId(),
                command.justification().get()));
        ApprovalCardDelivery.Recipients recipients = delivery.recipientsOf(request);
        return views.message(request, views.shared(request, notes(request, recipients)))
                .afterDelivery((asked, activityId) -> delivery.deliver(request, recipients, asked, activityId));
    }

    private List<String> notes(ApprovalRequest request, ApprovalCardDelivery.Recipients recipients) {
        List<String> notes = new ArrayList<>();
        int reachable =
                recipients.approverChats().size() + recipients.channels().size();
        if (reachable == 0) {
            notes.add("⚠️ I could not send this card to any approver: none of them has a personal chat with me yet,"
                    + " and no approvals channel is set up. Ask an approver to install the bot in Teams; they can"
                    + " then decide with approve " + request.number() + ".");
        } else if (!recipients.unreachable().isEmpty()) {
            notes.add("⚠️ " + unreachableNames(recipients.unreachable()) + " did not get this card: no personal chat"
                    + " with me yet. Ask them to install the bot in Teams if you need their decision; they can then"
                    + " decide with approve " + request.number() + ".");
        }
        notes.add("You can withdraw the request with cancel " + request.number() + ".");
        return notes;
    }

    private String unreachableNames(List<String> objectIds) {
        List<String> names = new ArrayList<>();
        for (String objectId : objectIds.subList(0, Math.min(NAMED_UNREACHABLE, objectIds.size()))) {
            try {
                names.add(directory
                        .findUser(objectId)
                        .map(DirectoryUser::displayName)
                        .orElse("An approver"));
            } catch (TenantException e) {
                names.add("An approver");
            }
        }
        if (objectIds.size() > NAMED_UNREACHABLE) {
            names.add((objectIds.size() - NAMED_UNREACHABLE) + " more approvers");
        }
        return PeopleNames.join(names);
    }
}
