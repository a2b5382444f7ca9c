package io.serviceaccountbot.chat;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.IllegalRequestMove;
import io.serviceaccountbot.approval.RequestChangedConcurrently;
import io.serviceaccountbot.approval.UnknownRequest;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import org.springframework.stereotype.Component;

/**
 * {@code retry R-…}: an approved request whose plan failed runs again from the step where it stopped, after the admin
 * fixed the cause. The approvers are checked against the directory again first; the run itself is durable and
 * reports on the request's progress card.
 */
@Component
class RetryAnswer implements CommandAnswer<Command.Retry> {

    private final Approvals approvals;
    private final DirectoryPeople people;

    RetryAnswer(Approvals approvals, DirectoryPeople people) {
        this.approvals = approvals;
        this.people = people;
    }

    @Override
    public Class<Command.Retry> commandType() {
        return Command.Retry.class;
    }

    @Override
    public BotMessage answer(Command.Retry command, Caller caller) {
        try {
            Approvals.RetryResult result = approvals.retry(command.id(), people.of(caller));
            if (result.refusal() != null) {
                return BotMessage.text(UserText.forMarkdown(result.refusal()) + " Nothing was changed.");
            }
            return BotMessage.text("🔁 Request **" + command.id() + "** ("
                    + UserText.forMarkdown(ApprovalCards.asked(result.request()))
                    + ") runs again from the step where it stopped, planned anew from the tenant as it is: the"
                    + " steps done before are kept unless what they made is gone. Its progress card follows it.");
        } catch (UnknownRequest | IllegalRequestMove e) {
            return BotMessage.text(UserText.forMarkdown(e.getMessage()) + " Nothing was changed.");
        } catch (RequestChangedConcurrently e) {
            return BotMessage.text("Request " + command.id() + " changed at the same moment, so it was not retried."
                    + " Type **requests mine** to see where it stands.");
        }
    }
}
