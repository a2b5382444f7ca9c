package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.AppRoleAssignment;
import io.serviceaccountbot.tenant.ExchangeAdmin.AppRoleGrant;
import io.serviceaccountbot.tenant.ExchangeAdmin.AuthorizationResult;
import io.serviceaccountbot.tenant.ExchangeAdmin.EffectiveAssignment;
import io.serviceaccountbot.tenant.ExchangeAdmin.ExchangeServicePrincipal;
import io.serviceaccountbot.tenant.ExchangeAdmin.MailEnabledGroup;
import io.serviceaccountbot.tenant.ExchangeAdmin.ManagementScope;
import io.serviceaccountbot.tenant.ExchangeAdmin.RoleGroup;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * What Exchange does when the bot asks, written once and run against WireMock stubs of Microsoft's documented
 * cmdlet behaviour, the simulated tenant and the simulated runner, so the two cannot drift apart. Each test uses its own
 * names, because the simulated tenant keeps what earlier tests made.
 */
abstract class ExchangeAdminContract {

    /** Which Exchange is on the other end. */
    enum Flavour {
        /** Exchange Online today. */
        EXCHANGE_ONLINE,
        /** Exchange Server through the runner: ApplicationImpersonation, and no RBAC for Applications. */
        EXCHANGE_SERVER
    }

    static final String IMPERSONATION = "ApplicationImpersonation";
    static final String SVC = "svc-sync@example.com";
    static final String TWO = "svc-two@example.com";
    static final String THREE = "svc-three@example.com";
    static final String NO_MAILBOX = "no-mailbox@example.com";
    static final String APP = "5a1e5f0c-0000-4000-8000-00000000a001";
    static final String APP_OBJECT = "5a1e5f0c-0000-4000-8000-00000000b001";
    static final String CLEANUP_APP = "5a1e5f0c-0000-4000-8000-00000000a002";
    static final String CLEANUP_OBJECT = "5a1e5f0c-0000-4000-8000-00000000b002";
    static final String ODD_APP = "5a1e5f0c-0000-4000-8000-00000000a003";
    static final String ODD_OBJECT = "5a1e5f0c-0000-4000-8000-00000000b003";
    static final String UNREGISTERED_APP = "5a1e5f0c-0000-4000-8000-00000000a004";
    static final String QUOTED_NAME = "Sync \"O'Brien\" $(whoami) `team`";

    /**
     * The distinguished name Exchange gives a group of that name in the example.com organisation, with the characters
     * a distinguished name reserves escaped.
     */
    static String distinguishedName(String name) {
        return "CN=" + name.replaceAll("([,+\"\\\\<>;=#])", "\\\\$1")
                + ",OU=example.com,OU=Microsoft Exchange Hosted Organizations,DC=SANDBOX01A001,DC=PROD,DC=OUTLOOK,DC=COM";
    }

    protected abstract ExchangeAdmin exchange();

    protected abstract Flavour flavour();

    protected abstract TestExchange.HeardWarnings warnings();

    /** Prepares the other end for the test of that name (the stubs script the exchange; the simulator needs nothing). */
    protected abstract void prepare(String test);

    /** Checks the other end saw exactly what it expected. */
    protected abstract void verify();

    @BeforeEach
    void prepareFor(TestInfo test) {
        prepare(test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void verifyExchange() {
        verify();
    }

    @Test
    void applicationImpersonationExistsOnlyOnExchangeServer() {
        if (flavour() == Flavour.EXCHANGE_SERVER) {
            assertThat(exchange().managementRole(IMPERSONATION))
                    .hasValueSatisfying(role -> assertThat(role.roleType()).isEqualTo(IMPERSONATION));
            assertThat(exchange().managementRole("Application Mail.ReadWrite"))
                    .as("Exchange Server has no application roles")
                    .isEmpty();
            return;
        }
        assertThat(exchange().managementRole(IMPERSONATION)).isEmpty();
        assertThat(exchange().managementRole("Application Mail.ReadWrite"))
                .hasValueSatisfying(role -> assertThat(role.name()).isEqualTo("Application Mail.ReadWrite"));
    }

    @Test
    void aMailEnabledSecurityGroupIsCreatedOnceAndFoundAgain() {
        MailEnabledGroup created = exchange().ensureSecurityGroup("Exchange Sync Accounts");
        MailEnabledGroup again = exchange().ensureSecurityGroup("Exchange Sync Accounts");

        assertThat(created.objectId()).as("its Entra object id").isNotBlank();
        assertThat(created)
                .isEqualTo(new MailEnabledGroup(
                        "Exchange Sync Accounts",
                        "ExchangeSyncAccounts",
                        "ExchangeSyncAccounts@example.com",
                        distinguishedName("Exchange Sync Accounts"),
                        List.of(),
                        created.objectId()));
        assertThat(again).isEqualTo(created);
        assertThat(exchange().securityGroup("Exchange Sync Accounts")).contains(created);
        assertThat(exchange().securityGroup("No Such Group")).isEmpty();
    }

    @Test
    void aGroupNameWithQuotesComesBackExactlyAsGiven() {
        MailEnabledGroup created = exchange().ensureSecurityGroup(QUOTED_NAME);

        assertThat(created.name()).isEqualTo(QUOTED_NAME);
        assertThat(created.alias()).isEqualTo("SyncOBrienwhoamiteam");
        assertThat(created.distinguishedName())
                .isEqualTo(distinguishedName(QUOTED_NAME))
                .contains("\\\"O'Brien\\\"");
        assertThat(exchange().securityGroup(QUOTED_NAME))
                .hasValueSatisfying(group -> assertThat(group.name()).isEqualTo(QUOTED_NAME));
    }

    @Test
    void aMemberAddedTwiceIsInOnceAndRemovedTwiceIsGone() {
        exchange().ensureSecurityGroup("Sync Members");

        exchange().addGroupMember("Sync Members", SVC);
        exchange().addGroupMember("Sync Members", SVC);
        assertThat(exchange().securityGroup("Sync Members").orElseThrow().members())
                .containsExactly(SVC);

        exchange().removeGroupMember("Sync Members", SVC);
        exchange().removeGroupMember("Sync Members", SVC);
        assertThat(exchange().securityGroup("Sync Members").orElseThrow().members())
                .isEmpty();
    }

    @Test
    void aUserWithoutAMailboxCannotJoinAGroup() {
        exchange().ensureSecurityGroup("Sync Mailboxless");

        assertThatThrownBy(() -> exchange().addGroupMember("Sync Mailboxless", NO_MAILBOX))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.service())
                            .isEqualTo(flavour() == Flavour.EXCHANGE_SERVER ? "Exchange Server" : "Exchange Online");
                    assertThat(e.code()).isEqualTo("ManagementObjectNotFoundException");
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(e.getMessage()).contains(NO_MAILBOX);
                });
    }

    @Test
    void everyMemberIsReadEvenBeyondOnePage() {
        exchange().ensureSecurityGroup("Sync Many");
        List<String> members =
                List.of("m1@example.com", "m2@example.com", "m3@example.com", "m4@example.com", "m5@example.com");
        members.forEach(member -> exchange().addGroupMember("Sync Many", member));

        assertThat(exchange().securityGroup("Sync Many").orElseThrow().members())
                .containsExactlyElementsOf(members);
    }

    @Test
    void theArticlesRoleGroupWorksOnlyWhereApplicationImpersonationExists() {
        if (flavour() == Flavour.EXCHANGE_ONLINE) {
            assertThatThrownBy(() -> exchange()
                            .ensureRoleGroup("Exchange sync role group", List.of(IMPERSONATION), List.of(SVC)))
                    .asInstanceOf(type(TenantException.class))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.ROLE_NOT_FOUND));
            assertThat(exchange().roleGroup("Exchange sync role group")).isEmpty();
            return;
        }
        exchange().ensureSecurityGroup("Exchange Sync Service Accounts");
        exchange().addGroupMember("Exchange Sync Service Accounts", SVC);

        RoleGroup created = exchange()
                .ensureRoleGroup(
                        "Exchange sync role group", List.of(IMPERSONATION), List.of("Exchange Sync Service Accounts"));
        RoleGroup again = exchange()
                .ensureRoleGroup(
                        "Exchange sync role group", List.of(IMPERSONATION), List.of("Exchange Sync Service Accounts"));

        assertThat(created)
                .isEqualTo(new RoleGroup(
                        "Exchange sync role group", List.of(IMPERSONATION), List.of("Exchange Sync Service Accounts")));
        assertThat(again).isEqualTo(created);
        assertThat(exchange().roleGroup("Exchange sync role group")).contains(created);
        assertThat(warnings().fromCmdlet("New-RoleGroup")).isTrue();
    }

    @Test
    void roleGroupMembersAreAddedAndRemovedIdempotently() {
        RoleGroup created = exchange().ensureRoleGroup("Recipient Helpers", List.of("Mail Recipients"), List.of());
        assertThat(created).isEqualTo(new RoleGroup("Recipient Helpers", List.of("Mail Recipients"), List.of()));

        exchange().addRoleGroupMember("Recipient Helpers", SVC);
        exchange().addRoleGroupMember("Recipient Helpers", SVC);
        assertThat(exchange().roleGroup("Recipient Helpers").orElseThrow().members())
                .containsExactly(SVC);

        exchange().removeRoleGroupMember("Recipient Helpers", SVC);
        exchange().removeRoleGroupMember("Recipient Helpers", SVC);
        assertThat(exchange().roleGroup("Recipient Helpers").orElseThrow().members())
                .isEmpty();
    }

    @Test
    void aRoleGroupMemberWithoutAMailboxIsRefused() {
        assertThatThrownBy(() -> exchange()
                        .ensureRoleGroup("Helpers Without Mail", List.of("Mail Recipients"), List.of(NO_MAILBOX)))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.getMessage()).contains(NO_MAILBOX);
                });
    }

    @Test
    void effectiveImpersonationReachesUsersThroughNestedGroups() {
        if (flavour() == Flavour.EXCHANGE_ONLINE) {
            assertThatThrownBy(() -> exchange().effectiveAssignments(IMPERSONATION))
                    .asInstanceOf(type(TenantException.class))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.ROLE_NOT_FOUND));
            return;
        }
        exchange().ensureSecurityGroup("Sync Outer");
        exchange().ensureSecurityGroup("Sync Inner");
        exchange().addGroupMember("Sync Inner", TWO);
        exchange().addGroupMember("Sync Outer", "Sync Inner");
        exchange().ensureRoleGroup("Nested sync role group", List.of(IMPERSONATION), List.of("Sync Outer", THREE));

        List<EffectiveAssignment> holders = exchange().effectiveAssignments(IMPERSONATION);

        assertThat(holders)
                .contains(
                        new EffectiveAssignment(IMPERSONATION, "svc-three", "Nested sync role group", null),
                        new EffectiveAssignment(IMPERSONATION, "svc-two", "Nested sync role group", "Sync Inner"))
                .noneMatch(holder -> holder.user().equals("All Group Members"));
    }

    @Test
    void anAppGetsMailAccessOnlyToTheMailboxesOfItsGroup() {
        if (flavour() == Flavour.EXCHANGE_SERVER) {
            rbacForApplicationsIsRefused();
            return;
        }
        exchange().ensureSecurityGroup("Salesforce Sync Mailboxes");
        exchange().addGroupMember("Salesforce Sync Mailboxes", SVC);

        ExchangeServicePrincipal principal = exchange().ensureServicePrincipal(APP, APP_OBJECT, "Salesforce Sync");
        assertThat(exchange().ensureServicePrincipal(APP, APP_OBJECT, "Salesforce Sync"))
                .isEqualTo(principal)
                .isEqualTo(new ExchangeServicePrincipal(APP, APP_OBJECT, "Salesforce Sync"));

        String filter = "MemberOfGroup -eq '" + distinguishedName("Salesforce Sync Mailboxes") + "'";
        ManagementScope scope = exchange().ensureManagementScope("Salesforce Sync Scope", filter);
        assertThat(exchange().ensureManagementScope("Salesforce Sync Scope", filter))
                .isEqualTo(scope)
                .isEqualTo(new ManagementScope("Salesforce Sync Scope", filter));

        AppRoleAssignment assignment =
                exchange().ensureAppRoleAssignment(APP, "Application Mail.ReadWrite", "Salesforce Sync Scope");
        assertThat(exchange().ensureAppRoleAssignment(APP, "Application Mail.ReadWrite", "Salesforce Sync Scope"))
                .isEqualTo(assignment);
        assertThat(assignment.role()).isEqualTo("Application Mail.ReadWrite");
        assertThat(assignment.scope()).isEqualTo("Salesforce Sync Scope");
        assertThat(assignment.name()).hasSizeLessThanOrEqualTo(64);
        assertThat(warnings().fromCmdlet("New-ManagementRoleAssignment")).isTrue();

        assertThat(exchange().testServicePrincipalAuthorization(APP, SVC))
                .containsExactly(new AuthorizationResult(
                        "Application Mail.ReadWrite", "Mail.ReadWrite", "Salesforce Sync Scope", true));
        assertThat(exchange().testServicePrincipalAuthorization(APP, TWO))
                .containsExactly(new AuthorizationResult(
                        "Application Mail.ReadWrite", "Mail.ReadWrite", "Salesforce Sync Scope", false));
    }

    @Test
    void anAppsScopeLeadsBackToItsGroup() {
        if (flavour() == Flavour.EXCHANGE_SERVER) {
            rbacForApplicationsIsRefused();
            return;
        }
        exchange().ensureSecurityGroup("Scoped Sync Mailboxes");
        exchange().addGroupMember("Scoped Sync Mailboxes", THREE);
        exchange().ensureServicePrincipal(APP, APP_OBJECT, "Salesforce Sync");
        String filter = "MemberOfGroup -eq '" + distinguishedName("Scoped Sync Mailboxes") + "'";
        exchange().ensureManagementScope("Scoped Sync Scope", filter);
        exchange().ensureAppRoleAssignment(APP, "Application Contacts.ReadWrite", "Scoped Sync Scope");

        assertThat(exchange().servicePrincipalRoles(APP).orElseThrow())
                .contains(new AuthorizationResult(
                        "Application Contacts.ReadWrite", "Contacts.ReadWrite", "Scoped Sync Scope", false));
        assertThat(exchange().managementScope("Scoped Sync Scope"))
                .contains(new ManagementScope("Scoped Sync Scope", filter));
        assertThat(exchange().securityGroup(distinguishedName("Scoped Sync Mailboxes")))
                .hasValueSatisfying(group -> {
                    assertThat(group.name()).isEqualTo("Scoped Sync Mailboxes");
                    assertThat(group.members()).containsExactly(THREE);
                });
        assertThat(exchange().managementScope("No Such Scope")).isEmpty();
        assertThat(exchange().servicePrincipalRoles(UNREGISTERED_APP)).isEmpty();
    }

    /** Exchange Online only: Exchange Server has no application roles, and the bot never asks it for them. */
    @Test
    void everyApplicationRoleIsListedWithItsAppAndScope() {
        if (flavour() == Flavour.EXCHANGE_SERVER) {
            return;
        }
        exchange().ensureServicePrincipal(APP, APP_OBJECT, "Salesforce Sync");
        exchange().ensureManagementScope("Listed Sync Scope", "Alias -eq 'svc-sync'");
        exchange().ensureAppRoleAssignment(APP, "Application Calendars.Read", "Listed Sync Scope");

        assertThat(exchange().appRoleAssignments())
                .contains(new AppRoleGrant(
                        new ExchangeServicePrincipal(APP, APP_OBJECT, "Salesforce Sync"),
                        new AppRoleAssignment(
                                Aliases.assignmentName(APP, "Application Calendars.Read", "Listed Sync Scope"),
                                APP,
                                "Application Calendars.Read",
                                "Listed Sync Scope")));
    }

    @Test
    void removingAppAccessTwiceLeavesNothingBehind() {
        if (flavour() == Flavour.EXCHANGE_SERVER) {
            rbacForApplicationsIsRefused();
            return;
        }
        exchange().ensureServicePrincipal(CLEANUP_APP, CLEANUP_OBJECT, "Cleanup App");
        exchange().ensureManagementScope("Cleanup Scope", "Alias -eq 'svc-sync'");
        exchange().ensureAppRoleAssignment(CLEANUP_APP, "Application Mail.Read", "Cleanup Scope");

        assertThatThrownBy(() -> exchange().removeManagementScope("Cleanup Scope"))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));

        exchange().removeAppRoleAssignment(CLEANUP_APP, "Application Mail.Read", "Cleanup Scope");
        exchange().removeAppRoleAssignment(CLEANUP_APP, "Application Mail.Read", "Cleanup Scope");
        exchange().removeManagementScope("Cleanup Scope");
        exchange().removeManagementScope("Cleanup Scope");
        exchange().removeServicePrincipal(CLEANUP_APP);
        exchange().removeServicePrincipal(CLEANUP_APP);

        assertThatThrownBy(() -> exchange().testServicePrincipalAuthorization(CLEANUP_APP, SVC))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void anApplicationRoleThisOrganisationLacksIsRoleNotFound() {
        if (flavour() == Flavour.EXCHANGE_SERVER) {
            rbacForApplicationsIsRefused();
            return;
        }
        exchange().ensureServicePrincipal(ODD_APP, ODD_OBJECT, "Odd App");
        exchange().ensureManagementScope("Odd Scope", "Alias -eq 'svc-sync'");

        assertThatThrownBy(() ->
                        exchange().ensureAppRoleAssignment(ODD_APP, "Application Teleport.ReadWrite", "Odd Scope"))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.ROLE_NOT_FOUND));
    }

    /** Exchange Server has no RBAC for Applications: the runner's allow-list refuses its cmdlets before any job. */
    private void rbacForApplicationsIsRefused() {
        assertThatThrownBy(() -> exchange().ensureServicePrincipal(APP, APP_OBJECT, "Salesforce Sync"))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));
    }
}
