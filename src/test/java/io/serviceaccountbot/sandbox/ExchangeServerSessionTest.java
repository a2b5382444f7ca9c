package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.serviceaccountbot.sandbox.SandboxProperties.ExchangeFlavour;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cmdlets an Exchange Server session answers, as the runner's runbook runs them, without HTTP: New-Mailbox,
 * Get-Mailbox, Get-User, the ActiveDirectory module's Get-ADUser and Set-ADUser, and role assignments to users and
 * security groups limited to a recipient write scope; while Exchange Online's admin API answers as before.
 */
class ExchangeServerSessionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimulatedExchange exchange = new SimulatedExchange(TestMailboxes::find, "example.com");
    private final SimulatedRoleGroups roles = new SimulatedRoleGroups(ExchangeFlavour.EXCHANGE_SERVER, exchange);
    private final SimulatedAppAccess apps = new SimulatedAppAccess(exchange, roles);
    private final ExchangeCmdlets cmdlets = new ExchangeCmdlets(exchange, roles, apps);

    private List<Map<String, Object>> server(String cmdlet, String parameters) {
        return cmdlets.runOnServer(cmdlet, JSON.readTree(parameters)).rows();
    }

    private CmdletFailure serverFails(String cmdlet, String parameters) {
        return catchThrowableOfType(CmdletFailure.class, () -> server(cmdlet, parameters));
    }

    private void newMailbox(String name, String upn) {
        server("New-Mailbox", """
                {"Name":"%s","UserPrincipalName":"%s","Password":"Runner-Passw0rd"}""".formatted(name, upn));
    }

    @Test
    void newMailboxMakesAMailboxUserAtTheOrganisationsDomainThatExchangeKnowsAtOnce() {
        List<Map<String, Object>> created = server("New-Mailbox", """
                {"Name":"Runner Sync","UserPrincipalName":"svc-runner@corp.example.com","Password":"Runner-Passw0rd",
                 "DisplayName":"Runner Sync Service","ResetPasswordOnNextLogon":false}""");

        assertThat(created)
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("Name", "Runner Sync")
                        .containsEntry("Alias", "svc-runner")
                        .containsEntry("UserPrincipalName", "svc-runner@corp.example.com")
                        .containsEntry("PrimarySmtpAddress", "svc-runner@example.com")
                        .containsEntry("SamAccountName", "svc-runner")
                        .containsEntry("RecipientTypeDetails", "UserMailbox")
                        .containsEntry("OrganizationalUnit", "example.com/Users")
                        .doesNotContainKey("Password"));
        assertThat(server("Get-Mailbox", "{\"Identity\":\"svc-runner@corp.example.com\"}"))
                .extracting(row -> row.get("DisplayName"))
                .containsExactly("Runner Sync Service");
        assertThat(server("Get-User", "{\"Identity\":\"svc-runner\"}"))
                .extracting(row -> row.get("UserAccountControl"))
                .containsExactly("NormalAccount");
        server("New-DistributionGroup", "{\"Name\":\"Runners\",\"Type\":\"Security\",\"Members\":[\"svc-runner\"]}");
        assertThat(server("Get-DistributionGroupMember", "{\"Identity\":\"Runners\"}"))
                .extracting(row -> row.get("PrimarySmtpAddress"))
                .containsExactly("svc-runner@example.com");
    }

    @Test
    void newMailboxRefusesAWeakPasswordATakenUserPrincipalNameAndATakenAddress() {
        assertThat(serverFails("New-Mailbox", """
                        {"Name":"Weak","UserPrincipalName":"weak@example.com","Password":"password"}""").getMessage())
                .contains("does not meet the length, complexity, or history requirement");
        assertThat(serverFails("New-Mailbox", """
                        {"Name":"Twin","UserPrincipalName":"svc-sync@example.com","Password":"Runner-Passw0rd"}""").getMessage())
                .contains("\"svc-sync@example.com\" of property \"UserPrincipalName\" is used by another");
        assertThat(serverFails("New-Mailbox", """
                        {"Name":"Alias twin","Alias":"svc-two","UserPrincipalName":"other@example.com",
                         "Password":"Runner-Passw0rd"}""").type()).endsWith("ProxyAddressExistsException");
        assertThat(serverFails("New-Mailbox", "{\"Name\":\"No password\",\"UserPrincipalName\":\"np@example.com\"}")
                        .getMessage())
                .contains("missing mandatory parameters: Password");
    }

    @Test
    void setAdUserRecordsThatThePasswordNeverExpiresAndGetAdUserShowsItWhenAsked() {
        newMailbox("svc-never", "svc-never@example.com");

        assertThat(server("Set-ADUser", "{\"Identity\":\"svc-never\",\"PasswordNeverExpires\":true}"))
                .isEmpty();

        assertThat(server("Get-ADUser", "{\"Identity\":\"svc-never\",\"Properties\":[\"PasswordNeverExpires\"]}"))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("SamAccountName", "svc-never")
                        .containsEntry("UserPrincipalName", "svc-never@example.com")
                        .containsEntry("ObjectClass", "user")
                        .containsEntry("PasswordNeverExpires", true));
        assertThat(server("Get-ADUser", "{\"Identity\":\"svc-never\"}"))
                .singleElement()
                .satisfies(row -> assertThat(row).doesNotContainKey("PasswordNeverExpires"));
        assertThat(server("Get-User", "{\"Identity\":\"svc-never\"}"))
                .extracting(row -> row.get("UserAccountControl"))
                .containsExactly("NormalAccount, DontExpirePassword");
        String distinguishedName = String.valueOf(
                server("Get-ADUser", "{\"Identity\":\"svc-never\"}").get(0).get("DistinguishedName"));
        assertThat(server("Get-ADUser", "{\"Identity\":" + JSON.writeValueAsString(distinguishedName) + "}"))
                .hasSize(1);
    }

    @Test
    void activeDirectoryTakesNoUserPrincipalNameAsIdentityAndOnlyBooleansForPasswordNeverExpires() {
        newMailbox("svc-ad", "svc-ad@example.com");

        CmdletFailure byUpn = serverFails("Get-ADUser", "{\"Identity\":\"svc-ad@example.com\"}");
        assertThat(byUpn.type()).isEqualTo("Microsoft.ActiveDirectory.Management.ADIdentityNotFoundException");
        assertThat(byUpn.getMessage())
                .isEqualTo("Cannot find an object with identity: 'svc-ad@example.com' under: 'DC=example,DC=com'.");
        assertThat(serverFails("Set-ADUser", "{\"Identity\":\"svc-ad\",\"PasswordNeverExpires\":\"yes\"}")
                        .getMessage())
                .contains("Boolean parameters accept only Boolean values");
        assertThat(serverFails("Get-ADUser", "{\"Identity\":\"svc-ad\",\"Properties\":\"Colour\"}")
                        .getMessage())
                .startsWith("One or more properties are invalid.");
    }

    @Test
    void aRoleIsAssignedToAUserOrASecurityGroupWithinARecipientWriteScope() {
        server("New-DistributionGroup", "{\"Name\":\"Sync Accounts\",\"Type\":\"Security\",\"Members\":[\"m1\"]}");
        server("New-ManagementScope", """
                {"Name":"Synced mailboxes","RecipientRestrictionFilter":"MemberOfGroup -eq '%s'"}""".formatted(exchange.distinguishedName("Sync Accounts")));

        List<Map<String, Object>> assigned = server("New-ManagementRoleAssignment", """
                {"Role":"ApplicationImpersonation","User":"svc-sync","CustomRecipientWriteScope":"Synced mailboxes"}""");
        server("New-ManagementRoleAssignment", """
                {"Name":"Impersonation-Sync Accounts","Role":"ApplicationImpersonation","SecurityGroup":"Sync Accounts"}""");

        assertThat(assigned)
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("Name", "ApplicationImpersonation-svc-sync")
                        .containsEntry("RoleAssigneeType", "User")
                        .containsEntry("CustomRecipientWriteScope", "Synced mailboxes")
                        .containsEntry("RecipientWriteScope", "CustomRecipientScope"));
        assertThat(server("Get-ManagementRoleAssignment", """
                        {"Role":"ApplicationImpersonation","GetEffectiveUsers":true}"""))
                .extracting(row -> row.get("EffectiveUserName"), row -> row.get("RoleAssigneeType"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("svc-sync", "User"),
                        org.assertj.core.groups.Tuple.tuple("All Group Members", "SecurityGroup"),
                        org.assertj.core.groups.Tuple.tuple("m1", "SecurityGroup"));
        assertThat(server("Get-ManagementRoleAssignment", "{\"RoleAssignee\":\"svc-sync@example.com\"}"))
                .extracting(row -> row.get("Name"))
                .containsExactly("ApplicationImpersonation-svc-sync");
        assertThat(server("Get-ManagementRoleAssignment", "{\"RoleAssignee\":\"m1\"}"))
                .extracting(row -> row.get("Name"))
                .containsExactly("Impersonation-Sync Accounts");
        assertThat(serverFails("Remove-ManagementScope", "{\"Identity\":\"Synced mailboxes\"}")
                        .getMessage())
                .contains("ApplicationImpersonation-svc-sync");
        assertThat(serverFails("New-ManagementRoleAssignment", """
                        {"Role":"ApplicationImpersonation","User":"svc-two","SecurityGroup":"Sync Accounts"}""").getMessage())
                .startsWith("Parameter set cannot be resolved");
        server("Remove-ManagementRoleAssignment", "{\"Identity\":\"ApplicationImpersonation-svc-sync\"}");
        assertThat(server("Get-ManagementRoleAssignment", "{\"RoleAssignee\":\"svc-sync\"}"))
                .isEmpty();
    }

    @Test
    void eachSessionAnswersItsOwnCmdletsAndExchangeOnlineAnswersAsBefore() {
        assertThat(cmdlets.serverCmdlets()).containsKeys("New-Mailbox", "Get-ADUser", "Set-ADUser");
        assertThat(cmdlets.serverCmdlets())
                .doesNotContainKeys("New-ServicePrincipal", "Test-ServicePrincipalAuthorization");
        assertThat(catchThrowableOfType(
                                CmdletFailure.class,
                                () -> cmdlets.run("New-Mailbox", JSON.readTree("{\"Name\":\"x\"}")))
                        .type())
                .endsWith("CommandNotFoundException");
        assertThat(catchThrowableOfType(
                                CmdletFailure.class,
                                () -> cmdlets.run(
                                        "New-ManagementRoleAssignment",
                                        JSON.readTree("{\"Role\":\"ApplicationImpersonation\",\"User\":\"svc-sync\"}")))
                        .getMessage())
                .isEqualTo("A parameter cannot be found that matches parameter name 'User'.");
        assertThat(catchThrowableOfType(
                                CmdletFailure.class,
                                () -> cmdlets.runOnServer(
                                        "New-ServicePrincipal", JSON.readTree("{\"AppId\":\"x\",\"ObjectId\":\"y\"}")))
                        .type())
                .endsWith("CommandNotFoundException");
    }

    @Test
    void whatTheRunnerMadeIsSavedAndRestoredWithTheTenant() {
        newMailbox("svc-kept", "svc-kept@example.com");
        server("Set-ADUser", "{\"Identity\":\"svc-kept\",\"PasswordNeverExpires\":true}");
        server("New-ManagementRoleAssignment", "{\"Role\":\"Mail Recipients\",\"User\":\"svc-kept\"}");

        SimulatedExchange restored = new SimulatedExchange(TestMailboxes::find, "example.com");
        SimulatedRoleGroups restoredRoles = new SimulatedRoleGroups(ExchangeFlavour.EXCHANGE_SERVER, restored);
        SimulatedAppAccess restoredApps = new SimulatedAppAccess(restored, restoredRoles);
        restored.restore(JSON.readValue(JSON.writeValueAsString(exchange.saved()), SimulatedExchange.Saved.class));
        restoredApps.restore(JSON.readValue(JSON.writeValueAsString(apps.saved()), SimulatedAppAccess.Saved.class));
        ExchangeCmdlets again = new ExchangeCmdlets(restored, restoredRoles, restoredApps);

        assertThat(again.runOnServer(
                                "Get-ADUser",
                                JSON.readTree("{\"Identity\":\"svc-kept\",\"Properties\":\"PasswordNeverExpires\"}"))
                        .rows())
                .extracting(row -> row.get("PasswordNeverExpires"))
                .containsExactly(true);
        assertThat(restoredApps.assignment("Mail Recipients-svc-kept")).isPresent();
    }

    @Test
    void aTenantFileWrittenBeforeTheRunnerStillReads() {
        SimulatedExchange.Saved old = JSON.readValue("{\"groups\":[],\"names\":[]}", SimulatedExchange.Saved.class);
        SimulatedAppAccess.Saved oldApps =
                JSON.readValue("{\"principals\":[],\"scopes\":[],\"assignments\":[]}", SimulatedAppAccess.Saved.class);

        assertThat(old.mailboxes()).isEmpty();
        assertThat(old.passwordNeverExpires()).isEmpty();
        assertThat(oldApps.directAssignments()).isEmpty();
    }
}
