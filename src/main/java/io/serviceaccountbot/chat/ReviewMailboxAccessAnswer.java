package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.governance.MailboxAccessSweep;
import io.serviceaccountbot.teams.BotMessage;
import org.springframework.stereotype.Component;

/** {@code review mailbox access}: the least-privilege sweep, as one card. */
@Component
class ReviewMailboxAccessAnswer implements CommandAnswer<Command.ReviewMailboxAccess> {

    private final MailboxAccessSweep sweep;

    ReviewMailboxAccessAnswer(MailboxAccessSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public Class<Command.ReviewMailboxAccess> commandType() {
        return Command.ReviewMailboxAccess.class;
    }

    @Override
    public BotMessage answer(Command.ReviewMailboxAccess command, Caller caller) {
        return MailboxAccessCards.review(sweep.review());
    }
}
