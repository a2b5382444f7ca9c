package io.serviceaccountbot.verification;

import io.serviceaccountbot.provisioning.Directory;
import io.serviceaccountbot.provisioning.ExchangeAdmin;
import io.serviceaccountbot.provisioning.ExchangeAdmin.AuthorizationResult;
import io.serviceaccountbot.provisioning.MailboxPermissions;
import io.serviceaccountbot.provisioning.SalesforceProperties;
import io.serviceaccountbot.provisioning.ServicePrincipal;
import io.serviceaccountbot.provisioning.TenantException;
import io.serviceaccountbot.provisioning.TenantWidePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code verify exchange sync for group "<group>"}: Salesforce's Exchange Online set-up as it stands, asked of the
 * tenant afresh. Salesforce's app is in the organisation; it holds no tenant-wide permission on mailboxes (which would
 * make any scope meaningless); each mailbox of the group is in its scope for every configured role ({@link
 * AppAccessVerification}); and a mailbox outside the group, when one is named, is out of its reach.
 */
public class SalesforceSyncVerification {

    private final Directory directory;
    private final ExchangeAdmin exchange;
    private final AppAccessVerification appAccess;
    private final SalesforceProperties salesforce;

    public SalesforceSyncVerification(
            Directory directory,
            ExchangeAdmin exchange,
            AppAccessVerification appAccess,
            SalesforceProperties salesforce) {
        this.directory = directory;
        this.exchange = exchange;
        this.appAccess = appAccess;
        this.salesforce = salesforce;
    }

    public VerificationReport verify(String group, Optional<String> outsider) {
        String subject = "Salesforce's access to the mailboxes of '" + group + "'";
        List<Check> checks = new ArrayList<>();
        Optional<ServicePrincipal> app;
        try {
            app = directory.findServicePrincipal(salesforce.appId());
        } catch (TenantException e) {
            checks.add(Check.failed(
                    "Salesforce's app is in the organisation",
                    "Could not look it up: " + e.getMessage(),
                    "Try again in a few minutes."));
            return new VerificationReport(subject, checks);
        }
        if (app.isEmpty()) {
            checks.add(Check.failed(
                    "Salesforce's app is in the organisation",
                    "There is no enterprise application with the app id " + salesforce.appId(),
                    "The Salesforce admin connects Microsoft 365 in Salesforce Setup (Einstein Activity Capture"
                            + " settings) and an administrator consents; then type setup exchange sync for group \""
                            + group + "\"."));
            return new VerificationReport(subject, checks);
        }
        checks.add(Check.passed(
                "Salesforce's app is in the organisation",
                app.get().displayName() + " (app id " + salesforce.appId() + ")"));
        checks.add(tenantWideCheck(app.get(), group));
        checks.addAll(appAccess
                .verify(UUID.fromString(salesforce.appId()), group, salesforce.roles())
                .checks());
        checks.add(outsider.map(this::outsiderCheck)
                .orElseGet(() -> Check.notApplicable(
                        "A mailbox outside the group is out of reach",
                        "Not tried: name one with 'against <mailbox>'")));
        return new VerificationReport(subject, checks);
    }

    private Check tenantWideCheck(ServicePrincipal app, String group) {
        String name = "No tenant-wide permission on mailboxes";
        List<TenantWidePermission> mailboxPermissions;
        try {
            mailboxPermissions = MailboxPermissions.of(directory.tenantWidePermissions(app));
        } catch (TenantException e) {
            return Check.failed(
                    name,
                    "Could not read the app's permissions: " + e.getMessage(),
                    e.kind() == TenantException.Kind.ACCESS_DENIED
                            ? "Give the bot's app the Microsoft Graph permission Application.Read.All."
                            : "Try again in a few minutes.");
        }
        if (mailboxPermissions.isEmpty()) {
            return Check.passed(name, "None: only the scope of '" + group + "' decides which mailboxes it reads");
        }
        List<String> names = mailboxPermissions.stream()
                .map(permission -> permission.resourceName() + " " + permission.permission())
                .toList();
        return Check.failed(
                name,
                "It holds " + String.join(", ", names) + ", so it can read every mailbox whatever the scope says",
                "Type setup exchange sync for group \"" + group + "\" to remove them, or remove them in the Microsoft"
                        + " Entra admin center > Enterprise applications > the app > Permissions.");
    }

    private Check outsiderCheck(String mailbox) {
        String name = "Test-ServicePrincipalAuthorization for " + mailbox + " (outside the group)";
        List<AuthorizationResult> results;
        try {
            results = exchange.testServicePrincipalAuthorization(salesforce.appId(), mailbox);
        } catch (TenantException e) {
            return Check.failed(
                    name,
                    "Could not run it: " + e.getMessage(),
                    e.isTransient()
                            ? "Try again in a few minutes."
                            : "Check the mailbox address, and that Salesforce's app is registered in Exchange (setup"
                                    + " exchange sync for group does that).");
        }
        List<String> reaching = results.stream()
                .filter(AuthorizationResult::inScope)
                .map(AuthorizationResult::role)
                .toList();
        return reaching.isEmpty()
                ? Check.passed(name, "Out of reach")
                : Check.failed(
                        name,
                        "Reached through " + String.join(", ", reaching),
                        "If the mailbox should sync, add it to the group; otherwise remove what reaches it"
                                + " organisation-wide (tenant-wide permissions, or a role without a scope).");
    }
}
