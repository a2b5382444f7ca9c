package io.serviceaccountbot.plans;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import java.util.List;
import java.util.Optional;

/**
 * What Microsoft changed in Exchange Online, in the words the bot uses when a plan cannot run because of it: the
 * ApplicationImpersonation role is gone (new assignments blocked during 2024, role removed from February 2025,
 * MC718754) and EWS is being switched off (from 1 October 2026, for good on 1 April 2027, MC1227454). The modern path
 * is RBAC for Applications ({@code setup exchange sync for group}, or {@code grant app access} for other apps).
 */
final class ExchangeOnlineFacts {

    static final String IMPERSONATION = "ApplicationImpersonation";

    private ExchangeOnlineFacts() {}

    /** Why an impersonation plan cannot run in an organisation without the role. */
    static String noImpersonation() {
        return "This organisation has no ApplicationImpersonation role, so this plan cannot run, whoever approves it."
                + " Microsoft blocked new assignments of the role in Exchange Online during 2024 and removed it from"
                + " Exchange Online in February 2025 (message center MC718754); EWS itself is switched off in Exchange"
                + " Online in phases from 1 October 2026 and for good on 1 April 2027 (MC1227454). The replacement is"
                + " RBAC for Applications: the app gets access to the mailboxes of one mail-enabled security group,"
                + " and no account needs impersonation.";
    }

    /**
     * The command to use instead: Salesforce's own Exchange Online set-up, prefilled as far as the bot knows it (the
     * group when the command named one, and the justification); otherwise the group is for the admin to fill in.
     */
    static String salesforceSyncInstead(Optional<String> group, Optional<String> justification) {
        String text =
                CommandText.of(new Command.SetupSalesforceSync(group.orElse(GROUP_STAND_IN), List.of(), justification));
        return group.isPresent() ? text : text.replace(GROUP_STAND_IN, GROUP_PLACEHOLDER);
    }

    private static final String GROUP_STAND_IN = "Group Of The Mailboxes To Sync";

    /** Where the admin puts the group of the mailboxes Salesforce syncs, in a suggested command. */
    static final String GROUP_PLACEHOLDER = "<group of the mailboxes to sync>";

    /** Why there is nothing to revoke in an organisation without the role. */
    static String nothingToRevoke() {
        return "This organisation has no ApplicationImpersonation role (Exchange Online removed it in February 2025,"
                + " message center MC718754), so no account holds it and there is nothing to revoke. Under RBAC for"
                + " Applications, an app's access is taken away by removing its management role assignment.";
    }

    /** Why app access cannot be granted where application roles do not exist (Exchange Server on-premises). */
    static String noApplicationRoles(String role) {
        return "This organisation has no application role '" + role + "', so RBAC for Applications is not available"
                + " here: it exists only in Exchange Online. On Exchange Server, the service account gets"
                + " ApplicationImpersonation instead, as the knowledge article describes.";
    }
}
