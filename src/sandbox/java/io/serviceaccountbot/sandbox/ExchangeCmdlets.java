package io.serviceaccountbot.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The cmdlets the simulated Exchange answers, each with the parameters Exchange accepts for it (so a misspelt or
 * unsupported parameter fails as PowerShell fails it), dispatched to {@link SimulatedExchange}, {@link
 * SimulatedRoleGroups} and {@link SimulatedAppAccess}. Two sessions reach the same organisation: Exchange Online's
 * admin API ({@link #run}) and an Exchange Server session opened by the runner's runbook ({@link #runOnServer}), which
 * has New-Mailbox, Get-Mailbox, Get-User, the ActiveDirectory module's Get-ADUser and Set-ADUser, and role assignments
 * to users and security groups, but none of RBAC for Applications' service principal cmdlets.
 */
final class ExchangeCmdlets {

    private static final Set<String> COMMON = Set.of("Confirm", "WhatIf", "ErrorAction", "WarningAction", "Verbose");

    private final Map<String, Spec> online = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Spec> server = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    ExchangeCmdlets(SimulatedExchange exchange, SimulatedRoleGroups roles, SimulatedAppAccess apps) {
        online("Get-ManagementRole", "Identity", "", p -> roles.managementRole(p.required("Identity")));
        server("Get-ManagementRole", "Identity", "", p -> {
            String identity = p.required("Identity");
            if (SimulatedRoleGroups.isApplicationRole(identity.trim())) {
                throw CmdletFailure.notFound(identity); // RBAC for Applications is Exchange Online's alone
            }
            return roles.managementRole(identity);
        });
        define(
                "Get-DistributionGroup",
                "Identity",
                "ResultSize",
                p -> exchange.distributionGroup(p.required("Identity")));
        define(
                "Get-DistributionGroupMember",
                "Identity",
                "ResultSize",
                p -> exchange.distributionGroupMembers(p.required("Identity")));
        define(
                "New-DistributionGroup",
                "Name",
                "Alias Type Members DisplayName",
                p -> exchange.newDistributionGroup(
                        p.required("Name"), p.text("Alias"), p.text("Type"), p.texts("Members")));
        define(
                "Add-DistributionGroupMember",
                "Identity Member",
                "BypassSecurityGroupManagerCheck",
                p -> exchange.addDistributionGroupMember(p.required("Identity"), p.required("Member")));
        define(
                "Remove-DistributionGroupMember",
                "Identity Member",
                "BypassSecurityGroupManagerCheck",
                p -> exchange.removeDistributionGroupMember(p.required("Identity"), p.required("Member")));
        define("Get-RoleGroup", "Identity", "ResultSize", p -> roles.roleGroup(p.required("Identity")));
        define("Get-RoleGroupMember", "Identity", "ResultSize", p -> roles.roleGroupMembers(p.required("Identity")));
        define(
                "New-RoleGroup",
                "Name",
                "Roles Members DisplayName Description ManagedBy",
                p -> roles.newRoleGroup(p.required("Name"), p.texts("Roles"), p.texts("Members")));
        define(
                "Add-RoleGroupMember",
                "Identity Member",
                "BypassSecurityGroupManagerCheck",
                p -> roles.addRoleGroupMember(p.required("Identity"), p.required("Member")));
        define(
                "Remove-RoleGroupMember",
                "Identity Member",
                "BypassSecurityGroupManagerCheck",
                p -> roles.removeRoleGroupMember(p.required("Identity"), p.required("Member")));
        online(
                "Get-ManagementRoleAssignment",
                "",
                "Identity Role GetEffectiveUsers Delegating RoleAssigneeType",
                p -> assignments(roles, apps, p));
        server(
                "Get-ManagementRoleAssignment",
                "",
                "Identity Role RoleAssignee GetEffectiveUsers Delegating",
                p -> p.text("RoleAssignee") == null
                        ? assignments(roles, apps, p)
                        : assigneeAssignments(exchange, roles, apps, p));
        online(
                "New-ServicePrincipal",
                "AppId",
                "ObjectId ServiceId DisplayName",
                p -> apps.newServicePrincipal(
                        p.required("AppId"),
                        p.text("ObjectId") != null ? p.text("ObjectId") : p.required("ServiceId"),
                        p.text("DisplayName")));
        online(
                "Get-ServicePrincipal",
                "",
                "Identity",
                p -> p.text("Identity") == null ? apps.servicePrincipals() : apps.servicePrincipal(p.text("Identity")));
        online("Remove-ServicePrincipal", "Identity", "", p -> apps.removeServicePrincipal(p.required("Identity")));
        define(
                "New-ManagementScope",
                "Name RecipientRestrictionFilter",
                "",
                p -> apps.newScope(p.required("Name"), p.required("RecipientRestrictionFilter")));
        define("Get-ManagementScope", "Identity", "", p -> apps.scope(p.required("Identity")));
        define("Remove-ManagementScope", "Identity", "", p -> apps.removeScope(p.required("Identity")));
        online(
                "New-ManagementRoleAssignment",
                "Role App",
                "Name CustomResourceScope",
                p -> apps.newAssignment(
                        p.text("Name"), p.required("App"), p.required("Role"), p.text("CustomResourceScope")));
        server(
                "New-ManagementRoleAssignment",
                "Role",
                "Name User SecurityGroup CustomRecipientWriteScope",
                p -> apps.newUserAssignment(
                        p.text("Name"),
                        p.required("Role"),
                        p.text("User"),
                        p.text("SecurityGroup"),
                        p.text("CustomRecipientWriteScope")));
        define("Remove-ManagementRoleAssignment", "Identity", "", p -> apps.removeAssignment(p.required("Identity")));
        online(
                "Test-ServicePrincipalAuthorization",
                "Identity",
                "Resource",
                p -> apps.test(p.required("Identity"), p.text("Resource")));
        server(
                "New-Mailbox",
                "Name Password UserPrincipalName",
                "Alias DisplayName OrganizationalUnit ResetPasswordOnNextLogon",
                p -> exchange.newMailbox(
                        p.required("Name"),
                        p.text("Alias"),
                        p.required("UserPrincipalName"),
                        p.text("DisplayName"),
                        p.text("OrganizationalUnit"),
                        p.required("Password")));
        server("Get-Mailbox", "Identity", "ResultSize", p -> exchange.getMailbox(p.required("Identity")));
        server("Get-User", "Identity", "ResultSize", p -> exchange.getUser(p.required("Identity")));
        server("Get-AcceptedDomain", "", "", p -> exchange.acceptedDomains());
        server(
                "Get-ADUser",
                "Identity",
                "Properties",
                p -> exchange.getAdUser(p.required("Identity"), p.texts("Properties")));
        server(
                "Set-ADUser",
                "Identity",
                "PasswordNeverExpires",
                p -> exchange.setAdUser(p.required("Identity"), p.bool("PasswordNeverExpires")));
    }

    /** Whether the cmdlet only reads, so a later page may run it again. */
    static boolean reads(String cmdlet) {
        return cmdlet.regionMatches(true, 0, "Get-", 0, 4) || cmdlet.regionMatches(true, 0, "Test-", 0, 5);
    }

    /** Runs the cmdlet as Exchange Online's admin API does. */
    CmdletOutput run(String cmdlet, JsonNode parameters) {
        return run(online, cmdlet, parameters);
    }

    /** Runs the cmdlet in an Exchange Server session, as the runner's runbook does. */
    CmdletOutput runOnServer(String cmdlet, JsonNode parameters) {
        return run(server, cmdlet, parameters);
    }

    /** The cmdlets an Exchange Server session answers, each with the parameters it accepts besides the common ones. */
    Map<String, Set<String>> serverCmdlets() {
        Map<String, Set<String>> cmdlets = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        server.forEach((cmdlet, spec) -> cmdlets.put(cmdlet, spec.allowed()));
        return cmdlets;
    }

    private static CmdletOutput run(Map<String, Spec> specs, String cmdlet, JsonNode parameters) {
        Spec spec = specs.get(cmdlet);
        if (spec == null) {
            throw CmdletFailure.invalid(
                    "System.Management.Automation.CommandNotFoundException",
                    "The term '" + cmdlet + "' is not recognized as a name of a cmdlet, function, script file, or"
                            + " executable program. Check the spelling of the name, or if a path was included,"
                            + " verify that the path is correct and try again.");
        }
        Parameters given = new Parameters(parameters);
        for (String name : given.names()) {
            if (!spec.allowed().contains(name) && !COMMON.contains(name)) {
                throw CmdletFailure.invalid(
                        "System.Management.Automation.ParameterBindingException",
                        "A parameter cannot be found that matches parameter name '" + name + "'.");
            }
        }
        List<String> missing = spec.required().stream()
                .filter(name -> given.node(name) == null)
                .toList();
        if (!missing.isEmpty()) {
            throw CmdletFailure.invalid(
                    "System.Management.Automation.ParameterBindingException",
                    "Cannot process command because of one or more missing mandatory parameters: "
                            + String.join(" ", missing) + ".");
        }
        return spec.run().apply(given);
    }

    private static CmdletOutput assignments(SimulatedRoleGroups roles, SimulatedAppAccess apps, Parameters p) {
        String identity = p.text("Identity");
        if (identity != null) {
            return CmdletOutput.of(apps.assignment(identity)
                    .or(() -> roles.assignment(identity))
                    .orElseThrow(() -> CmdletFailure.notFound(identity)));
        }
        if (p.text("Role") == null && "ServicePrincipal".equalsIgnoreCase(p.text("RoleAssigneeType"))) {
            return CmdletOutput.of(apps.appAssignments());
        }
        String role = p.required("Role");
        List<Map<String, Object>> rows = new ArrayList<>(roles.effectiveUsers(role));
        rows.addAll(apps.effectiveUsers(roles.role(role)));
        if (!p.flag("GetEffectiveUsers")) {
            rows.removeIf(row -> !"All Group Members".equals(row.get("EffectiveUserName"))
                    && !"ServicePrincipal".equals(row.get("RoleAssigneeType"))
                    && !"User".equals(row.get("RoleAssigneeType")));
        }
        return CmdletOutput.of(rows);
    }

    /**
     * {@code Get-ManagementRoleAssignment -RoleAssignee}: the assignments made to that user, security group or role
     * group, directly or through the role groups and groups it belongs to (optionally of one role).
     */
    private static CmdletOutput assigneeAssignments(
            SimulatedExchange exchange, SimulatedRoleGroups roles, SimulatedAppAccess apps, Parameters p) {
        String assignee = p.required("RoleAssignee");
        String assigneeName;
        try {
            assigneeName =
                    String.valueOf(roles.roleGroup(assignee).rows().get(0).get("Name"));
        } catch (CmdletFailure notARoleGroup) {
            assigneeName = String.valueOf(
                    exchange.recipientRow(exchange.memberKey(assignee)).get("Name"));
        }
        List<String> wanted = p.text("Role") == null ? roles.roles() : List.of(roles.role(p.text("Role")));
        List<Map<String, Object>> found = new ArrayList<>();
        Set<Object> assignmentsSeen = new java.util.HashSet<>();
        for (String role : wanted) {
            List<Map<String, Object>> rows = new ArrayList<>(roles.effectiveUsers(role));
            rows.addAll(apps.effectiveUsers(role));
            for (Map<String, Object> row : rows) {
                if (reaches(row, assigneeName)
                        && (p.flag("GetEffectiveUsers") || assignmentsSeen.add(row.get("Name")))) {
                    found.add(row);
                }
            }
        }
        return CmdletOutput.of(found);
    }

    /** Whether the assignment row is made to the assignee, or reaches it through a group. */
    private static boolean reaches(Map<String, Object> row, String assignee) {
        return assignee.equalsIgnoreCase(String.valueOf(row.get("RoleAssigneeName")))
                || assignee.equalsIgnoreCase(String.valueOf(row.get("EffectiveUserName")))
                || row.get("AssignmentChain") instanceof List<?> chain
                        && chain.stream().anyMatch(link -> assignee.equalsIgnoreCase(String.valueOf(link)));
    }

    /** A cmdlet both sessions answer alike. */
    private void define(String cmdlet, String required, String optional, Function<Parameters, CmdletOutput> run) {
        online(cmdlet, required, optional, run);
        server(cmdlet, required, optional, run);
    }

    private void online(String cmdlet, String required, String optional, Function<Parameters, CmdletOutput> run) {
        online.put(cmdlet, spec(required, optional, run));
    }

    private void server(String cmdlet, String required, String optional, Function<Parameters, CmdletOutput> run) {
        server.put(cmdlet, spec(required, optional, run));
    }

    private static Spec spec(String required, String optional, Function<Parameters, CmdletOutput> run) {
        Set<String> requiredNames = names(required);
        Set<String> allowed = Stream.concat(requiredNames.stream(), names(optional).stream())
                .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
        return new Spec(allowed, requiredNames, run);
    }

    private static Set<String> names(String spaceSeparated) {
        return Stream.of(spaceSeparated.split(" "))
                .filter(name -> !name.isBlank())
                .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
    }

    private record Spec(Set<String> allowed, Set<String> required, Function<Parameters, CmdletOutput> run) {}

    /** The cmdlet's parameters, looked up case-insensitively as PowerShell binds them. */
    private static final class Parameters {

        private final Map<String, JsonNode> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        Parameters(JsonNode parameters) {
            if (parameters != null && parameters.isObject()) {
                parameters.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue()));
            }
        }

        Set<String> names() {
            return values.keySet();
        }

        JsonNode node(String name) {
            JsonNode value = values.get(name);
            return value == null || value.isNull() ? null : value;
        }

        String text(String name) {
            JsonNode value = node(name);
            if (value == null) {
                return null;
            }
            if (value.isArray() || value.isObject()) {
                throw CmdletFailure.invalid(
                        "System.Management.Automation.ParameterBindingException",
                        "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter '" + name
                                + "'. Specified method is not supported.");
            }
            return value.asString();
        }

        String required(String name) {
            String value = text(name);
            if (value == null || value.isBlank()) {
                throw CmdletFailure.invalid(
                        "System.Management.Automation.ParameterBindingException",
                        "Cannot validate argument on parameter '" + name + "'. The argument is null or empty.");
            }
            return value;
        }

        List<String> texts(String name) {
            JsonNode value = node(name);
            if (value == null) {
                return List.of();
            }
            List<String> texts = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(item -> texts.add(item.asString()));
            } else {
                texts.add(value.asString());
            }
            return texts;
        }

        boolean flag(String name) {
            JsonNode value = node(name);
            return value != null
                    && (value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asString()));
        }

        /** A [bool] parameter: absent is null; PowerShell takes only Booleans and the numbers 1 and 0. */
        Boolean bool(String name) {
            JsonNode value = node(name);
            if (value == null) {
                return null;
            }
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            if (value.isNumber() && (value.asInt() == 0 || value.asInt() == 1)) {
                return value.asInt() == 1;
            }
            throw CmdletFailure.invalid(
                    "System.Management.Automation.ParameterBindingException",
                    "Cannot process argument transformation on parameter '" + name + "'. Cannot convert value \""
                            + (value.isString() ? "System.String" : value.asString())
                            + "\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and"
                            + " numbers, such as $True, $False, 1 or 0.");
        }
    }
}
