package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.serviceaccountbot.sandbox.SandboxProperties.ExchangeFlavour;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exchange's rules, as the simulated organisation applies them, without HTTP. */
class SimulatedExchangeTest {

    private final SimulatedExchange exchange = new SimulatedExchange(TestMailboxes::find, "example.com");
    private final SimulatedRoleGroups server = new SimulatedRoleGroups(ExchangeFlavour.EXCHANGE_SERVER, exchange);
    private final SimulatedRoleGroups online = new SimulatedRoleGroups(
            ExchangeFlavour.EXCHANGE_ONLINE, new SimulatedExchange(TestMailboxes::find, "example.com"));

    private static CmdletFailure failure(Runnable cmdlet) {
        try {
            cmdlet.run();
        } catch (CmdletFailure failure) {
            return failure;
        }
        throw new AssertionError("the cmdlet succeeded");
    }

    @Test
    void groupAndRoleGroupNamesAreUniqueAcrossBoth() {
        exchange.newDistributionGroup("Sync", "Sync", "Security", List.of());

        assertThat(failure(() -> exchange.newDistributionGroup("sync", "Sync2", "Security", List.of()))
                        .type())
                .endsWith("ADObjectAlreadyExistsException");
        assertThat(failure(() -> server.newRoleGroup("SYNC", List.of("Mail Recipients"), List.of()))
                        .type())
                .endsWith("ADObjectAlreadyExistsException");
        assertThat(failure(() -> exchange.newDistributionGroup("Other", "Sync", "Security", List.of()))
                        .type())
                .endsWith("ProxyAddressExistsException");
    }

    @Test
    void onlyMailEnabledRecipientsCanBeMembers() {
        exchange.newDistributionGroup("Sync", null, "Security", List.of());

        CmdletFailure noMailbox = failure(() -> exchange.addDistributionGroupMember("Sync", "no-mailbox@example.com"));

        assertThat(noMailbox.type()).endsWith("ManagementObjectNotFoundException");
        assertThat(noMailbox.getMessage()).contains("no-mailbox@example.com");
        exchange.addDistributionGroupMember("Sync", "svc-sync");
        assertThat(exchange.distributionGroupMembers("Sync").rows())
                .extracting(row -> row.get("PrimarySmtpAddress"))
                .containsExactly("svc-sync@example.com");
    }

    @Test
    void aDistributionGroupIsNoSecurityPrincipalForARoleGroup() {
        exchange.newDistributionGroup("Newsletter", null, "Distribution", List.of());

        assertThat(failure(() -> server.newRoleGroup("Helpers", List.of("Mail Recipients"), List.of("Newsletter")))
                        .getMessage())
                .contains("not a security principal");
    }

    @Test
    void applicationImpersonationExistsOnlyOnExchangeServer() {
        assertThat(server.managementRole("ApplicationImpersonation").rows()).hasSize(1);
        assertThat(failure(() -> online.managementRole("ApplicationImpersonation"))
                        .getMessage())
                .contains("'ApplicationImpersonation' couldn't be found");
        assertThat(failure(() -> online.newRoleGroup("Sync", List.of("ApplicationImpersonation"), List.of()))
                        .type())
                .endsWith("ManagementObjectNotFoundException");
    }

    @Test
    void applicationRolesGoToAppsNotToRoleGroups() {
        assertThat(failure(() -> online.newRoleGroup("Apps", List.of("Application Mail.Read"), List.of()))
                        .getMessage())
                .contains("application role");
    }

    @Test
    void effectiveUsersAreFoundThroughNestedGroupsEvenWhenGroupsContainEachOther() {
        exchange.newDistributionGroup("Outer", null, "Security", List.of());
        exchange.newDistributionGroup("Inner", null, "Security", List.of("svc-two"));
        exchange.addDistributionGroupMember("Outer", "Inner");
        exchange.addDistributionGroupMember("Inner", "Outer");
        server.newRoleGroup("Sync role group", List.of("ApplicationImpersonation"), List.of("Outer", "svc-three"));

        List<Map<String, Object>> rows = server.effectiveUsers("ApplicationImpersonation");

        assertThat(rows)
                .extracting(row -> row.get("EffectiveUserName"), row -> row.get("AssignmentChain"))
                .containsExactly(
                        tuple("All Group Members", List.of()),
                        tuple("svc-two", List.of("Sync role group", "Outer", "Inner")),
                        tuple("svc-three", List.of("Sync role group")));
    }

    @Test
    void anAppIsInScopeOnlyForMailboxesItsScopeFilterMatches() {
        SimulatedAppAccess apps = new SimulatedAppAccess(exchange, online);
        exchange.newDistributionGroup("Synced", null, "Security", List.of("svc-sync"));
        apps.newServicePrincipal(
                "5a1e5f0c-0000-4000-8000-00000000a001", "5a1e5f0c-0000-4000-8000-00000000b001", "Sync");
        apps.newScope("By DN", "MemberOfGroup -eq '" + exchange.distinguishedName("Synced") + "'");
        apps.newAssignment(null, "Sync", "Application Mail.ReadWrite", "By DN");

        assertThat(apps.test("Sync", "svc-sync").rows())
                .extracting(row -> row.get("InScope"))
                .containsExactly(true);
        assertThat(apps.test("Sync", "svc-two").rows())
                .extracting(row -> row.get("InScope"))
                .containsExactly(false);
        assertThat(apps.test("Sync", null).rows())
                .extracting(row -> row.get("InScope"))
                .containsExactly("Not Run");
        assertThat(failure(() -> apps.removeScope("By DN")).getMessage()).contains("used by these role assignments");
        assertThat(failure(() -> apps.newAssignment(null, "Sync", "Mail Recipients", "By DN"))
                        .getMessage())
                .contains("only application roles");
    }

    @Test
    void whileTenantWideConsentRemainsEveryMailboxIsReachableThroughItWhateverTheScopeSays() {
        List<SimulatedAppAccess.ConsentedPermission> consent = new java.util.ArrayList<>(
                List.of(new SimulatedAppAccess.ConsentedPermission("Microsoft Graph", "Mail.Read")));
        SimulatedAppAccess apps = new SimulatedAppAccess(exchange, online, appId -> List.copyOf(consent));
        exchange.newDistributionGroup("Scoped", null, "Security", List.of("svc-sync"));
        apps.newServicePrincipal(
                "5a1e5f0c-0000-4000-8000-00000000a002", "5a1e5f0c-0000-4000-8000-00000000b002", "Consented");
        apps.newScope("Scoped only", "MemberOfGroup -eq '" + exchange.distinguishedName("Scoped") + "'");
        apps.newAssignment(null, "Consented", "Application Mail.Read", "Scoped only");

        assertThat(apps.test("Consented", "svc-two").rows())
                .extracting(
                        row -> row.get("RoleName"),
                        row -> row.get("GrantedPermissions"),
                        row -> row.get("AllowedResourceScope"),
                        row -> row.get("ScopeType"),
                        row -> row.get("InScope"))
                .containsExactly(
                        tuple("Application Mail.Read", "Mail.Read", "Scoped only", "CustomRecipientScope", false),
                        tuple("Microsoft Graph Mail.Read", "Mail.Read", "Organization", "Organization", true));

        consent.clear();

        assertThat(apps.test("Consented", "svc-two").rows())
                .extracting(row -> row.get("InScope"))
                .containsExactly(false);
    }
}
