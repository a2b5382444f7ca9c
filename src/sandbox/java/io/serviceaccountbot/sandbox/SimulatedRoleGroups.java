package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.sandbox.SandboxProperties.ExchangeFlavour;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The simulated organisation's management roles and role groups, and who effectively holds a role. The roles are
 * built-in ones this bot meets: ApplicationImpersonation on Exchange Server only, the application roles of RBAC for
 * Applications on Exchange Online only.
 * Role-group members must be mailboxes or mail-enabled security groups ({@link SimulatedExchange}); application roles
 * go to apps, not role groups. Thread-safe: every operation holds this object's lock and may then ask {@link
 * SimulatedExchange}, never the other way round.
 */
final class SimulatedRoleGroups {

    static final String IMPERSONATION = "ApplicationImpersonation";

    static final List<String> ADMIN_ROLES = List.of(
            "Distribution Groups",
            "Mail Recipient Creation",
            "Mail Recipients",
            "Role Management",
            "Security Group Creation and Membership",
            "View-Only Configuration",
            "View-Only Recipients");

    static final List<String> APPLICATION_ROLES = List.of(
            "Application Calendars.Read",
            "Application Calendars.ReadWrite",
            "Application Contacts.Read",
            "Application Contacts.ReadWrite",
            "Application EWS.AccessAsApp",
            "Application Mail.Read",
            "Application Mail.ReadBasic",
            "Application Mail.ReadWrite",
            "Application Mail.Send",
            "Application MailboxSettings.Read",
            "Application MailboxSettings.ReadWrite");

    private final SimulatedExchange exchange;
    private final Map<String, String> roles = new LinkedHashMap<>();
    private final Map<String, RoleGroup> roleGroups = new LinkedHashMap<>();

    SimulatedRoleGroups(ExchangeFlavour flavour, SimulatedExchange exchange) {
        this.exchange = exchange;
        ADMIN_ROLES.forEach(role -> roles.put(SimulatedExchange.key(role), role));
        if (flavour == ExchangeFlavour.EXCHANGE_ONLINE) {
            // RBAC for Applications is Exchange Online's alone
            APPLICATION_ROLES.forEach(role -> roles.put(SimulatedExchange.key(role), role));
        } else {
            // retired in Exchange Online; Exchange Server 2016, 2019 and Subscription Edition still have it
            roles.put(SimulatedExchange.key(IMPERSONATION), IMPERSONATION);
        }
    }

    /**
     * A role group as saved and restored.
     *
     * @param id its guid
     * @param name its name
     * @param roles the management roles it holds
     * @param members its members' recipient keys ({@code user:<id>}, {@code group:<id>})
     */
    record SavedRoleGroup(String id, String name, List<String> roles, List<String> members) {}

    synchronized List<SavedRoleGroup> saved() {
        return roleGroups.values().stream()
                .map(group -> new SavedRoleGroup(group.id, group.name, group.roles, List.copyOf(group.members)))
                .toList();
    }

    /** Replaces the role groups; their names are already taken in {@link SimulatedExchange}'s restored state. */
    synchronized void restore(List<SavedRoleGroup> saved) {
        roleGroups.clear();
        for (SavedRoleGroup savedGroup : saved) {
            RoleGroup group = new RoleGroup(savedGroup.id(), savedGroup.name(), savedGroup.roles());
            group.members.addAll(savedGroup.members());
            roleGroups.put(SimulatedExchange.key(group.name), group);
        }
    }

    synchronized CmdletOutput managementRole(String identity) {
        String role = role(identity);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Name", role);
        row.put("Identity", role);
        row.put("RoleType", role.replaceAll("[^A-Za-z]", ""));
        row.put("IsEndUserRole", false);
        row.put("IsRootRole", true);
        return CmdletOutput.of(row);
    }

    /** The role's canonical name. */
    synchronized String role(String identity) {
        String role = roles.get(SimulatedExchange.key(identity));
        if (role == null) {
            throw CmdletFailure.notFound(identity);
        }
        return role;
    }

    /** Every management role the organisation has. */
    synchronized List<String> roles() {
        return List.copyOf(roles.values());
    }

    static boolean isApplicationRole(String role) {
        return role.startsWith("Application ");
    }

    synchronized CmdletOutput newRoleGroup(String name, List<String> roleNames, List<String> members) {
        SimulatedExchange.requireName(name);
        List<String> assigned = new ArrayList<>();
        for (String roleName : roleNames) {
            String role = role(roleName);
            if (isApplicationRole(role)) {
                throw CmdletFailure.invalid(
                        "Microsoft.Exchange.Configuration.Tasks.TaskInvalidOperationException",
                        "The role \"" + role + "\" is an application role; assign it to a service principal with"
                                + " New-ManagementRoleAssignment -App.");
            }
            assigned.add(role);
        }
        List<String> memberKeys = new ArrayList<>();
        for (String member : members) {
            memberKeys.add(memberKey(member));
        }
        exchange.reserveName(name);
        RoleGroup group = new RoleGroup(UUID.randomUUID().toString(), name, assigned);
        group.members.addAll(memberKeys);
        roleGroups.put(SimulatedExchange.key(name), group);
        CmdletOutput output = CmdletOutput.of(row(group));
        return assigned.contains(IMPERSONATION)
                ? output.warning("The ApplicationImpersonation role is deprecated and is being removed from Exchange"
                        + " Online. Use RBAC for Applications instead (simulated tenant).")
                : output;
    }

    /** A deleted user's role group memberships go with it. */
    synchronized void forgetUser(String objectId) {
        String key = "user:" + objectId.toLowerCase(Locale.ROOT);
        roleGroups.values().forEach(group -> group.members.remove(key));
    }

    synchronized CmdletOutput roleGroup(String identity) {
        return CmdletOutput.of(row(roleGroupNamed(identity)));
    }

    synchronized CmdletOutput roleGroupMembers(String identity) {
        return CmdletOutput.of(roleGroupNamed(identity).members.stream()
                .map(exchange::recipientRow)
                .toList());
    }

    synchronized CmdletOutput addRoleGroupMember(String identity, String member) {
        RoleGroup group = roleGroupNamed(identity);
        if (!group.members.add(memberKey(member))) {
            throw CmdletFailure.memberAlreadyExists(member, group.name);
        }
        return CmdletOutput.none();
    }

    synchronized CmdletOutput removeRoleGroupMember(String identity, String member) {
        RoleGroup group = roleGroupNamed(identity);
        if (!group.members.remove(exchange.memberKey(member))) {
            throw CmdletFailure.memberNotFound(member, group.name);
        }
        return CmdletOutput.none();
    }

    /** The role-group assignment of that name ({@code <role>-<role group>}), as Get-ManagementRoleAssignment. */
    synchronized Optional<Map<String, Object>> assignment(String name) {
        for (RoleGroup group : roleGroups.values()) {
            for (String role : group.roles) {
                if ((role + "-" + group.name).equalsIgnoreCase(name)) {
                    return Optional.of(assignmentRow(role, group, "Direct", group.name, List.of()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code Get-ManagementRoleAssignment -Role … -GetEffectiveUsers}: per role group holding the role, the row for the
     * group itself ("All Group Members") and one per user reached through its members, nested groups expanded, with
     * the chain of groups from the role group down to the user.
     */
    synchronized List<Map<String, Object>> effectiveUsers(String roleIdentity) {
        String role = role(roleIdentity);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RoleGroup group : roleGroups.values()) {
            if (group.roles.contains(role)) {
                rows.add(assignmentRow(role, group, "Direct", "All Group Members", List.of()));
                expand(role, group, List.copyOf(group.members), List.of(group.name), new LinkedHashSet<>(), rows);
            }
        }
        return rows;
    }

    private void expand(
            String role,
            RoleGroup assignee,
            List<String> members,
            List<String> chain,
            Set<String> visited,
            List<Map<String, Object>> rows) {
        for (String member : members) {
            Map<String, Object> recipient = exchange.recipientRow(member);
            if (member.startsWith("user:")) {
                String method = chain.size() == 1 ? "RoleGroup" : "SecurityGroup";
                rows.add(assignmentRow(role, assignee, method, String.valueOf(recipient.get("Name")), chain));
            } else if (visited.add(member)) {
                List<String> deeper = new ArrayList<>(chain);
                deeper.add(String.valueOf(recipient.get("Name")));
                expand(role, assignee, exchange.memberKeysOf(member), deeper, visited, rows);
            }
        }
    }

    /** Role groups take mailboxes and mail-enabled security groups, not distribution groups. */
    private String memberKey(String identity) {
        String memberKey = exchange.memberKey(identity);
        if (!exchange.isSecurityPrincipal(memberKey)) {
            throw CmdletFailure.invalid(
                    "Microsoft.Exchange.Management.RbacTasks.InvalidRoleGroupMemberException",
                    "\"" + identity + "\" is a distribution group, not a security principal; only mailboxes, mail"
                            + " users and mail-enabled security groups can be members of a role group.");
        }
        return memberKey;
    }

    private RoleGroup roleGroupNamed(String identity) {
        String wanted = SimulatedExchange.key(identity);
        return roleGroups.values().stream()
                .filter(group -> SimulatedExchange.key(group.name).equals(wanted) || group.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> CmdletFailure.notFound(identity));
    }

    private Map<String, Object> row(RoleGroup group) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Name", group.name);
        row.put("DisplayName", group.name);
        row.put("Identity", group.name);
        row.put("Guid", group.id);
        row.put("DistinguishedName", exchange.distinguishedName(group.name));
        row.put("RoleGroupType", "Standard");
        row.put("Roles", List.copyOf(group.roles));
        row.put(
                "RoleAssignments",
                group.roles.stream().map(role -> role + "-" + group.name).toList());
        row.put(
                "Members",
                group.members.stream()
                        .map(member -> exchange.recipientRow(member).get("Name"))
                        .toList());
        row.put("ManagedBy", List.of());
        return row;
    }

    private static Map<String, Object> assignmentRow(
            String role, RoleGroup group, String method, String effectiveUser, List<String> chain) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Name", role + "-" + group.name);
        row.put("Role", role);
        row.put("RoleAssigneeName", group.name);
        row.put("RoleAssigneeType", "RoleGroup");
        row.put("AssignmentMethod", method);
        row.put("EffectiveUserName", effectiveUser);
        row.put("AssignmentChain", List.copyOf(chain));
        row.put("RoleAssignmentDelegationType", "Regular");
        row.put("Enabled", true);
        return row;
    }

    private static final class RoleGroup {
        final String id;
        final String name;
        final List<String> roles;
        final Set<String> members = new LinkedHashSet<>();

        RoleGroup(String id, String name, List<String> roles) {
            this.id = id;
            this.name = name;
            this.roles = List.copyOf(roles);
        }
    }
}
