package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.plans.ProvisioningReport;
import io.serviceaccountbot.plans.SalesforceSyncRemoval;
import io.serviceaccountbot.teams.BotMessage;
import org.springframework.stereotype.Component;

/**
 * {@code remove <mailbox> from exchange sync}: narrows Salesforce's access at once (no approval: it only takes access
 * away), shows each step, and is recorded in the audit log.
 */
@Component
class RemoveFromExchangeSyncAnswer implements CommandAnswer<Command.RemoveFromExchangeSync> {

    private final SalesforceSyncRemoval removal;
    private final DirectoryPeople people;

    RemoveFromExchangeSyncAnswer(SalesforceSyncRemoval removal, DirectoryPeople people) {
        this.removal = removal;
        this.people = people;
    }

    @Override
    public Class<Command.RemoveFromExchangeSync> commandType() {
        return Command.RemoveFromExchangeSync.class;
    }

    @Override
    public BotMessage answer(Command.RemoveFromExchangeSync command, Caller caller) {
        ProvisioningReport report = removal.remove(command, people.of(caller));
        return ReportCards.provisioning(report);
    }
}
