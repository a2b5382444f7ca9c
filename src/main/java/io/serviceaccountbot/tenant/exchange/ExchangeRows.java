package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.ExchangeAdmin.AppRoleAssignment;
import io.serviceaccountbot.tenant.ExchangeAdmin.AuthorizationResult;
import io.serviceaccountbot.tenant.ExchangeAdmin.EffectiveAssignment;
import io.serviceaccountbot.tenant.ExchangeAdmin.ExchangeServicePrincipal;
import io.serviceaccountbot.tenant.ExchangeAdmin.MailEnabledGroup;
import io.serviceaccountbot.tenant.ExchangeAdmin.ManagementRole;
import io.serviceaccountbot.tenant.ExchangeAdmin.ManagementScope;
import io.serviceaccountbot.tenant.ExchangeAdmin.RoleGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Cmdlet output objects (Exchange's property names) read into the port's records. */
final class ExchangeRows {

    /** The row Get-ManagementRoleAssignment -GetEffectiveUsers adds for each group assignment itself. */
    static final String ALL_GROUP_MEMBERS = "All Group Members";

    private static final Set<String> PEOPLE = Set.of("UserMailbox", "MailUser", "SharedMailbox", "User");

    private ExchangeRows() {}

    static ManagementRole role(JsonNode row) {
        return new ManagementRole(text(row, "Name"), text(row, "RoleType"));
    }

    static boolean isSecurityGroup(JsonNode row) {
        String type = text(row, "RecipientTypeDetails", "RecipientType");
        String groupType = text(row, "GroupType");
        return "MailUniversalSecurityGroup".equalsIgnoreCase(type)
                || (groupType != null && groupType.contains("SecurityEnabled"));
    }

    static MailEnabledGroup group(JsonNode row, List<String> members) {
        return new MailEnabledGroup(
                text(row, "Name"),
                text(row, "Alias"),
                text(row, "PrimarySmtpAddress"),
                text(row, "DistinguishedName"),
                List.copyOf(members),
                text(row, "ExternalDirectoryObjectId"));
    }

    /** A mailbox user or mail user by address, which is what admins know them by; a group by its name. */
    static String memberName(JsonNode row) {
        String type = text(row, "RecipientTypeDetails", "RecipientType");
        String address = text(row, "PrimarySmtpAddress");
        if (type != null && PEOPLE.contains(type) && address != null) {
            return address;
        }
        return text(row, "Name", "Identity");
    }

    static List<String> memberNames(List<JsonNode> rows) {
        return rows.stream().map(ExchangeRows::memberName).toList();
    }

    static RoleGroup roleGroup(JsonNode row, List<String> members) {
        List<String> roles =
                strings(row, "Roles").stream().map(ExchangeRows::roleName).toList();
        return new RoleGroup(text(row, "Name"), roles, List.copyOf(members));
    }

    /** A role as Get-RoleGroup lists it: its name, or the last part of a path or distinguished name. */
    static String roleName(String value) {
        if (value == null) {
            return null;
        }
        String name = value;
        int separator = Math.max(name.lastIndexOf('\\'), name.lastIndexOf('/'));
        if (separator >= 0) {
            name = name.substring(separator + 1);
        }
        if (name.regionMatches(true, 0, "CN=", 0, 3)) {
            int comma = name.indexOf(',');
            name = name.substring(3, comma < 0 ? name.length() : comma);
        }
        return name;
    }

    static boolean isEffectiveUser(JsonNode row) {
        String user = text(row, "EffectiveUserName");
        return user != null && !ALL_GROUP_MEMBERS.equalsIgnoreCase(user);
    }

    /** The group through which the user holds the role: the last link of the assignment chain below the assignee. */
    static EffectiveAssignment effective(JsonNode row, String role) {
        List<String> chain = strings(row, "AssignmentChain");
        String via = chain.size() > 1 ? chain.get(chain.size() - 1) : null;
        String assignedRole = text(row, "Role");
        String scope = text(row, "CustomRecipientWriteScope");
        return new EffectiveAssignment(
                assignedRole == null ? role : roleName(assignedRole),
                text(row, "EffectiveUserName"),
                text(row, "RoleAssigneeName"),
                via,
                scope == null ? null : text(row, "Name"),
                scope);
    }

    static ExchangeServicePrincipal servicePrincipal(JsonNode row) {
        return new ExchangeServicePrincipal(
                text(row, "AppId"), text(row, "ObjectId", "ServiceId"), text(row, "DisplayName"));
    }

    static ManagementScope scope(JsonNode row) {
        return new ManagementScope(text(row, "Name"), text(row, "RecipientFilter", "RecipientRestrictionFilter"));
    }

    static AppRoleAssignment appAssignment(JsonNode row, String appId) {
        return new AppRoleAssignment(
                text(row, "Name"), appId, roleName(text(row, "Role")), text(row, "CustomResourceScope"));
    }

    static AuthorizationResult authorization(JsonNode row) {
        JsonNode inScope = row.path("InScope");
        boolean in = inScope.isBoolean() ? inScope.booleanValue() : "True".equalsIgnoreCase(inScope.asString(""));
        return new AuthorizationResult(
                text(row, "RoleName"), text(row, "GrantedPermissions"), text(row, "AllowedResourceScope"), in);
    }

    /** The first of the fields that holds text. */
    static String text(JsonNode row, String... fields) {
        for (String field : fields) {
            JsonNode value = row.path(field);
            if (value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return null;
    }

    static List<String> strings(JsonNode row, String field) {
        List<String> values = new ArrayList<>();
        JsonNode node = row.path(field);
        if (node.isArray()) {
            node.forEach(value -> {
                if (value.isString()) {
                    values.add(value.asString());
                }
            });
        } else if (node.isString() && !node.asString().isBlank()) {
            values.add(node.asString());
        }
        return values;
    }
}
