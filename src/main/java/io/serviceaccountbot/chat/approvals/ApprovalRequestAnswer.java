package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.chat.Caller;
import io.serviceaccountbot.chat.CommandAnswer;
import io.serviceaccountbot.chat.DirectoryPeople;
import io.serviceaccountbot.chat.JustificationCard;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.plans.PrivilegedChangeRequests;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import org.springframework.stereotype.Component;

/**
 * A privileged command, in chat: {@link PrivilegedChangeRequests} decides, and this says what became of it. A plan
 * that cannot work here is refused with the alternative; a missing justification is asked for on a card; an opened
 * request gives the requester the "waiting for approval" card in the conversation where they asked, and the approvers
 * theirs.
 */
@Component
class ApprovalRequestAnswer implements CommandAnswer<Command.Privileged> {

    private final PrivilegedChangeRequests requests;
    private final ApprovalCardDelivery delivery;
    private final ApprovalCardViews views;
    private final RequesterCardNotes notes;
    private final DirectoryPeople people;

    ApprovalRequestAnswer(
            PrivilegedChangeRequests requests,
            ApprovalCardDelivery delivery,
            ApprovalCardViews views,
            RequesterCardNotes notes,
            DirectoryPeople people) {
        this.requests = requests;
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
        PrivilegedChangeRequests.Asked asked = requests.ask(command, () -> people.of(caller));
        if (asked instanceof PrivilegedChangeRequests.Asked.CannotPlan) {
            return BotMessage.text("**" + UserText.forMarkdown(CommandText.of(command))
                    + "** is not available yet: this build of the bot" + " cannot plan it. Nothing was changed.");
        }
        if (asked instanceof PrivilegedChangeRequests.Asked.Refused refused) {
            return BotMessage.text(UserText.forMarkdown(refused.refusal().reason())
                    + (refused.refusal().alternative() == null
                            ? ""
                            : "\n\nWhat works here instead:\n\n"
                                    + UserText.inCodeSpan(refused.refusal().alternative()))
                    + "\n\nI did not open an approval request, and nothing was changed.");
        }
        if (asked instanceof PrivilegedChangeRequests.Asked.NeedsJustification needs) {
            return JustificationCard.ask(command, needs.plan());
        }
        ApprovalRequest request = ((PrivilegedChangeRequests.Asked.Opened) asked).request();
        ApprovalRecipients.Recipients recipients = delivery.recipientsOf(request);
        return views.message(request, views.shared(request, notes.of(request, recipients)))
                .afterDelivery((answered, activityId) -> delivery.deliver(request, recipients, answered, activityId));
    }
}
