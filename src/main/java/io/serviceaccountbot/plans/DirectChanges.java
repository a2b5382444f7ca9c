package io.serviceaccountbot.plans;

import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.tenant.TenantRequestIds;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;

/** Makes a change that needs no approval and announces it as a {@link DirectChangeMade}, done or failed. */
final class DirectChanges {

    private DirectChanges() {}

    /**
     * Runs {@code change}, collecting the tenant's ids of the calls it makes, then publishes what it did.
     *
     * @param target the account or mailbox changed, read from the report or the command
     */
    static ProvisioningReport make(
            ApplicationEventPublisher events,
            DirectChangeMade.Kind kind,
            Person by,
            Command command,
            Supplier<ProvisioningReport> change,
            Function<ProvisioningReport, String> target) {
        ProvisioningReport report;
        List<String> tenantIds;
        try (TenantRequestIds.Scope calls = TenantRequestIds.open()) {
            report = change.get();
            tenantIds = calls.ids();
        }
        events.publishEvent(
                new DirectChangeMade(kind, by, target.apply(report), CommandText.of(command), report, tenantIds));
        return report;
    }
}
