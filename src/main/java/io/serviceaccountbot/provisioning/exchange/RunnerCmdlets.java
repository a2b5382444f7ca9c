package io.serviceaccountbot.provisioning.exchange;

import java.util.Map;
import java.util.Set;

/**
 * What the bot may ask of Exchange Server through the runner (see {@code deploy/exchange-server/PROTOCOL.md}): each
 * cmdlet with the parameters it may carry. The runbook {@code deploy/exchange-server/Invoke-ExchangeCmdlet.ps1} holds
 * the same allow-list and refuses anything else; a test keeps the two equal.
 */
final class RunnerCmdlets {

    /** Cmdlet → the parameters it may be given. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry(
                    "New-Mailbox",
                    Set.of(
                            "Name",
                            "Alias",
                            "UserPrincipalName",
                            "DisplayName",
                            "OrganizationalUnit",
                            "Password",
                            "ResetPasswordOnNextLogon")),
            Map.entry("Get-Mailbox", Set.of("Identity", "ResultSize")),
            Map.entry("Get-User", Set.of("Identity")),
            Map.entry("Get-ADUser", Set.of("Identity", "Properties")),
            Map.entry("Set-ADUser", Set.of("Identity", "PasswordNeverExpires")),
            Map.entry("Get-DistributionGroup", Set.of("Identity", "ResultSize")),
            Map.entry("Get-DistributionGroupMember", Set.of("Identity", "ResultSize")),
            Map.entry("New-DistributionGroup", Set.of("Name", "Alias", "Type", "Members")),
            Map.entry("Add-DistributionGroupMember", Set.of("Identity", "Member", "BypassSecurityGroupManagerCheck")),
            Map.entry(
                    "Remove-DistributionGroupMember",
                    Set.of("Identity", "Member", "BypassSecurityGroupManagerCheck", "Confirm")),
            Map.entry("Get-RoleGroup", Set.of("Identity")),
            Map.entry("Get-RoleGroupMember", Set.of("Identity", "ResultSize")),
            Map.entry("New-RoleGroup", Set.of("Name", "Roles", "Members")),
            Map.entry("Add-RoleGroupMember", Set.of("Identity", "Member", "BypassSecurityGroupManagerCheck")),
            Map.entry(
                    "Remove-RoleGroupMember",
                    Set.of("Identity", "Member", "BypassSecurityGroupManagerCheck", "Confirm")),
            Map.entry("Get-ManagementRole", Set.of("Identity")),
            Map.entry(
                    "Get-ManagementRoleAssignment",
                    Set.of("Identity", "Role", "RoleAssignee", "GetEffectiveUsers", "Delegating")),
            Map.entry(
                    "New-ManagementRoleAssignment",
                    Set.of("Name", "Role", "User", "SecurityGroup", "CustomRecipientWriteScope")),
            Map.entry("Remove-ManagementRoleAssignment", Set.of("Identity", "Confirm")),
            Map.entry("New-ManagementScope", Set.of("Name", "RecipientRestrictionFilter")),
            Map.entry("Get-ManagementScope", Set.of("Identity")),
            Map.entry("Remove-ManagementScope", Set.of("Identity", "Confirm")));

    /** Cmdlet → the parameters that are given as a Key Vault secret's name, never as a value. */
    static final Map<String, Set<String>> SECRET_PARAMETERS = Map.of("New-Mailbox", Set.of("Password"));

    private RunnerCmdlets() {}
}
