package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.governance.AccessReviews;
import io.serviceaccountbot.governance.DriftWatch;
import io.serviceaccountbot.teams.BotMessage;
import org.springframework.stereotype.Component;

/** {@code drift}: every grant the bot made, checked against the tenant now, and the reviews no one answered. */
@Component
class DriftAnswer implements CommandAnswer<Command.Drift> {

    private final DriftWatch watch;
    private final AccessReviews reviews;

    DriftAnswer(DriftWatch watch, AccessReviews reviews) {
        this.watch = watch;
        this.reviews = reviews;
    }

    @Override
    public Class<Command.Drift> commandType() {
        return Command.Drift.class;
    }

    @Override
    public BotMessage answer(Command.Drift command, Caller caller) {
        return DriftCards.list(watch.checkAll(), reviews.unanswered());
    }
}
