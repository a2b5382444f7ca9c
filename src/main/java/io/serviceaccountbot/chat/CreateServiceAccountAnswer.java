package io.serviceaccountbot.chat;

import io.serviceaccountbot.audit.AuditRecord;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.provisioning.ProvisioningReport;
import io.serviceaccountbot.provisioning.ServiceAccountCreation;
import io.serviceaccountbot.provisioning.TenantRequestIds;
import io.serviceaccountbot.teams.BotMessage;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** {@code create service account …}: runs the creation and shows each step; never the password. */
@Component
class CreateServiceAccountAnswer implements CommandAnswer<Command.CreateServiceAccount> {

    private final ServiceAccountCreation creation;
    private final ApplicationEventPublisher events;
    private final DirectoryPeople people;

    CreateServiceAccountAnswer(
            ServiceAccountCreation creation, ApplicationEventPublisher events, DirectoryPeople people) {
        this.creation = creation;
        this.events = events;
        this.people = people;
    }

    @Override
    public Class<Command.CreateServiceAccount> commandType() {
        return Command.CreateServiceAccount.class;
    }

    @Override
    public BotMessage answer(Command.CreateServiceAccount command, Caller caller) {
        ProvisioningReport report;
        List<String> tenantIds;
        try (TenantRequestIds.Scope calls = TenantRequestIds.open()) {
            report = creation.create(command);
            tenantIds = calls.ids();
        }
        events.publishEvent(new AuditRecord(
                caller.aadObjectId(),
                people.nameOf(caller),
                "account.create",
                null,
                report.title().replaceFirst("^Service account ", ""),
                report.succeeded() ? "done" : "failed",
                CommandText.of(command) + " | " + summary(report),
                tenantIds,
                null));
        return ReportCards.provisioning(report);
    }

    /** Each step in a few words, without anything the steps keep to themselves (the password is never in them). */
    private static String summary(ProvisioningReport report) {
        return report.steps().stream()
                .map(step -> step.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + step.text())
                .collect(Collectors.joining("; "));
    }
}
