package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.governance.DriftWatch;
import io.serviceaccountbot.teams.BotMessage;
import org.springframework.stereotype.Component;

/** {@code drift}: every grant the bot made, checked against the tenant now. */
@Component
class DriftAnswer implements CommandAnswer<Command.Drift> {

    private final DriftWatch watch;

    DriftAnswer(DriftWatch watch) {
        this.watch = watch;
    }

    @Override
    public Class<Command.Drift> commandType() {
        return Command.Drift.class;
    }

    @Override
    public BotMessage answer(Command.Drift command, Caller caller) {
        return DriftCards.list(watch.checkAll());
    }
}
