package io.serviceaccountbot.chat;

import io.serviceaccountbot.audit.AuditRecord;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.provisioning.ProvisioningReport;
import io.serviceaccountbot.provisioning.SalesforceSyncRemoval;
import io.serviceaccountbot.provisioning.TenantRequestIds;
import io.serviceaccountbot.teams.BotMessage;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code remove <mailbox> from exchange sync}: narrows Salesforce's access at once (no approval: it only takes access
 * away), shows each step, and records it in the audit log with the tenant's request ids, done or failed.
 */
@Component
class RemoveFromExchangeSyncAnswer implements CommandAnswer<Command.RemoveFromExchangeSync> {

    private final SalesforceSyncRemoval removal;
    private final ApplicationEventPublisher events;
    private final DirectoryPeople people;

    RemoveFromExchangeSyncAnswer(
            SalesforceSyncRemoval removal, ApplicationEventPublisher events, DirectoryPeople people) {
        this.removal = removal;
        this.events = events;
        this.people = people;
    }

    @Override
    public Class<Command.RemoveFromExchangeSync> commandType() {
        return Command.RemoveFromExchangeSync.class;
    }

    @Override
    public BotMessage answer(Command.RemoveFromExchangeSync command, Caller caller) {
        ProvisioningReport report;
        List<String> tenantIds;
        try (TenantRequestIds.Scope calls = TenantRequestIds.open()) {
            report = removal.remove(command);
            tenantIds = calls.ids();
        }
        events.publishEvent(new AuditRecord(
                caller.aadObjectId(),
                people.nameOf(caller),
                "salesforce.sync.remove",
                null,
                command.mailbox(),
                report.succeeded() ? "done" : "failed",
                CommandText.of(command) + " | "
                        + report.steps().stream()
                                .map(step -> step.status()
                                                .name()
                                                .toLowerCase(Locale.ROOT)
                                                .replace('_', ' ') + ": " + step.text())
                                .collect(Collectors.joining("; ")),
                tenantIds,
                null));
        return ReportCards.provisioning(report);
    }
}
