package io.serviceaccountbot.tenant.exchange;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The reads {@link CmdletExchangeAdmin} asks right after a cmdlet, whatever its answer, written exactly as it asks
 * them: a group's members after the group, a group and its members read back after adding a member to it, a group
 * read back after creating it (when Exchange says it exists, the
 * adapter reads the one there), an account's mailbox after the account, an account read back after creating or
 * changing it. On Exchange Server they ride in the same job.
 */
final class ReadAhead {

    private ReadAhead() {}

    static List<Cmdlet> after(Cmdlet cmdlet) {
        String identity;
        switch (cmdlet.name()) {
            case "Get-DistributionGroup" -> {
                identity = text(cmdlet, "Identity");
                return identity == null ? List.of() : List.of(members("Get-DistributionGroupMember", identity));
            }
            case "New-DistributionGroup" -> {
                return groupReadBack(text(cmdlet, "Name"));
            }
            case "Add-DistributionGroupMember" -> {
                return groupReadBack(text(cmdlet, "Identity"));
            }
            case "Add-RoleGroupMember" -> {
                identity = text(cmdlet, "Identity");
                return identity == null
                        ? List.of()
                        : List.of(
                                Cmdlet.named("Get-RoleGroup").with("Identity", identity),
                                members("Get-RoleGroupMember", identity));
            }
            case "Get-RoleGroup" -> {
                identity = text(cmdlet, "Identity");
                return identity == null ? List.of() : List.of(members("Get-RoleGroupMember", identity));
            }
            case "New-RoleGroup" -> {
                identity = text(cmdlet, "Name");
                return identity == null
                        ? List.of()
                        : List.of(
                                members("Get-RoleGroupMember", identity),
                                Cmdlet.named("Get-RoleGroup").with("Identity", identity));
            }
            case "Get-User" -> {
                identity = text(cmdlet, "Identity");
                return identity == null
                        ? List.of()
                        : List.of(Cmdlet.named("Get-Mailbox").with("Identity", identity));
            }
            case "New-Mailbox", "Set-ADUser" -> {
                identity = text(cmdlet, cmdlet.name().equals("New-Mailbox") ? "UserPrincipalName" : "Identity");
                return identity == null
                        ? List.of()
                        : List.of(
                                Cmdlet.named("Get-User").with("Identity", identity),
                                Cmdlet.named("Get-Mailbox").with("Identity", identity));
            }
            default -> {
                return List.of();
            }
        }
    }

    /** The group and its members, read back after it was made or changed. */
    private static List<Cmdlet> groupReadBack(String identity) {
        return identity == null
                ? List.of()
                : List.of(
                        Cmdlet.named("Get-DistributionGroup").with("Identity", identity),
                        members("Get-DistributionGroupMember", identity));
    }

    private static Cmdlet members(String cmdlet, String identity) {
        return Cmdlet.named(cmdlet).with("Identity", identity).with("ResultSize", "Unlimited");
    }

    private static String text(Cmdlet cmdlet, String parameter) {
        JsonNode value = cmdlet.parameters().path(parameter);
        return value.isString() ? value.asString() : null;
    }
}
