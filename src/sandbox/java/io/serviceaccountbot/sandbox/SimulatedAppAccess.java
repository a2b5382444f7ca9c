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
 * consent is removed. Exchange Server's way is held here too: a management role assigned directly to a user or a
 * mail-enabled security group, limited to a scope's recipients (New-ManagementRoleAssignment -User or -SecurityGroup
 * -CustomRecipientWriteScope, through the runner). Names are unique; a scope still used by an assignment cannot be
 * removed. Thread-safe: every
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
    private final Map<String, DirectAssignment> direct = new LinkedHashMap<>();

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
     * @param directAssignments the roles assigned to users and security groups through the Exchange Server runner
     *     (none in a file written before it existed)
     */
    record Saved(
            List<ServicePrincipal> principals,
            List<SavedScope> scopes,
            List<Assignment> assignments,
            List<DirectAssignment> directAssignments) {

        Saved {
            principals = List.copyOf(principals);
            scopes = List.copyOf(scopes);
            assignments = List.copyOf(assignments);
            directAssignments = directAssignments == null ? List.of() : List.copyOf(directAssignments);
        }

        Saved(List<ServicePrincipal> principals, List<SavedScope> scopes, List<Assignment> assignments) {
            this(principals, scopes, assignments, List.of());
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
                List.copyOf(assignments.values()),
                List.copyOf(direct.values()));
    }

    synchronized void restore(Saved saved) {
        principals.clear();
        scopes.clear();
        assignments.clear();
        direct.clear();
        saved.principals().forEach(principal -> principals.put(principal.appId(), principal));
        saved.scopes()
                .forEach(scope ->
                        scopes.put(key(scope.name()), new Scope(scope.name(), RecipientFilter.parse(scope.filter()))));
        saved.assignments().forEach(assignment -> assignments.put(key(assignment.name()), assignment));
        saved.directAssignments().forEach(assignment -> direct.put(key(assignment.name()), assignment));
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

    /** Get-ServicePrincipal without an identity: every app registered in Exchange. */
    synchronized CmdletOutput servicePrincipals() {
        return CmdletOutput.of(
                principals.values().stream().map(SimulatedAppAccess::row).toList());
    }

    /** Get-ManagementRoleAssignment -RoleAssigneeType ServicePrincipal: every role assigned to an app. */
    synchronized List<Map<String, Object>> appAssignments() {
        return assignments.values().stream().map(assignment -> row(assignment)).toList();
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
        List<String> users = new ArrayList<>(assignments.values().stream()
                .filter(assignment -> scope.name().equals(assignment.scope()))
                .map(Assignment::name)
                .toList());
        direct.values().stream()
                .filter(assignment -> scope.name().equals(assignment.scope()))
                .forEach(assignment -> users.add(assignment.name()));
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

    /**
     * New-ManagementRoleAssignment -User or -SecurityGroup, as on Exchange Server: a management role (not an
     * application role) for a mailbox user or a mail-enabled security group, optionally limited to the recipients a
     * management scope's filter matches ({@code -CustomRecipientWriteScope}).
     */
    synchronized CmdletOutput newUserAssignment(
            String name, String roleName, String user, String group, String scopeName) {
        if ((user == null) == (group == null)) {
            throw CmdletFailure.invalid(
                    "System.Management.Automation.ParameterBindingException",
                    "Parameter set cannot be resolved using the specified named parameters. One or more parameters"
                            + " issued cannot be used together or an insufficient number of parameters were"
                            + " provided.");
        }
        String role = roles.role(roleName);
        if (SimulatedRoleGroups.isApplicationRole(role)) {
            throw CmdletFailure.invalid(
                    "Microsoft.Exchange.Configuration.Tasks.TaskInvalidOperationException",
                    "The role \"" + role + "\" is an application role; assign it to a service principal with"
                            + " New-ManagementRoleAssignment -App.");
        }
        String assigneeKey = exchange.memberKey(user != null ? user : group);
        if (user != null && !assigneeKey.startsWith("user:")) {
            throw CmdletFailure.notFound(user);
        }
        if (group != null && (!assigneeKey.startsWith("group:") || !exchange.isSecurityPrincipal(assigneeKey))) {
            throw CmdletFailure.invalid(
                    "Microsoft.Exchange.Configuration.Tasks.TaskInvalidOperationException",
                    "\"" + group + "\" isn't a mail-enabled security group.");
        }
        Scope scope = scopeName == null ? null : scopeNamed(scopeName);
        String assigneeName = assigneeName(assigneeKey);
        String assignmentName = name == null || name.isBlank() ? role + "-" + assigneeName : name;
        if (assignments.containsKey(key(assignmentName)) || direct.containsKey(key(assignmentName))) {
            throw CmdletFailure.alreadyExists(exchange.distinguishedName(assignmentName));
        }
        DirectAssignment assignment = new DirectAssignment(
                assignmentName,
                role,
                assigneeKey,
                user != null ? "User" : "SecurityGroup",
                scope == null ? null : scope.name());
        direct.put(key(assignmentName), assignment);
        return CmdletOutput.of(row(assignment));
    }

    synchronized Optional<Map<String, Object>> assignment(String identity) {
        return Optional.ofNullable(assignments.get(key(identity)))
                .map(this::row)
                .or(() -> Optional.ofNullable(direct.get(key(identity))).map(this::row));
    }

    synchronized CmdletOutput removeAssignment(String identity) {
        if (assignments.remove(key(identity)) == null && direct.remove(key(identity)) == null) {
            throw CmdletFailure.notFound(identity);
        }
        return CmdletOutput.none();
    }

    /**
     * The app, user and security group assignments of a role, as Get-ManagementRoleAssignment -Role
     * -GetEffectiveUsers lists them: a security group's row for "All Group Members" and one per user reached through
     * its members, nested groups expanded.
     */
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
        for (DirectAssignment assignment : direct.values()) {
            if (assignment.role().equalsIgnoreCase(role)) {
                Map<String, Object> row = row(assignment);
                boolean group = assignment.assigneeType().equals("SecurityGroup");
                row.put("EffectiveUserName", group ? "All Group Members" : row.get("RoleAssigneeName"));
                row.put("AssignmentChain", List.of());
                rows.add(row);
                if (group) {
                    expand(assignment, assignment.assigneeKey(), List.of(), new java.util.HashSet<>(), rows);
                }
            }
        }
        return rows;
    }

    private void expand(
            DirectAssignment assignment,
            String groupKey,
            List<String> chain,
            java.util.Set<String> visited,
            List<Map<String, Object>> rows) {
        if (!visited.add(groupKey)) {
            return;
        }
        List<String> deeper = new ArrayList<>(chain);
        deeper.add(assigneeName(groupKey));
        for (String member : exchange.memberKeysOf(groupKey)) {
            if (member.startsWith("user:")) {
                Map<String, Object> row = row(assignment);
                row.put("AssignmentMethod", "SecurityGroup");
                row.put("EffectiveUserName", assigneeName(member));
                row.put("AssignmentChain", List.copyOf(deeper));
                rows.add(row);
            } else {
                expand(assignment, member, deeper, visited, rows);
            }
        }
    }

    private String assigneeName(String memberKey) {
        return String.valueOf(exchange.recipientRow(memberKey).get("Name"));
    }

    /** What the app may do, and, with a mailbox, whether that mailbox is inside each assignment's scope. */
    /**
     * Whether the mailbox is among the recipients the management scope's filter matches, as Exchange checks a role
     * assignment's {@code -CustomRecipientWriteScope}; false when there is no such scope or mailbox.
     */
    synchronized boolean inRecipientScope(String scopeName, String mailbox) {
        Scope scope = scopes.get(key(scopeName));
        if (scope == null) {
            return false;
        }
        try {
            return scope.filter().matches(exchange.filterProperties(exchange.mailbox(mailbox)));
        } catch (CmdletFailure noSuchMailbox) {
            return false;
        }
    }

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

    private Map<String, Object> row(DirectAssignment assignment) {
        String assignee = assigneeName(assignment.assigneeKey());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Name", assignment.name());
        row.put("Identity", assignment.name());
        row.put("Role", assignment.role());
        row.put("RoleAssignee", assignee);
        row.put("RoleAssigneeName", assignee);
        row.put("RoleAssigneeType", assignment.assigneeType());
        row.put("AssignmentMethod", "Direct");
        row.put("CustomRecipientWriteScope", assignment.scope());
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

    /**
     * A management role assigned to a user or a mail-enabled security group, in a recipient write scope or (null) the
     * whole organisation.
     *
     * @param assigneeKey the assignee's recipient key ({@code user:<id>}, {@code group:<id>})
     * @param assigneeType User or SecurityGroup
     */
    record DirectAssignment(String name, String role, String assigneeKey, String assigneeType, String scope) {}
}
