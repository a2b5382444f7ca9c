package io.serviceaccountbot.plans;

import io.serviceaccountbot.command.Alias;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.AuthorizationResult;
import io.serviceaccountbot.tenant.ExchangeAdmin.MailEnabledGroup;
import io.serviceaccountbot.tenant.TenantException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code setup exchange sync for group "<group>"}: Salesforce's own procedure for Einstein Activity Capture on Exchange
 * Online (Salesforce KB 005228035): Salesforce's app ({@code bot.salesforce.app-id}) gets the application roles
 * {@code bot.salesforce.roles} within a management scope of the group's mailboxes, through RBAC for Applications. It
 * is {@code grant app access} with Salesforce's app and roles; when the app is not in the organisation yet, the answer
 * says what the Salesforce admin does first.
 */
final class SalesforceSyncRunbooks {

    private final AppAccessRunbooks appAccess;
    private final SalesforceSyncGroups groups;
    private final ExchangeAdmin exchange;
    private final Directory directory;
    private final SalesforceProperties salesforce;
    private final String tenantId;

    SalesforceSyncRunbooks(
            AppAccessRunbooks appAccess,
            SalesforceSyncGroups groups,
            ExchangeAdmin exchange,
            Directory directory,
            SalesforceProperties salesforce,
            String tenantId) {
        this.appAccess = appAccess;
        this.groups = groups;
        this.exchange = exchange;
        this.directory = directory;
        this.salesforce = salesforce;
        this.tenantId = tenantId;
    }

    Drafted setup(Command.SetupSalesforceSync command) {
        Command.GrantAppAccess access = asAppAccess(command, salesforce);
        if (exchange.managementRole(access.roles().get(0)).isEmpty()
                && exchange.managementRole(ExchangeOnlineFacts.IMPERSONATION).isPresent()) {
            return Drafted.refused(
                    "Salesforce reaches Exchange Online through its app, scoped with RBAC for Applications; this"
                            + " organisation runs Exchange Server, which has no RBAC for Applications, and there"
                            + " Salesforce connects through a service account with ApplicationImpersonation. To let it"
                            + " reach only the mailboxes of '" + command.group() + "', set that up instead:",
                    CommandText.of(new Command.SetupExchangeSync(
                            Alias.of("svc-sync"), Optional.of(command.group()), command.justification())));
        }
        Drafted drafted = appAccess.grant(access, notConsentedYet());
        return drafted instanceof Drafted.Ready ready
                ? new Drafted.Ready(ready.runbook().withNextSteps(nextSteps(command.group())))
                : drafted;
    }

    /**
     * {@code add <mailbox> to exchange sync}: the mailbox joins the group Salesforce's scope takes in, and {@code
     * Test-ServicePrincipalAuthorization} then finds it in scope for each of Salesforce's roles there. Refused when
     * there is no one group to add it to, or no such mailbox; and, asking for approval, when Salesforce reads it
     * already (a run that resumes after adding it carries on).
     *
     * @param forRun whether the plan is drafted to run, after approval, rather than to be approved
     */
    Drafted add(Command.AddToExchangeSync command, boolean forRun) {
        SalesforceSyncGroups.Lookup lookup = groups.find(command.group());
        if (lookup instanceof SalesforceSyncGroups.NotFound notFound) {
            return Drafted.refused(notFound.why(), notFound.suggestion());
        }
        SalesforceSyncGroups.Found found = (SalesforceSyncGroups.Found) lookup;
        MailEnabledGroup group = found.group();
        String mailbox = command.mailbox();
        List<AuthorizationResult> reach;
        try {
            reach = exchange.testServicePrincipalAuthorization(salesforce.appId(), mailbox);
        } catch (TenantException e) {
            if (e.kind() != TenantException.Kind.NOT_FOUND) {
                throw e;
            }
            return Drafted.refused(
                    "Exchange has no mailbox " + mailbox + ". Check the address: it is the mailbox's primary email"
                            + " address.",
                    null);
        }
        List<String> missing = found.scope().roles().stream()
                .filter(role -> reach.stream().noneMatch(line -> role.equalsIgnoreCase(line.role()) && line.inScope()))
                .toList();
        if (missing.isEmpty() && !forRun) {
            return Drafted.refused(
                    "Salesforce already reads " + mailbox + " ("
                            + String.join(", ", found.scope().roles()) + "): it is in '" + group.name()
                            + "', or reached another way. Nothing to add.",
                    null);
        }
        String objectId = directory.findUser(mailbox).map(DirectoryUser::id).orElse(null);
        int members = group.members().size();
        Runbook runbook = Runbook.titled("Let Salesforce read the mailbox " + mailbox + " too, beside the " + members
                        + (members == 1 ? " mailbox" : " mailboxes") + " of '" + group.name() + "'")
                .target(mailbox, objectId)
                .step(
                        "Add " + mailbox + " to '" + group.name() + "', the group whose mailboxes Salesforce reads"
                                + " (scope '" + found.scope().scope() + "')",
                        () -> {
                            exchange.addGroupMember(group.name(), mailbox);
                            return StepOutcome.done(mailbox + " is a member of '" + group.name() + "'");
                        })
                .step(
                        "Check with Test-ServicePrincipalAuthorization that Salesforce's roles reach " + mailbox,
                        () -> inScope(mailbox, found.scope().roles()))
                .build();
        return new Drafted.Ready(runbook.withNextSteps(List.of(
                "Exchange applies the change within a few minutes to about two hours.",
                "In Salesforce Setup, add the Salesforce user whose mailbox is " + mailbox + " to an Activity Capture"
                        + " configuration, if they are not in one yet.")));
    }

    private StepOutcome inScope(String mailbox, List<String> roles) {
        List<AuthorizationResult> reach = exchange.testServicePrincipalAuthorization(salesforce.appId(), mailbox);
        List<String> missing = roles.stream()
                .filter(role -> reach.stream().noneMatch(line -> role.equalsIgnoreCase(line.role()) && line.inScope()))
                .toList();
        if (!missing.isEmpty()) {
            return StepOutcome.failed(
                    "Test-ServicePrincipalAuthorization says " + mailbox + " is out of scope for "
                            + String.join(", ", missing),
                    "Exchange can take up to two hours to apply a new member; type verify exchange sync later.");
        }
        return StepOutcome.done(
                "Test-ServicePrincipalAuthorization: " + mailbox + " is in scope for " + String.join(", ", roles));
    }

    /** What the report ends with once every step went well: the wait, and what the Salesforce admin does. */
    private List<String> nextSteps(String group) {
        return List.of(
                "Exchange applies the new access within a few minutes to about two hours; until then Salesforce may"
                        + " be refused, or may still reach mailboxes outside '" + group + "'.",
                "In Salesforce Setup, under Einstein Activity Capture settings, connect Microsoft 365 with"
                        + " application-level (org-wide) access for the Microsoft 365 tenant " + tenantId
                        + " (Salesforce's app id " + salesforce.appId() + ").",
                "Add to an Activity Capture configuration the Salesforce users whose mailboxes are in '" + group
                        + "': only those mailboxes sync; a user whose mailbox is outside the group gets no access.");
    }

    /** The same request in the words of {@code grant app access}: Salesforce's app, and the roles asked or configured. */
    static Command.GrantAppAccess asAppAccess(Command.SetupSalesforceSync command, SalesforceProperties salesforce) {
        List<String> roles = command.roles().isEmpty() ? salesforce.roles() : command.roles();
        return new Command.GrantAppAccess(
                UUID.fromString(salesforce.appId()), command.group(), roles, command.justification());
    }

    private String notConsentedYet() {
        return "Salesforce's Activity Capture app (app id " + salesforce.appId() + ") is not in this organisation yet,"
                + " so there is nothing to scope. The Salesforce admin starts in Salesforce Setup > Einstein Activity"
                + " Capture > Settings, connecting Microsoft 365 with application-level (org-wide) access; a Global,"
                + " Cloud Application or Application Administrator of this organisation then consents at "
                + adminConsentLink() + ". Once the app is there, ask again: the bot then limits it to the group's"
                + " mailboxes.";
    }

    /** Entra ID's admin-consent page for Salesforce's app in this organisation. */
    String adminConsentLink() {
        return "https://login.microsoftonline.com/" + tenantId + "/adminconsent?client_id=" + salesforce.appId();
    }
}
