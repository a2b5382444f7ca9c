package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.sandbox.Recipients.MailboxUser;
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
import org.springframework.http.HttpStatus;

/**
 * The simulated Exchange organisation's recipients and permissions: mail-enabled security groups, management roles,
 * role groups and who effectively holds a role. Exchange's rules apply: group and role-group names are unique; members
 * must be mail-enabled (a user with a ready mailbox, asked of {@link Recipients}, or a group made here with
 * New-DistributionGroup); role-group members must also be security principals; ApplicationImpersonation exists only in
 * the legacy flavour. Thread-safe: every operation holds this object's lock.
 */
final class SimulatedExchange {

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

    private final ExchangeFlavour flavour;
    private final Recipients recipients;
    private final String domain;
    private final Map<String, String> roles = new LinkedHashMap<>();
    private final Map<String, MailGroup> groups = new LinkedHashMap<>();
    private final Map<String, RoleGroupState> roleGroups = new LinkedHashMap<>();

    SimulatedExchange(ExchangeFlavour flavour, Recipients recipients, String domain) {
        this.flavour = flavour;
        this.recipients = recipients;
        this.domain = domain;
        ADMIN_ROLES.forEach(role -> roles.put(key(role), role));
        APPLICATION_ROLES.forEach(role -> roles.put(key(role), role));
        if (flavour == ExchangeFlavour.LEGACY) {
            roles.put(key(IMPERSONATION), IMPERSONATION);
        }
    }

    ExchangeFlavour flavour() {
        return flavour;
    }

    // ---- management roles

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
        String role = roles.get(key(identity));
        if (role == null) {
            throw CmdletFailure.notFound(identity);
        }
        return role;
    }

    static boolean isApplicationRole(String role) {
        return role.startsWith("Application ");
    }

    // ---- mail-enabled groups

    synchronized CmdletOutput newDistributionGroup(String name, String alias, String type, List<String> members) {
        requireName(name);
        boolean security = "Security".equalsIgnoreCase(type);
        if (type != null && !security && !"Distribution".equalsIgnoreCase(type)) {
            throw CmdletFailure.invalid(
                    "System.Management.Automation.ParameterBindingException",
                    "Cannot process argument transformation on parameter 'Type'. Cannot convert value \"" + type
                            + "\" to type \"Microsoft.Exchange.Data.Directory.Recipient.GroupType\".");
        }
        requireUnusedName(name);
        String mailNickname = alias == null || alias.isBlank() ? defaultAlias(name) : alias;
        String address = mailNickname + "@" + domain;
        if (findGroup(address) != null || recipients.mailboxUser(address).isPresent()) {
            throw CmdletFailure.invalid(
                    "Microsoft.Exchange.Data.Directory.ProxyAddressExistsException",
                    "The proxy address \"SMTP:" + address + "\" is already being used by the proxy addresses or"
                            + " LegacyExchangeDN. Please choose another proxy address.");
        }
        List<String> memberKeys = new ArrayList<>();
        for (String member : members) {
            memberKeys.add(memberKey(member));
        }
        MailGroup group = new MailGroup(UUID.randomUUID().toString(), name, mailNickname, security);
        group.members.addAll(memberKeys);
        groups.put(key(name), group);
        return CmdletOutput.of(groupRow(group));
    }

    synchronized CmdletOutput distributionGroup(String identity) {
        return CmdletOutput.of(groupRow(group(identity)));
    }

    synchronized CmdletOutput distributionGroupMembers(String identity) {
        return CmdletOutput.of(
                group(identity).members.stream().map(this::recipientRow).toList());
    }

    synchronized CmdletOutput addDistributionGroupMember(String identity, String member) {
        MailGroup group = group(identity);
        String memberKey = memberKey(member);
        if (memberKey.equals("group:" + group.id)) {
            throw CmdletFailure.invalid(
                    "Microsoft.Exchange.Management.Tasks.RecipientTaskException",
                    "The group \"" + group.name + "\" can't be a member of itself.");
        }
        if (!group.members.add(memberKey)) {
            throw alreadyMember(member, group.name);
        }
        return CmdletOutput.none();
    }

    synchronized CmdletOutput removeDistributionGroupMember(String identity, String member) {
        MailGroup group = group(identity);
        if (!group.members.remove(memberKey(member))) {
            throw notMember(member, group.name);
        }
        return CmdletOutput.none();
    }

    // ---- role groups

    synchronized CmdletOutput newRoleGroup(String name, List<String> roleNames, List<String> members) {
        requireName(name);
        requireUnusedName(name);
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
            memberKeys.add(roleGroupMemberKey(member));
        }
        RoleGroupState group = new RoleGroupState(UUID.randomUUID().toString(), name, assigned);
        group.members.addAll(memberKeys);
        roleGroups.put(key(name), group);
        CmdletOutput output = CmdletOutput.of(roleGroupRow(group));
        return assigned.contains(IMPERSONATION) ? output.warning(impersonationWarning()) : output;
    }

    synchronized CmdletOutput roleGroup(String identity) {
        return CmdletOutput.of(roleGroupRow(roleGroupState(identity)));
    }

    synchronized CmdletOutput roleGroupMembers(String identity) {
        return CmdletOutput.of(roleGroupState(identity).members.stream()
                .map(this::recipientRow)
                .toList());
    }

    synchronized CmdletOutput addRoleGroupMember(String identity, String member) {
        RoleGroupState group = roleGroupState(identity);
        if (!group.members.add(roleGroupMemberKey(member))) {
            throw alreadyMember(member, group.name);
        }
        return CmdletOutput.none();
    }

    synchronized CmdletOutput removeRoleGroupMember(String identity, String member) {
        RoleGroupState group = roleGroupState(identity);
        if (!group.members.remove(memberKey(member))) {
            throw notMember(member, group.name);
        }
        return CmdletOutput.none();
    }

    /** The role-group assignment of that name ({@code <role>-<role group>}), as Get-ManagementRoleAssignment. */
    synchronized Optional<Map<String, Object>> roleGroupAssignment(String name) {
        for (RoleGroupState group : roleGroups.values()) {
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
        for (RoleGroupState group : roleGroups.values()) {
            if (!group.roles.contains(role)) {
                continue;
            }
            rows.add(assignmentRow(role, group, "Direct", "All Group Members", List.of()));
            expand(role, group, group.members, List.of(group.name), new LinkedHashSet<>(), rows);
        }
        return rows;
    }

    private void expand(
            String role,
            RoleGroupState assignee,
            Set<String> members,
            List<String> chain,
            Set<String> visited,
            List<Map<String, Object>> rows) {
        for (String member : members) {
            if (member.startsWith("user:")) {
                String method = chain.size() == 1 ? "RoleGroup" : "SecurityGroup";
                rows.add(assignmentRow(
                        role,
                        assignee,
                        method,
                        String.valueOf(recipientRow(member).get("Name")),
                        chain));
            } else {
                MailGroup group = groupById(member.substring("group:".length()));
                if (group != null && visited.add(group.id)) {
                    List<String> deeper = new ArrayList<>(chain);
                    deeper.add(group.name);
                    expand(role, assignee, group.members, deeper, visited, rows);
                }
            }
        }
    }

    /**
     * The properties a recipient filter sees for a mailbox user; MemberOfGroup holds the distinguished names and ids
     * of the groups the user belongs to directly, as Exchange's memberOf does.
     */
    synchronized Map<String, List<String>> filterProperties(MailboxUser user) {
        List<String> memberOf = new ArrayList<>();
        for (MailGroup group : groups.values()) {
            if (group.members.contains(userKey(user))) {
                memberOf.add(distinguishedName(group.name));
                memberOf.add(group.id);
            }
        }
        Map<String, List<String>> properties = new LinkedHashMap<>();
        properties.put("memberofgroup", memberOf);
        properties.put("primarysmtpaddress", List.of(user.userPrincipalName()));
        properties.put("userprincipalname", List.of(user.userPrincipalName()));
        properties.put("alias", List.of(user.alias()));
        properties.put("name", List.of(user.alias()));
        properties.put("displayname", List.of(user.displayName()));
        properties.put("externaldirectoryobjectid", List.of(user.objectId()));
        properties.put("recipienttypedetails", List.of("UserMailbox"));
        return properties;
    }

    /** A mailbox user, as {@code -Resource} names one. */
    MailboxUser mailbox(String identity) {
        return recipients.mailboxUser(identity).orElseThrow(() -> CmdletFailure.noSuchRecipient(identity));
    }

    String distinguishedName(String name) {
        String escaped = name.replaceAll("([,+\"\\\\<>;=#])", "\\\\$1");
        return "CN=" + escaped + ",OU=" + domain
                + ",OU=Microsoft Exchange Hosted Organizations,DC=SANDBOX01A001,DC=PROD,DC=OUTLOOK,DC=COM";
    }

    // ---- helpers

    private MailGroup group(String identity) {
        MailGroup group = findGroup(identity);
        if (group == null) {
            throw CmdletFailure.notFound(identity);
        }
        return group;
    }

    private MailGroup findGroup(String identity) {
        String wanted = key(identity);
        for (MailGroup group : groups.values()) {
            if (key(group.name).equals(wanted)
                    || key(group.alias).equals(wanted)
                    || key(group.alias + "@" + domain).equals(wanted)
                    || group.id.equals(wanted)
                    || key(distinguishedName(group.name)).equals(wanted)) {
                return group;
            }
        }
        return null;
    }

    private MailGroup groupById(String id) {
        return groups.values().stream().filter(g -> g.id.equals(id)).findFirst().orElse(null);
    }

    private RoleGroupState roleGroupState(String identity) {
        String wanted = key(identity);
        return roleGroups.values().stream()
                .filter(group -> key(group.name).equals(wanted) || group.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> CmdletFailure.notFound(identity));
    }

    /** A mail-enabled recipient: a user with a ready mailbox, or a group made with New-DistributionGroup. */
    private String memberKey(String identity) {
        Optional<MailboxUser> user = recipients.mailboxUser(identity);
        if (user.isPresent()) {
            return userKey(user.get());
        }
        MailGroup group = findGroup(identity);
        if (group != null) {
            return "group:" + group.id;
        }
        throw CmdletFailure.noSuchRecipient(identity);
    }

    /** Role groups take mailboxes and mail-enabled security groups, not distribution groups. */
    private String roleGroupMemberKey(String identity) {
        String memberKey = memberKey(identity);
        if (memberKey.startsWith("group:") && !groupById(memberKey.substring(6)).security) {
            throw CmdletFailure.invalid(
                    "Microsoft.Exchange.Management.RbacTasks.InvalidRoleGroupMemberException",
                    "\"" + identity + "\" is a distribution group, not a security principal; only mailboxes, mail"
                            + " users and mail-enabled security groups can be members of a role group.");
        }
        return memberKey;
    }

    private static String userKey(MailboxUser user) {
        return "user:" + user.objectId().toLowerCase(Locale.ROOT);
    }

    private void requireUnusedName(String name) {
        if (groups.containsKey(key(name)) || roleGroups.containsKey(key(name))) {
            throw CmdletFailure.alreadyExists(distinguishedName(name));
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw CmdletFailure.invalid(
                    "System.Management.Automation.ParameterBindingException",
                    "Cannot validate argument on parameter 'Name'. The name must be 1 to 64 characters long.");
        }
    }

    /** What New-DistributionGroup makes of a name when no alias is given: spaces removed, others as '?'. */
    private static String defaultAlias(String name) {
        StringBuilder alias = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c) || "!#%*+-/=?^_~.".indexOf(c) >= 0) {
                alias.append(c);
            } else if (!Character.isWhitespace(c)) {
                alias.append('?');
            }
        }
        return alias.toString();
    }

    private static CmdletFailure alreadyMember(String member, String group) {
        return new CmdletFailure(
                HttpStatus.BAD_REQUEST,
                "Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException",
                "The recipient \"" + member + "\" is already a member of the group \"" + group + "\".");
    }

    private static CmdletFailure notMember(String member, String group) {
        return new CmdletFailure(
                HttpStatus.BAD_REQUEST,
                "Microsoft.Exchange.Management.Tasks.MemberNotFoundException",
                "The recipient \"" + member + "\" isn't a member of the group \"" + group + "\".");
    }

    private static String impersonationWarning() {
        return "The ApplicationImpersonation role is deprecated and is being removed from Exchange Online. Use"
                + " RBAC for Applications instead (simulated tenant).";
    }

    private Map<String, Object> groupRow(MailGroup group) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Name", group.name);
        row.put("DisplayName", group.name);
        row.put("Alias", group.alias);
        row.put("PrimarySmtpAddress", group.alias + "@" + domain);
        row.put("EmailAddresses", List.of("SMTP:" + group.alias + "@" + domain));
        row.put("GroupType", group.security ? "Universal, SecurityEnabled" : "Universal");
        String type = group.security ? "MailUniversalSecurityGroup" : "MailUniversalDistributionGroup";
        row.put("RecipientType", type);
        row.put("RecipientTypeDetails", type);
        row.put("Guid", group.id);
        row.put("ExternalDirectoryObjectId", group.id);
        row.put("DistinguishedName", distinguishedName(group.name));
        row.put("Identity", group.name);
        row.put("ManagedBy", List.of());
        return row;
    }

    private Map<String, Object> recipientRow(String memberKey) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (memberKey.startsWith("group:")) {
            MailGroup group = groupById(memberKey.substring("group:".length()));
            Map<String, Object> full = groupRow(group);
            for (String field : List.of(
                    "Name",
                    "DisplayName",
                    "Alias",
                    "PrimarySmtpAddress",
                    "RecipientType",
                    "RecipientTypeDetails",
                    "ExternalDirectoryObjectId",
                    "Identity")) {
                row.put(field, full.get(field));
            }
            return row;
        }
        String objectId = memberKey.substring("user:".length());
        Optional<MailboxUser> user = recipients.mailboxUser(objectId);
        row.put("Name", user.map(MailboxUser::alias).orElse(objectId));
        row.put("DisplayName", user.map(MailboxUser::displayName).orElse(objectId));
        row.put("Alias", user.map(MailboxUser::alias).orElse(null));
        row.put("PrimarySmtpAddress", user.map(MailboxUser::userPrincipalName).orElse(null));
        row.put("RecipientType", user.isPresent() ? "UserMailbox" : "User");
        row.put("RecipientTypeDetails", user.isPresent() ? "UserMailbox" : "User");
        row.put("ExternalDirectoryObjectId", objectId);
        row.put("Identity", user.map(MailboxUser::alias).orElse(objectId));
        return row;
    }

    private Map<String, Object> roleGroupRow(RoleGroupState group) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Name", group.name);
        row.put("DisplayName", group.name);
        row.put("Identity", group.name);
        row.put("Guid", group.id);
        row.put("DistinguishedName", distinguishedName(group.name));
        row.put("RoleGroupType", "Standard");
        row.put("Roles", List.copyOf(group.roles));
        row.put(
                "RoleAssignments",
                group.roles.stream().map(role -> role + "-" + group.name).toList());
        row.put(
                "Members",
                group.members.stream()
                        .map(member -> recipientRow(member).get("Name"))
                        .toList());
        row.put("ManagedBy", List.of());
        return row;
    }

    private static Map<String, Object> assignmentRow(
            String role, RoleGroupState group, String method, String effectiveUser, List<String> chain) {
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

    private static String key(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    private static final class MailGroup {
        final String id;
        final String name;
        final String alias;
        final boolean security;
        final Set<String> members = new LinkedHashSet<>();

        MailGroup(String id, String name, String alias, boolean security) {
            this.id = id;
            this.name = name;
            this.alias = alias;
            this.security = security;
        }
    }

    private static final class RoleGroupState {
        final String id;
        final String name;
        final List<String> roles;
        final Set<String> members = new LinkedHashSet<>();

        RoleGroupState(String id, String name, List<String> roles) {
            this.id = id;
            this.name = name;
            this.roles = List.copyOf(roles);
        }
    }
}
