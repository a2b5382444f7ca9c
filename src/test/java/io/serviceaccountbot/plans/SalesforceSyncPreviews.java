package io.serviceaccountbot.plans;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;

/** What {@code setup exchange sync} previews for a Salesforce app other than the configured one, for tests. */
public final class SalesforceSyncPreviews {

    private SalesforceSyncPreviews() {}

    public static PlanPreview setup(
            Directory directory,
            ExchangeAdmin exchange,
            SalesforceProperties salesforce,
            String tenantId,
            Command.SetupSalesforceSync command) {
        return new SalesforceSyncRunbooks(
                        new AppAccessRunbooks(directory, exchange),
                        new SalesforceSyncGroups(exchange, salesforce),
                        exchange,
                        directory,
                        salesforce,
                        tenantId)
                .setup(command)
                .preview();
    }
}
