package io.serviceaccountbot.plans;

import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.MailboxPermissions;
import io.serviceaccountbot.tenant.ServicePrincipal;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantWidePermission;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tenant-wide permissions on mailboxes an app got at admin consent (Microsoft Graph Mail.Read and the like, Office
 * 365 Exchange Online full_access_as_app): they add to any scope of RBAC for Applications, so the scope restricts
 * nothing until they are removed. Found while planning, removed by a step (each appRoleAssignment deleted; one gone
 * already is fine, so a retry repeats nothing), and checked again at the end. When the bot may not read or remove
 * them, the step says how an administrator does it by hand.
 */
final class TenantWideConsent {

    private final Directory directory;

    TenantWideConsent(Directory directory) {
        this.directory = directory;
    }

    /**
     * What the plan finds on the app.
     *
     * @param permissions the app's tenant-wide permissions on mailboxes; empty when none, or when they could not be read
     * @param unreadable why the bot could not read them (Graph refused); null when it could
     */
    record Found(List<TenantWidePermission> permissions, String unreadable) {

        boolean any() {
            return !permissions.isEmpty() || unreadable != null;
        }
    }

    /** The app's tenant-wide permissions on mailboxes, as the plan is drafted. */
    Found find(ServicePrincipal app) {
        try {
            return new Found(MailboxPermissions.of(directory.tenantWidePermissions(app)), null);
        } catch (TenantException e) {
            if (e.kind() != TenantException.Kind.ACCESS_DENIED) {
                throw e;
            }
            return new Found(List.of(), e.getMessage());
        }
    }

    /**
     * The step's words, e.g. "Remove the tenant-wide permissions that let Salesforce read every mailbox: Microsoft
     * Graph Mail.Read, Calendars.ReadWrite (granted at admin consent; they add to any scope). Salesforce can today read
     * every mailbox in the organisation; after this only the 2 mailboxes of 'Sales Team'".
     */
    static String words(ServicePrincipal app, Found found, String group, int mailboxes) {
        String after = "after this only the " + mailboxes + (mailboxes == 1 ? " mailbox" : " mailboxes") + " of '"
                + group + "'";
        if (found.permissions().isEmpty()) {
            return "Remove any tenant-wide permission that lets " + app.displayName() + " read every mailbox (the bot"
                    + " may not read the app's permissions, so an administrator checks them: " + manualFix(app)
                    + "). Until then the scope restricts nothing; " + after;
        }
        return "Remove the tenant-wide permissions that let " + app.displayName() + " read every mailbox: "
                + names(found.permissions()) + " (granted at admin consent; they add to any scope). "
                + app.displayName() + " can today read every mailbox in the organisation; " + after;
    }

    /** Removes every tenant-wide permission on mailboxes the app holds now. */
    StepOutcome remove(ServicePrincipal app) {
        List<TenantWidePermission> left;
        try {
            left = MailboxPermissions.of(directory.tenantWidePermissions(app));
            for (TenantWidePermission permission : left) {
                directory.removeTenantWidePermission(app, permission.assignmentId());
            }
        } catch (TenantException e) {
            if (e.kind() != TenantException.Kind.ACCESS_DENIED) {
                throw e;
            }
            return StepOutcome.failed(
                    "The bot may not remove " + app.displayName() + "'s tenant-wide permissions (" + e.getMessage()
                            + ")",
                    "Remove them by hand: " + manualFix(app) + ". Or grant the bot AppRoleAssignment.ReadWrite.All"
                            + " (Microsoft Graph, with admin consent). Then retry.");
        }
        if (left.isEmpty()) {
            return StepOutcome.alreadyDone(app.displayName() + " holds no tenant-wide permission on mailboxes");
        }
        return StepOutcome.done("Removed " + names(left) + ": " + app.displayName()
                + " no longer reaches every mailbox through admin consent");
    }

    /** At the end: the permissions on mailboxes the app still holds tenant-wide, as a failure; else empty. */
    Optional<StepOutcome> remaining(ServicePrincipal app) {
        List<TenantWidePermission> left = MailboxPermissions.of(directory.tenantWidePermissions(app));
        if (left.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(StepOutcome.failed(
                app.displayName() + " still holds tenant-wide " + names(left) + ": it reaches every mailbox whatever"
                        + " the scope says",
                "Remove them: " + manualFix(app) + ". Then retry."));
    }

    /** Where an administrator removes the consent by hand. */
    static String manualFix(ServicePrincipal app) {
        return "Microsoft Entra admin center > Enterprise applications > " + app.displayName() + " > Permissions >"
                + " Review permissions, revoke the mail, calendar and contacts application permissions; or in"
                + " PowerShell, Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId " + app.id()
                + " and Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId " + app.id()
                + " -AppRoleAssignmentId <id> for each";
    }

    /** E.g. "Microsoft Graph Mail.Read, Calendars.ReadWrite, Office 365 Exchange Online full_access_as_app". */
    static String names(List<TenantWidePermission> permissions) {
        return permissions.stream()
                .collect(Collectors.groupingBy(
                        TenantWidePermission::resourceName,
                        java.util.LinkedHashMap::new,
                        Collectors.mapping(TenantWidePermission::permission, Collectors.joining(", "))))
                .entrySet()
                .stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
