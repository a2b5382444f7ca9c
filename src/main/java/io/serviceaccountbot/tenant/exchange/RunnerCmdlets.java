package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What the bot may ask of Exchange Server through the runner (see {@code deploy/exchange-server/PROTOCOL.md}): each
 * cmdlet with the parameters it may carry. The runbook {@code deploy/exchange-server/Invoke-ExchangeCmdlet.ps1} holds
 * the same allow-list and refuses anything else; a test keeps the two equal. The bot refuses first, before it calls
 * Azure, so a request the runbook would refuse never becomes a job, and a secret never becomes a job parameter.
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
            Map.entry("Get-AcceptedDomain", Set.of()),
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

    /** Key Vault's rule for secret names: 1 to 127 letters, digits and hyphens. */
    private static final Pattern SECRET_NAME = Pattern.compile("[0-9A-Za-z-]{1,127}");

    private RunnerCmdlets() {}

    /**
     * Refuses the batch unless every cmdlet and parameter is on the allow-list, every secret parameter is given by a
     * Key Vault secret's name and never as a value, and every value is text, true/false or a list of texts.
     *
     * @throws TenantException of kind {@link Kind#INVALID_REQUEST}, naming the cmdlet and parameter but no value
     */
    static void refuseUnlessAllowed(List<RunnerCall> calls) {
        if (calls.isEmpty()) {
            throw refused("a job without cmdlets", "Give the job at least one cmdlet.");
        }
        for (RunnerCall call : calls) {
            String cmdlet = call.cmdlet();
            Set<String> allowed = ALLOWED.get(cmdlet);
            if (allowed == null) {
                throw refused(
                        cmdlet + ", which is not on the Exchange Server runner's allow-list",
                        "Only the cmdlets of RunnerCmdlets.ALLOWED (and the runbook's $AllowedCmdlets) can run.");
            }
            Set<String> secret = SECRET_PARAMETERS.getOrDefault(cmdlet, Set.of());
            for (var parameter : call.parameters().properties()) {
                String name = parameter.getKey();
                if (!allowed.contains(name)) {
                    throw refused(
                            cmdlet + " -" + name + ", a parameter not on the allow-list",
                            "Only the parameters RunnerCmdlets.ALLOWED lists for " + cmdlet + " can be given.");
                }
                if (secret.contains(name)) {
                    throw refused(
                            cmdlet + " -" + name + " given as a value; it is a secret",
                            "Give -" + name + " as the name of a Key Vault secret (RunnerCall.withSecret): job"
                                    + " parameters are kept in the Automation account's job history.");
                }
                if (!isPlain(parameter.getValue())) {
                    throw refused(
                            cmdlet + " -" + name + " with a value that is not text, true/false or a list of texts",
                            "Give parameters as text, true/false or lists of texts, as the protocol says.");
                }
            }
            call.secretParameters().forEach((name, secretName) -> {
                if (!secret.contains(name)) {
                    throw refused(
                            cmdlet + " -" + name + " from a Key Vault secret; only " + secret
                                    + " may be given that way",
                            "Give -" + name + " as an ordinary parameter, or not at all.");
                }
                if (secretName == null || !SECRET_NAME.matcher(secretName).matches()) {
                    throw refused(
                            cmdlet + " -" + name + " from something that is not a Key Vault secret name",
                            "Give the secret's name (1 to 127 letters, digits and hyphens), never its value.");
                }
            });
        }
    }

    /** Text, true/false, or a list of texts: what the runbook splats. */
    static boolean isPlain(JsonNode value) {
        if (value.isString() || value.isBoolean()) {
            return true;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isString()) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static TenantException refused(String what, String fix) {
        return new TenantException(
                Kind.INVALID_REQUEST,
                RunnerErrors.SERVICE,
                "NotAllowed",
                null,
                "The bot refused to send the Exchange Server runner " + what,
                fix,
                null);
    }
}
