package io.serviceaccountbot.provisioning;

import io.serviceaccountbot.command.Command;
import java.util.List;
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
    private final SalesforceProperties salesforce;
    private final String tenantId;

    SalesforceSyncRunbooks(AppAccessRunbooks appAccess, SalesforceProperties salesforce, String tenantId) {
        this.appAccess = appAccess;
        this.salesforce = salesforce;
        this.tenantId = tenantId;
    }

    Drafted setup(Command.SetupSalesforceSync command) {
        Drafted drafted = appAccess.grant(asAppAccess(command, salesforce), notConsentedYet());
        return drafted instanceof Drafted.Ready ready
                ? new Drafted.Ready(ready.runbook().withNextSteps(nextSteps(command.group())))
                : drafted;
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
