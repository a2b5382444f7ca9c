package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.plans.ProvisioningReport;
import io.serviceaccountbot.plans.ServiceAccountCreation;
import io.serviceaccountbot.teams.BotMessage;
import org.springframework.stereotype.Component;

/** {@code create service account …}: runs the creation and shows each step; never the password. */
@Component
class CreateServiceAccountAnswer implements CommandAnswer<Command.CreateServiceAccount> {

    private final ServiceAccountCreation creation;
    private final DirectoryPeople people;

    CreateServiceAccountAnswer(ServiceAccountCreation creation, DirectoryPeople people) {
        this.creation = creation;
        this.people = people;
    }

    @Override
    public Class<Command.CreateServiceAccount> commandType() {
        return Command.CreateServiceAccount.class;
    }

    @Override
    public BotMessage answer(Command.CreateServiceAccount command, Caller caller) {
        ProvisioningReport report = creation.create(command, people.of(caller));
        return ReportCards.provisioning(report);
    }
}
