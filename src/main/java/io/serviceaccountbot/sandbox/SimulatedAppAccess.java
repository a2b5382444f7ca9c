package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.sandbox.Recipients.MailboxUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RBAC for Applications in the simulated Exchange organisation: service principals (references to Entra apps),
 * management scopes with a recipient filter, application-role assignments limited to a scope, and the check
 * Test-ServicePrincipalAuthorization makes: a mailbox is in scope only when the scope's filter matches it. While the
 * app still holds a tenant-wide permission on mailboxes from admin consent in Entra ID, the check lists it too, as a
 * line whose scope is the whole organisation, in scope for every mailbox: the scope alone changes nothing until the
 * consent is removed. Names are unique; a scope still used by an assignment cannot be removed. Thread-safe: every
 * operation holds this object's lock, and asks {@link SimulatedRoleGroups} about roles, {@link SimulatedExchange}
 * about mailboxes and group membership and the consent about tenant-wide permissions, never the other way round.
 */
final class SimulatedAppAccess {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final SimulatedExchange exchange;
    private final SimulatedRoleGroups roles;
    private final MailboxConsent consent;
    private final Map<String, ServicePrincipal> principals = new LinkedHashMap<>();
    private final Map<String, Scope> scopes = new LinkedHashMap<>();
    private final Map<String, Assignment> assignments = new LinkedHashMap<>();

    SimulatedAppAccess(SimulatedExchange exchange, SimulatedRoleGroups roles) {
        this(exchange, roles, appId -> List.of());
    }

    SimulatedAppAccess(SimulatedExchange exchange, SimulatedRoleGroups roles, MailboxConsent consent) {
        this.exchange = exchange;
        this.roles = roles;
        this.consent = consent;
    }

    /** The tenant-wide permissions on mailboxes an app holds from admin consent in Entra ID. */
    @FunctionalInterface
    interface MailboxConsent {

        /** The app's permissions that reach every mailbox; empty when it holds none. */
        List<ConsentedPermission> of(String appId);
    }

    /**
     * A tenant-wide permission on mailboxes.
     *
     * @param resource the API that defines it, e.g. Microsoft Graph
     * @param permission e.g. Mail.Read
     */
    record ConsentedPermission(String resource, String permission) {}

    /**
     * RBAC for Applications as saved and restored.
     *
     * @param principals the service principals
     * @param scopes the management scopes, with their filters as written
     * @param assignments the application-role assignments
     */
    record Saved(List<ServicePrincipal> principals, List<SavedScope> scopes, List<Assignment> assignments) {

        Saved {
            principals = List.copyOf(principals);
            scopes = List.copyOf(scopes);
            assignments = List.copyOf(assignments);
        }

        static Saved empty() {
            return new Saved(List.of(), List.of(), List.of());
        }
    }

    /** A management scope as saved: its name and its recipient filter's text. */
    record SavedScope(String name, String filter) {}

    synchronized Saved saved() {
        return new Saved(
                List.copyOf(principals.values()),
                scopes.values().stream()
                        .map(scope ->
                                new SavedScope(scope.name(), scope.filter().text()))
                        .toList(),
                List.copyOf(assignments.values()));
    }

    synchronized void restore(Saved saved) {
        principals.clear();
        scopes.clear();
        assignments.clear();
        saved.principals().forEach(principal -> principals.put(principal.appId(), principal));
        saved.scopes()
                .forEach(scope ->
                        scopes.put(key(scope.name()), new Scope(scope.name(), RecipientFilter.parse(scope.filter()))));
        saved.assignments().forEach(assignment -> assignments.put(key(assignment.name()), assignment));
    }

    synchronized CmdletOutput newServicePrincipal(String appId, String objectId, String displayName) {
        for (String[] id : new String[][] {{"AppId", appId}, {"ObjectId", objectId}}) {
            if (id[1] == null || !GUID.matcher(id[1]).matches()) {
                throw CmdletFailure.invalid(
                        "System.Management.Automation.ParameterBindingException",
                        "Cannot validate argument on parameter '" + id[0] + "'. The value \"" + id[1]
                                + "\" isn't a GUID.");
            }
        }
        if (find(appId).isPresent() || find(objectId).isPresent()) {
            throw CmdletFailure.alreadyExists(exchange.distinguishedName(objectId));
        }
        ServicePrincipal principal = new ServicePrincipal(
                appId.toLowerCase(Locale.ROOT),
                objectId.toLowerCase(Locale.ROOT),
                displayName == null || displayName.isBlank() ? appId : displayName);
        principals.put(principal.appId(), principal);
        return CmdletOutput.of(row(principal));
    }

    synchronized CmdletOutput servicePrincipal(String identity) {
        return CmdletOutput.of(row(principal(identity)));
    }

    /** Removes the service principal and the role assignments made to it. */
    synchronized CmdletOutput removeServicePrincipal(String identity) {
        ServicePrincipal principal = principal(identity);
        principals.remove(principal.appId());
        assignments.values().removeIf(assignment -> assignment.appId().equals(principal.appId()));
        return CmdletOutput.none();
    }

    synchronized CmdletOutput newScope(String name, String filter) {
        if (name == null || name.isBlank()) {
            throw CmdletFailure.invalid(
                    "System.Management.Automation.ParameterBindingException",
                    "Cannot validate argument on parameter 'Name'. The argument is null or empty.");
        }
        RecipientFilter parsed;
        try {
            parsed = RecipientFilter.parse(filter == null ? "" : filter);
        } catch (IllegalArgumentException e) {
            throw CmdletFailure.invalid("Microsoft.Exchange.Configuration.Tasks.TaskArgumentException", e.getMessage());
        }
        if (scopes.containsKey(key(name))) {
            throw CmdletFailure.alreadyExists(exchange.distinguishedName(name));
        }
        Scope scope = new Scope(name, parsed);
        scopes.put(key(name), scope);
        return CmdletOutput.of(row(scope));
    }

    synchronized CmdletOutput scope(String identity) {
        return CmdletOutput.of(row(scopeNamed(identity)));
    }

    synchronized CmdletOutput removeScope(String identity) {
        Scope scope = scopeNamed(identity);
        List<String> users = assignments.values().stream()
                .filter(assignment -> assignment.scope().equals(scope.name()))
                .map(Assignment::name)
                .toList();
        if (!users.isEmpty()) {
            throw CmdletFailure.invalid(
                    "Microsoft.Exchange.Configuration.Tasks.TaskInvalidOperationException",
                    "The management scope \"" + scope.name() + "\" can't be removed because it's used by these"
                            + " role assignments: " + String.join(", ", users) + ".");
        }
        scopes.remove(key(scope.name()));
        return CmdletOutput.none();
    }

    synchronized CmdletOutput newAssignment(String name, String app, String roleName, String scopeName) {
        ServicePrincipal principal = principal(app);
        String role = roles.role(roleName);
        if (!SimulatedRoleGroups.isApplicationRole(role)) {
            throw CmdletFailure.invalid(
                    "Microsoft.Exchange.Configuration.Tasks.TaskInvalidOperationException",
                    "The role \"" + role + "\" can't be assigned with the App parameter; only application roles"
                            + " (for example, \"Application Mail.Read\") can.");
        }
        Scope scope = scopeName == null ? null : scopeNamed(scopeName);
        String assignmentName = name == null || name.isBlank() ? role + "-" + principal.displayName() : name;
        if (assignments.containsKey(key(assignmentName))) {
            throw CmdletFailure.alreadyExists(exchange.distinguishedName(assignmentName));
        }
        Assignment assignment =
                new Assignment(assignmentName, principal.appId(), role, scope == null ? null : scope.name());
        assignments.put(key(assignmentName), assignment);
        return CmdletOutput.of(row(assignment))
                .warning("Changes to RBAC for Applications can take up to two hours to take effect on every"
                        + " mailbox (simulated tenant).");
    }

    synchronized Optional<Map<String, Object>> assignment(String identity) {
        return Optional.ofNullable(assignments.get(key(identity))).map(this::row);
    }

    synchronized CmdletOutput removeAssignment(String identity) {
        if (assignments.remove(key(identity)) == null) {
            throw CmdletFailure.notFound(identity);
        }
        return CmdletOutput.none();
    }

    /** The app assignments of a role, as Get-ManagementRoleAssignment -Role -GetEffectiveUsers lists them. */
    synchronized List<Map<String, Object>> effectiveUsers(String role) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Assignment assignment : assignments.values()) {
            if (assignment.role().equalsIgnoreCase(role)) {
                Map<String, Object> row = row(assignment);
                row.put("EffectiveUserName", principals.get(assignment.appId()).displayName());
                row.put("AssignmentChain", List.of());
                rows.add(row);
            }
        }
        return rows;
    }

    /** What the app may do, and, with a mailbox, whether that mailbox is inside each assignment's scope. */
    synchronized CmdletOutput test(String identity, String resource) {
        ServicePrincipal principal = principal(identity);
        Map<String, List<String>> properties = null;
        if (resource != null) {
            MailboxUser mailbox = exchange.mailbox(resource);
            properties = exchange.filterProperties(mailbox);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Assignment assignment : assignments.values()) {
            if (!assignment.appId().equals(principal.appId())) {
                continue;
            }
            Scope scope = assignment.scope() == null ? null : scopes.get(key(assignment.scope()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("RoleName", assignment.role());
            row.put("GrantedPermissions", assignment.role().substring("Application ".length()));
            row.put("AllowedResourceScope", scope == null ? "Organization" : scope.name());
            row.put("ScopeType", scope == null ? "Organization" : "CustomRecipientScope");
            if (properties == null) {
                row.put("InScope", "Not Run");
            } else {
                row.put("InScope", scope == null || scope.filter().matches(properties));
            }
            rows.add(row);
        }
        for (ConsentedPermission consented : consent.of(principal.appId())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("RoleName", consented.resource() + " " + consented.permission());
            row.put("GrantedPermissions", consented.permission());
            row.put("AllowedResourceScope", "Organization");
            row.put("ScopeType", "Organization");
            row.put("InScope", properties == null ? "Not Run" : true);
            rows.add(row);
        }
        return CmdletOutput.of(rows);
    }

    private ServicePrincipal principal(String identity) {
        return find(identity).orElseThrow(() -> CmdletFailure.notFound(identity));
    }

    private Optional<ServicePrincipal> find(String identity) {
        String wanted = key(identity);
        return principals.values().stream()
                .filter(principal -> principal.appId().equals(wanted)
                        || principal.objectId().equals(wanted)
                        || key(principal.displayName()).equals(wanted))
                .findFirst();
    }

    private Scope scopeNamed(String identity) {
        Scope scope = scopes.get(key(identity));
        if (scope == null) {
            throw CmdletFailure.notFound(identity);
        }
        return scope;
    }

    private static Map<String, Object> row(ServicePrincipal principal) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("DisplayName", principal.displayName());
        row.put("AppId", principal.appId());
        row.put("ObjectId", principal.objectId());
        row.put("ServiceId", principal.objectId());
        row.put("Name", principal.objectId());
        row.put("Identity", principal.objectId());
        return row;
    }

    private static Map<String, Object> row(Scope scope) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Name", scope.name());
        row.put("Identity", scope.name());
        row.put("RecipientFilter", scope.filter().text());
        row.put("ScopeRestrictionType", "RecipientScope");
        row.put("Exclusive", false);
        return row;
    }

    private Map<String, Object> row(Assignment assignment) {
        ServicePrincipal principal = principals.get(assignment.appId());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Name", assignment.name());
        row.put("Identity", assignment.name());
        row.put("Role", assignment.role());
        row.put("RoleAssignee", principal.objectId());
        row.put("RoleAssigneeName", principal.displayName());
        row.put("RoleAssigneeType", "ServicePrincipal");
        row.put("AssignmentMethod", "Direct");
        row.put("CustomResourceScope", assignment.scope());
        row.put("RecipientWriteScope", assignment.scope() == null ? "Organization" : "CustomRecipientScope");
        row.put("RoleAssignmentDelegationType", "Regular");
        row.put("Enabled", true);
        return row;
    }

    private static String key(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    /** An app's service principal in Exchange. */
    record ServicePrincipal(String appId, String objectId, String displayName) {}

    private record Scope(String name, RecipientFilter filter) {}

    /** An application role assigned to an app, in a scope or (null) the whole organisation. */
    record Assignment(String name, String appId, String role, String scope) {}
}
