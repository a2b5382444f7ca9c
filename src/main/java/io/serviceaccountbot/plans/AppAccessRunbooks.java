package io.serviceaccountbot.plans;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.AppRoleAssignment;
import io.serviceaccountbot.tenant.ExchangeAdmin.AuthorizationResult;
import io.serviceaccountbot.tenant.ExchangeAdmin.ExchangeServicePrincipal;
import io.serviceaccountbot.tenant.ExchangeAdmin.MailEnabledGroup;
import io.serviceaccountbot.tenant.ExchangeAdmin.ManagementScope;
import io.serviceaccountbot.tenant.ServicePrincipal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code grant app access to <app id> for group "<group>"}: Exchange Online's RBAC for Applications, the replacement
 * of ApplicationImpersonation. The app's service principal (found in Entra ID) is registered in Exchange, a management
 * scope takes in the mailboxes of the group's members ({@code MemberOfGroup -eq '<the group's distinguished name>'}),
 * each application role is assigned to the app within that scope, and {@code Test-ServicePrincipalAuthorization}
 * checks a member's mailbox. Mailboxes outside the group stay out of the app's reach. Tenant-wide permissions on
 * mailboxes the app got at admin consent add to any scope, so they are removed first ({@link TenantWideConsent}), and
 * the check confirms none is left.
 */
final class AppAccessRunbooks {

    /** Exchange's longest object name. */
    private static final int MAX_NAME = 64;

    private final Directory directory;
    private final ExchangeAdmin exchange;
    private final TenantWideConsent consent;

    AppAccessRunbooks(Directory directory, ExchangeAdmin exchange) {
        this.directory = directory;
        this.exchange = exchange;
        this.consent = new TenantWideConsent(directory);
    }

    Drafted grant(Command.GrantAppAccess command) {
        return grant(
                command,
                "There is no enterprise application with the app id " + command.appId() + " in this organisation."
                        + " An administrator adds it first (by consenting to the app, or in the Microsoft Entra"
                        + " admin center under Enterprise applications); then ask again.");
    }

    /**
     * The runbook, or a refusal; {@code whenAppMissing} is the answer when the organisation has no service principal
     * for the app.
     */
    Drafted grant(Command.GrantAppAccess command, String whenAppMissing) {
        String appId = command.appId().toString();
        for (String role : command.roles()) {
            if (exchange.managementRole(role).isEmpty()) {
                return Drafted.refused(
                        ExchangeOnlineFacts.noApplicationRoles(role),
                        "grant impersonation to <account> for group \"" + command.group() + "\"");
            }
        }
        Optional<ServicePrincipal> app = directory.findServicePrincipal(appId);
        if (app.isEmpty()) {
            return Drafted.refused(whenAppMissing, null);
        }
        Optional<MailEnabledGroup> group = exchange.securityGroup(command.group());
        if (group.isEmpty() || group.get().distinguishedName() == null) {
            return Drafted.refused(
                    "There is no mail-enabled security group '" + command.group() + "' in Exchange. Its members are"
                            + " the mailboxes the app may use: create it in the Exchange admin center (Recipients >"
                            + " Groups > Mail-enabled security), add the service accounts, then ask again.",
                    null);
        }
        ServicePrincipal principal = app.get();
        String name = "'" + principal.displayName() + "'";
        String scope = scopeName(command.group());
        String filter = "MemberOfGroup -eq '" + group.get().distinguishedName().replace("'", "''") + "'";
        Runbook.Builder runbook = Runbook.titled("Give " + principal.displayName() + " access to the mailboxes of '"
                        + command.group() + "' (RBAC for Applications)")
                .target(principal.displayName() + " (app id " + appId + ")", principal.id());
        TenantWideConsent.Found found = consent.find(principal);
        if (found.any()) {
            runbook.step(
                    TenantWideConsent.words(
                            principal,
                            found,
                            command.group(),
                            group.get().members().size()),
                    () -> consent.remove(principal));
        }
        runbook.step(
                        "Register the app " + name + " (app id " + appId + ") in Exchange as a service principal",
                        () -> registerApp(principal))
                .step(
                        "Create the management scope '" + scope + "' for the members of '" + command.group() + "' ("
                                + filter + ")",
                        () -> ensureScope(scope, filter));
        for (String role : command.roles()) {
            runbook.step(
                    "Assign the application role " + role + " to " + name + " within the scope '" + scope + "'",
                    () -> ensureAssignment(appId, role, scope));
        }
        runbook.step(
                "Check with Test-ServicePrincipalAuthorization that a member of '" + command.group()
                        + "' is in the app's scope, and that no tenant-wide permission on mailboxes is left",
                () -> consent.remaining(principal)
                        .orElseGet(() -> testMember(appId, principal.displayName(), command.group(), command.roles())));
        return new Drafted.Ready(runbook.build());
    }

    private StepOutcome registerApp(ServicePrincipal principal) {
        ExchangeServicePrincipal registered =
                exchange.ensureServicePrincipal(principal.appId(), principal.id(), principal.displayName());
        if (registered.objectId() != null && !registered.objectId().equalsIgnoreCase(principal.id())) {
            return StepOutcome.failed(
                    "Exchange has the app " + principal.appId() + " registered with another object id ("
                            + registered.objectId() + ") than Entra ID (" + principal.id() + ")",
                    "Remove it (Remove-ServicePrincipal -Identity " + principal.appId() + ") and ask again.");
        }
        return StepOutcome.done(
                principal.displayName() + " is registered in Exchange (service principal " + principal.id() + ")");
    }

    private StepOutcome ensureScope(String scope, String filter) {
        ManagementScope made = exchange.ensureManagementScope(scope, filter);
        if (!sameFilter(made.recipientRestrictionFilter(), filter)) {
            return StepOutcome.failed(
                    "A management scope named '" + scope + "' exists with another filter ("
                            + made.recipientRestrictionFilter() + ")",
                    "Remove or rename it in Exchange (Remove-ManagementScope \"" + scope + "\"), then ask again.");
        }
        return StepOutcome.done("The management scope '" + scope + "' takes in exactly the members of the group");
    }

    private StepOutcome ensureAssignment(String appId, String role, String scope) {
        AppRoleAssignment assignment = exchange.ensureAppRoleAssignment(appId, role, scope);
        if (!role.equalsIgnoreCase(assignment.role()) || !scope.equalsIgnoreCase(assignment.scope())) {
            return StepOutcome.failed(
                    "Exchange shows the assignment " + assignment.name() + " with the role " + assignment.role()
                            + " and the scope " + assignment.scope() + " instead",
                    "Remove it (Remove-ManagementRoleAssignment \"" + assignment.name() + "\") and ask again.");
        }
        return StepOutcome.done(role + " assigned within '" + scope + "' (" + assignment.name() + ")");
    }

    private StepOutcome testMember(String appId, String appName, String groupName, List<String> roles) {
        Optional<String> member = exchange.securityGroup(groupName).stream()
                .flatMap(group -> group.members().stream())
                .filter(name -> name.contains("@"))
                .findFirst();
        if (member.isEmpty()) {
            return StepOutcome.done("Not tested: '" + groupName + "' has no mailbox members yet. The app reaches"
                    + " exactly the mailboxes added to it.");
        }
        List<AuthorizationResult> results = exchange.testServicePrincipalAuthorization(appId, member.get());
        for (String role : roles) {
            boolean inScope =
                    results.stream().anyMatch(result -> role.equalsIgnoreCase(result.role()) && result.inScope());
            if (!inScope) {
                return StepOutcome.failed(
                        "Test-ServicePrincipalAuthorization says " + member.get() + " is out of scope for " + role,
                        "Exchange can take up to two hours to apply RBAC for Applications; run"
                                + " Test-ServicePrincipalAuthorization again later, and check the scope's filter.");
            }
        }
        return StepOutcome.done("Test-ServicePrincipalAuthorization: " + member.get() + " is in scope for "
                + String.join(", ", roles) + ". " + appName + " reaches the mailboxes of '" + groupName
                + "' and no others; Exchange may take up to two hours to apply it everywhere.");
    }

    /** The scope's name: "Mailboxes of <group>", shortened with a stable suffix when Exchange's 64 characters are too few. */
    static String scopeName(String group) {
        String name = "Mailboxes of " + group;
        if (name.length() <= MAX_NAME) {
            return name;
        }
        String suffix = " "
                + UUID.nameUUIDFromBytes(group.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .substring(0, 8);
        return name.substring(0, MAX_NAME - suffix.length()).stripTrailing() + suffix;
    }

    static boolean sameFilter(String a, String b) {
        return a != null && normal(a).equals(normal(b));
    }

    private static String normal(String filter) {
        return filter.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }
}
