package io.serviceaccountbot.verification;

import io.serviceaccountbot.plans.SalesforceProperties;
import io.serviceaccountbot.plans.SalesforceSyncGroups;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.AuthorizationResult;
import io.serviceaccountbot.tenant.MailboxPermissions;
import io.serviceaccountbot.tenant.ServicePrincipal;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantWidePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code verify exchange sync [for group "<group>"]}: Salesforce's Exchange Online set-up as it stands, asked of the
 * tenant afresh. Salesforce's app is in the organisation; it holds no tenant-wide permission on mailboxes (which would
 * make any scope meaningless); Exchange has its scope on the group, with every configured role (the group is found
 * from that scope when none is named); each mailbox of the group is in its scope for every configured role ({@link
 * AppAccessVerification}); and a mailbox outside the group, named or else the asker's own, is out of its reach.
 */
public class SalesforceSyncVerification {

    private final Directory directory;
    private final ExchangeAdmin exchange;
    private final AppAccessVerification appAccess;
    private final SalesforceSyncGroups groups;
    private final SalesforceProperties salesforce;

    public SalesforceSyncVerification(
            Directory directory,
            ExchangeAdmin exchange,
            AppAccessVerification appAccess,
            SalesforceSyncGroups groups,
            SalesforceProperties salesforce) {
        this.directory = directory;
        this.exchange = exchange;
        this.appAccess = appAccess;
        this.groups = groups;
        this.salesforce = salesforce;
    }

    /** The set-up for that group, with a named mailbox outside it. */
    public VerificationReport verify(String group, Optional<String> outsider) {
        return verify(Optional.of(group), outsider, Optional.empty());
    }

    /**
     * The set-up for the group named, or for the group Salesforce's scope names in Exchange.
     *
     * @param outsider a mailbox that must be out of reach; when none is named, the asker's own is tried, unless it is
     *     in the group
     * @param askerObjectId the Entra object id of who asks, if known
     */
    public VerificationReport verify(
            Optional<String> group, Optional<String> outsider, Optional<String> askerObjectId) {
        String subject = group.map(name -> "Salesforce's access to the mailboxes of '" + name + "'")
                .orElse("Salesforce's access to the mailboxes it syncs");
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
        String setup = "setup exchange sync for group \"" + group.orElse("<group of the mailboxes to sync>") + "\"";
        if (app.isEmpty()) {
            checks.add(Check.failed(
                    "Salesforce's app is in the organisation",
                    "There is no enterprise application with the app id " + salesforce.appId(),
                    "The Salesforce admin connects Microsoft 365 in Salesforce Setup (Einstein Activity Capture"
                            + " settings) and an administrator consents; then type " + setup + "."));
            return new VerificationReport(subject, checks);
        }
        checks.add(Check.passed(
                "Salesforce's app is in the organisation",
                app.get().displayName() + " (app id " + salesforce.appId() + ")"));
        checks.add(tenantWideCheck(app.get(), group.orElse("<group>")));
        Optional<SalesforceSyncGroups.Found> scope;
        try {
            scope = scopeCheck(group, checks);
        } catch (TenantException e) {
            checks.add(Check.failed(
                    "Salesforce's scope and roles in Exchange",
                    "Could not read them: " + e.getMessage(),
                    e.isTransient() ? "Try again in a few minutes." : "Type doctor to see what the bot may read."));
            return new VerificationReport(subject, checks);
        }
        if (group.isEmpty() && scope.isEmpty()) {
            return new VerificationReport(subject, checks);
        }
        String groupName = group.orElseGet(() -> scope.get().group().name());
        checks.addAll(appAccess
                .verify(UUID.fromString(salesforce.appId()), groupName, salesforce.roles())
                .checks());
        checks.add(outsider.map(mailbox -> outsiderCheck(mailbox, ""))
                .or(() -> askersMailbox(askerObjectId, scope, groupName))
                .orElseGet(() -> Check.notApplicable(
                        "A mailbox outside the group is out of reach",
                        "Not tried: name one with 'against <mailbox>'")));
        return new VerificationReport(subject, checks);
    }

    /**
     * Salesforce's scope on the group, with every configured role: found from Exchange, so a scope that was removed
     * or lost a role shows here even while the group's mailboxes are still reached some other way.
     */
    private Optional<SalesforceSyncGroups.Found> scopeCheck(Optional<String> group, List<Check> checks) {
        String name = "Salesforce's scope and roles in Exchange";
        SalesforceSyncGroups.Lookup lookup = groups.find(group);
        if (lookup instanceof SalesforceSyncGroups.NotFound notFound) {
            checks.add(Check.failed(
                    name,
                    notFound.why(),
                    notFound.suggestion() == null
                            ? "Name the group: verify exchange sync for group \"<group>\"."
                            : "Type " + notFound.suggestion() + "."));
            return Optional.empty();
        }
        SalesforceSyncGroups.Found found = (SalesforceSyncGroups.Found) lookup;
        List<String> missing = salesforce.roles().stream()
                .filter(role -> found.scope().roles().stream().noneMatch(role::equalsIgnoreCase))
                .toList();
        String scope = "'" + found.scope().scope() + "' takes in the members of '"
                + found.group().name() + "'";
        if (!missing.isEmpty()) {
            checks.add(Check.failed(
                    name,
                    scope + ", but Salesforce lacks " + String.join(", ", missing) + " there (it holds "
                            + String.join(", ", found.scope().roles()) + ")",
                    "Type setup exchange sync for group \"" + found.group().name() + "\" to assign them."));
        } else {
            checks.add(Check.passed(
                    name, scope + ", with " + String.join(", ", found.scope().roles())));
        }
        return Optional.of(found);
    }

    /** The asker's own mailbox as the one outside the group, when the asker has one and is not in the group. */
    private Optional<Check> askersMailbox(
            Optional<String> askerObjectId, Optional<SalesforceSyncGroups.Found> scope, String groupName) {
        if (askerObjectId.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> upn;
        try {
            upn = directory.findUser(askerObjectId.get()).map(user -> user.userPrincipalName());
        } catch (TenantException e) {
            return Optional.empty();
        }
        if (upn.isEmpty()) {
            return Optional.empty();
        }
        List<String> members = scope.map(found -> found.group().members())
                .orElseGet(() -> exchange.securityGroup(groupName)
                        .map(ExchangeAdmin.MailEnabledGroup::members)
                        .orElse(List.of()));
        if (members.stream().anyMatch(upn.get()::equalsIgnoreCase)) {
            return Optional.empty();
        }
        return Optional.of(outsiderCheck(upn.get(), "yours, "));
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

    private Check outsiderCheck(String mailbox, String whose) {
        String name = "Test-ServicePrincipalAuthorization for " + mailbox + " (" + whose + "outside the group)";
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
