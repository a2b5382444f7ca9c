package io.serviceaccountbot.chat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.IllegalRequestMove;
import io.serviceaccountbot.approval.NotTheRequester;
import io.serviceaccountbot.approval.RequestChangedConcurrently;
import io.serviceaccountbot.approval.UnknownRequest;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import org.springframework.stereotype.Component;

/** {@code cancel R-…}: the requester withdraws a pending request; its cards then show it cancelled. */
@Component
class CancelAnswer implements CommandAnswer<Command.Cancel> {

    private final Approvals approvals;
    private final DirectoryPeople people;

    CancelAnswer(Approvals approvals, DirectoryPeople people) {
        this.approvals = approvals;
        this.people = people;
    }

    @Override
    public Class<Command.Cancel> commandType() {
        return Command.Cancel.class;
    }

    @Override
    public BotMessage answer(Command.Cancel command, Caller caller) {
        try {
            ApprovalRequest cancelled = approvals.cancel(command.id(), people.of(caller));
            return BotMessage.text(
                    "🚫 Request **" + cancelled.number() + "** (" + UserText.forMarkdown(ApprovalCards.asked(cancelled))
                            + ") is cancelled. Nothing was changed, and its cards now say so.");
        } catch (UnknownRequest | NotTheRequester | IllegalRequestMove e) {
            return BotMessage.text(UserText.forMarkdown(e.getMessage()) + " Nothing was changed.");
        } catch (RequestChangedConcurrently e) {
            return BotMessage.text("Request " + command.id() + " was being decided at the same moment, so it was not"
                    + " cancelled. Type **requests mine** to see where it stands.");
        }
    }
}
