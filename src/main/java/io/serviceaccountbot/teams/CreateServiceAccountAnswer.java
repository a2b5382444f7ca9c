package io.serviceaccountbot.teams;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.provisioning.ServiceAccountCreation;
import org.springframework.stereotype.Component;

/** {@code create service account …}: runs the creation and shows each step; never the password. */
@Component
class CreateServiceAccountAnswer implements CommandAnswer<Command.CreateServiceAccount> {

    private final ServiceAccountCreation creation;

    CreateServiceAccountAnswer(ServiceAccountCreation creation) {
        this.creation = creation;
    }

    @Override
    public Class<Command.CreateServiceAccount> commandType() {
        return Command.CreateServiceAccount.class;
    }

    @Override
    public BotMessage answer(Command.CreateServiceAccount command, Caller caller) {
        return ReportCards.provisioning(creation.create(command));
    }
}
