package io.serviceaccountbot.tenant.exchange;

import static io.serviceaccountbot.tenant.exchange.CmdletScript.mailbox;
import static io.serviceaccountbot.tenant.exchange.CmdletScript.roleGroup;
import static io.serviceaccountbot.tenant.exchange.CmdletScript.row;
import static io.serviceaccountbot.tenant.exchange.CmdletScript.securityGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract against WireMock stubs written from Microsoft's cmdlet reference (parameters, output objects, errors)
 * and from how the ExchangeOnlineManagement module calls InvokeCommand. Each test's script lists the exact requests the
 * adapter must send, in order, and what Exchange answers; a request off the script fails the test.
 */
class StubbedExchangeContractIT {

    static final String NOT_FOUND = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException";
    static final String EXISTS = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException";
    static final String ALREADY_MEMBER = "Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException";
    static final String NOT_MEMBER = "Microsoft.Exchange.Management.Tasks.MemberNotFoundException";
    static final String SERVER = "AM0PR01MB0001.eurprd01.prod.outlook.com";
    static final String IMPERSONATION = ExchangeAdminContract.IMPERSONATION;
    static final String SVC = ExchangeAdminContract.SVC;

    static String couldNotFind(String identity) {
        return "The operation couldn't be performed because object '" + identity + "' couldn't be found on '" + SERVER
                + "'.";
    }

    static String noRecipient(String identity) {
        return "Couldn't find object \"" + identity
                + "\". Please make sure that it was spelled correctly or specify a different object.";
    }

    static String exists(String name) {
        return "Active Directory operation failed on " + SERVER + ". The object 'CN=" + name
                + ",OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=EURPR01A001,DC=prod,"
                + "DC=outlook,DC=com' already exists.";
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class AgainstStubs extends ExchangeAdminContract {

        private final WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        private final List<String> scopes = new ArrayList<>();
        private TestExchange.HeardWarnings warnings;
        private ExchangeAdmin exchange;
        private CmdletScript script;

        /** The script of each test, by test name. */
        abstract Map<String, Consumer<CmdletScript>> scripts();

        @BeforeAll
        void start() {
            server.start();
        }

        @AfterAll
        void stop() {
            server.stop();
        }

        @Override
        protected void prepare(String test) {
            server.resetAll();
            warnings = new TestExchange.HeardWarnings();
            AccessTokens tokens = scope -> {
                scopes.add(scope);
                return CmdletScript.TOKEN;
            };
            exchange = TestExchange.admin(
                    server.baseUrl(),
                    tokens,
                    Duration.ofSeconds(5),
                    TestExchange.instantRetries(new ArrayList<>()),
                    warnings);
            script = new CmdletScript(server, test);
            Consumer<CmdletScript> steps = scripts().get(test);
            assertThat(steps).as("a script for " + test).isNotNull();
            steps.accept(script);
        }

        @Override
        protected void verify() {
            script.verifyDone();
            assertThat(scopes).containsOnly(AccessTokens.EXCHANGE);
        }

        @Override
        protected ExchangeAdmin exchange() {
            return exchange;
        }

        @Override
        protected TestExchange.HeardWarnings warnings() {
            return warnings;
        }
    }

    @Nested
    class ExchangeOnline extends AgainstStubs {

        @Override
        protected Flavour flavour() {
            return Flavour.EXCHANGE_ONLINE;
        }

        @Override
        Map<String, Consumer<CmdletScript>> scripts() {
            return Scripts.exchangeOnline();
        }
    }

    /** What Exchange answers, scenario by scenario. */
    static final class Scripts {

        static Map<String, Consumer<CmdletScript>> exchangeOnline() {
            return Map.ofEntries(
                    Map.entry("applicationImpersonationExistsOnlyOnExchangeServer", Scripts::roles),
                    Map.entry("aMailEnabledSecurityGroupIsCreatedOnceAndFoundAgain", Scripts::groupCreatedOnce),
                    Map.entry("aGroupNameWithQuotesComesBackExactlyAsGiven", Scripts::quotedName),
                    Map.entry("aMemberAddedTwiceIsInOnceAndRemovedTwiceIsGone", Scripts::memberTwice),
                    Map.entry("aUserWithoutAMailboxCannotJoinAGroup", Scripts::mailboxless),
                    Map.entry("everyMemberIsReadEvenBeyondOnePage", Scripts::manyMembers),
                    Map.entry(
                            "theArticlesRoleGroupWorksOnlyWhereApplicationImpersonationExists",
                            Scripts::articleRoleGroupRefused),
                    Map.entry("roleGroupMembersAreAddedAndRemovedIdempotently", Scripts::roleGroupMembers),
                    Map.entry("aRoleGroupMemberWithoutAMailboxIsRefused", Scripts::roleGroupMailboxless),
                    Map.entry("effectiveImpersonationReachesUsersThroughNestedGroups", Scripts::noImpersonationHolders),
                    Map.entry("anAppGetsMailAccessOnlyToTheMailboxesOfItsGroup", Scripts::appAccess),
                    Map.entry("removingAppAccessTwiceLeavesNothingBehind", Scripts::appAccessRemoved),
                    Map.entry("anAppsScopeLeadsBackToItsGroup", Scripts::scopeToGroup),
                    Map.entry("everyApplicationRoleIsListedWithItsAppAndScope", Scripts::appRolesListed),
                    Map.entry("anApplicationRoleThisOrganisationLacksIsRoleNotFound", Scripts::unknownAppRole));
        }

        /** Get-ManagementRole returns the role with its RoleType, or ManagementObjectNotFoundException. */
        static void roles(CmdletScript s) {
            s.expect("Get-ManagementRole", "Identity", IMPERSONATION)
                    .fails(404, NOT_FOUND, couldNotFind(IMPERSONATION));
            s.expect("Get-ManagementRole", "Identity", "Application Mail.ReadWrite")
                    .returns(row("Name", "Application Mail.ReadWrite", "RoleType", "ApplicationMailReadWrite"));
        }

        /** New-DistributionGroup -Type Security returns the group; a second one with that name fails. */
        static void groupCreatedOnce(CmdletScript s) {
            String name = "Exchange Sync Accounts";
            s.expect("New-DistributionGroup", "Name", name, "Alias", "ExchangeSyncAccounts", "Type", "Security")
                    .returns(securityGroup(name, "ExchangeSyncAccounts"));
            s.expect("New-DistributionGroup", "Name", name, "Alias", "ExchangeSyncAccounts", "Type", "Security")
                    .fails(400, EXISTS, exists(name));
            s.expect("Get-DistributionGroup", "Identity", name).returns(securityGroup(name, "ExchangeSyncAccounts"));
            s.expect("Get-DistributionGroupMember", "Identity", name, "ResultSize", "Unlimited")
                    .returns();
            s.expect("Get-DistributionGroup", "Identity", name).returns(securityGroup(name, "ExchangeSyncAccounts"));
            s.expect("Get-DistributionGroupMember", "Identity", name, "ResultSize", "Unlimited")
                    .returns();
            s.expect("Get-DistributionGroup", "Identity", "No Such Group")
                    .failsPrinted(404, "Ex6F9304", NOT_FOUND, couldNotFind("No Such Group"));
        }

        static void quotedName(CmdletScript s) {
            String name = ExchangeAdminContract.QUOTED_NAME;
            s.expect("New-DistributionGroup", "Name", name, "Alias", "SyncOBrienwhoamiteam", "Type", "Security")
                    .returns(securityGroup(name, "SyncOBrienwhoamiteam"));
            s.expect("Get-DistributionGroup", "Identity", name).returns(securityGroup(name, "SyncOBrienwhoamiteam"));
            s.expect("Get-DistributionGroupMember", "Identity", name, "ResultSize", "Unlimited")
                    .returns();
        }

        /**
         * Add-DistributionGroupMember needs -BypassSecurityGroupManagerCheck when the caller is not an owner; adding a
         * member twice is MemberAlreadyExistsException, removing a non-member MemberNotFoundException.
         */
        static void memberTwice(CmdletScript s) {
            String group = "Sync Members";
            s.expect("New-DistributionGroup", "Name", group, "Alias", "SyncMembers", "Type", "Security")
                    .returns(securityGroup(group, "SyncMembers"));
            s.expect(
                            "Add-DistributionGroupMember",
                            "Identity",
                            group,
                            "Member",
                            SVC,
                            "BypassSecurityGroupManagerCheck",
                            true)
                    .returns();
            s.expect(
                            "Add-DistributionGroupMember",
                            "Identity",
                            group,
                            "Member",
                            SVC,
                            "BypassSecurityGroupManagerCheck",
                            true)
                    .failsPrinted(
                            400,
                            "ExC4B3F9",
                            ALREADY_MEMBER,
                            "The recipient \"" + SVC + "\" is already a member of the group \"" + group + "\".");
            s.expect("Get-DistributionGroup", "Identity", group).returns(securityGroup(group, "SyncMembers"));
            s.expect("Get-DistributionGroupMember", "Identity", group, "ResultSize", "Unlimited")
                    .returns(mailbox("svc-sync"));
            s.expect(
                            "Remove-DistributionGroupMember",
                            "Identity",
                            group,
                            "Member",
                            SVC,
                            "BypassSecurityGroupManagerCheck",
                            true,
                            "Confirm",
                            false)
                    .returns();
            s.expect(
                            "Remove-DistributionGroupMember",
                            "Identity",
                            group,
                            "Member",
                            SVC,
                            "BypassSecurityGroupManagerCheck",
                            true,
                            "Confirm",
                            false)
                    .fails(
                            400,
                            NOT_MEMBER,
                            "The recipient \"" + SVC + "\" isn't a member of the group \"" + group + "\".");
            s.expect("Get-DistributionGroup", "Identity", group).returns(securityGroup(group, "SyncMembers"));
            s.expect("Get-DistributionGroupMember", "Identity", group, "ResultSize", "Unlimited")
                    .returns();
        }

        /** Members must be mail-enabled recipients: a user without a mailbox is not found as a recipient. */
        static void mailboxless(CmdletScript s) {
            String group = "Sync Mailboxless";
            s.expect("New-DistributionGroup", "Name", group, "Alias", "SyncMailboxless", "Type", "Security")
                    .returns(securityGroup(group, "SyncMailboxless"));
            s.expect(
                            "Add-DistributionGroupMember",
                            "Identity",
                            group,
                            "Member",
                            ExchangeAdminContract.NO_MAILBOX,
                            "BypassSecurityGroupManagerCheck",
                            true)
                    .failsPrinted(404, "Ex6F9304", NOT_FOUND, noRecipient(ExchangeAdminContract.NO_MAILBOX));
        }

        /** The adapter asks for two objects per page; the rest follows @odata.nextLink with the same body. */
        static void manyMembers(CmdletScript s) {
            String group = "Sync Many";
            s.expect("New-DistributionGroup", "Name", group, "Alias", "SyncMany", "Type", "Security")
                    .returns(securityGroup(group, "SyncMany"));
            for (String member : List.of("m1", "m2", "m3", "m4", "m5")) {
                s.expect(
                                "Add-DistributionGroupMember",
                                "Identity",
                                group,
                                "Member",
                                member + "@example.com",
                                "BypassSecurityGroupManagerCheck",
                                true)
                        .returns();
            }
            s.expect("Get-DistributionGroup", "Identity", group).returns(securityGroup(group, "SyncMany"));
            s.expect("Get-DistributionGroupMember", "Identity", group, "ResultSize", "Unlimited")
                    .returnsPage("2", mailbox("m1"), mailbox("m2"));
            s.expect("Get-DistributionGroupMember", "Identity", group, "ResultSize", "Unlimited")
                    .onPage("2")
                    .returnsPage("4", mailbox("m3"), mailbox("m4"));
            s.expect("Get-DistributionGroupMember", "Identity", group, "ResultSize", "Unlimited")
                    .onPage("4")
                    .returns(mailbox("m5"));
        }

        /** In today's Exchange Online the role cannot be resolved, so New-RoleGroup fails on it. */
        static void articleRoleGroupRefused(CmdletScript s) {
            String roleGroup = "Exchange sync role group";
            s.expect("New-RoleGroup", "Name", roleGroup, "Roles", List.of(IMPERSONATION), "Members", List.of(SVC))
                    .fails(404, NOT_FOUND, couldNotFind(IMPERSONATION));
            s.expect("Get-RoleGroup", "Identity", roleGroup).fails(404, NOT_FOUND, couldNotFind(roleGroup));
        }

        static void roleGroupMembers(CmdletScript s) {
            String roleGroup = "Recipient Helpers";
            s.expect("New-RoleGroup", "Name", roleGroup, "Roles", List.of("Mail Recipients"))
                    .returns(roleGroup(roleGroup, List.of("Mail Recipients"), List.of()));
            s.expect(
                            "Add-RoleGroupMember",
                            "Identity",
                            roleGroup,
                            "Member",
                            SVC,
                            "BypassSecurityGroupManagerCheck",
                            true)
                    .returns();
            s.expect(
                            "Add-RoleGroupMember",
                            "Identity",
                            roleGroup,
                            "Member",
                            SVC,
                            "BypassSecurityGroupManagerCheck",
                            true)
                    .fails(
                            400,
                            ALREADY_MEMBER,
                            "The recipient \"" + SVC + "\" is already a member of the group \"" + roleGroup + "\".");
            s.expect("Get-RoleGroup", "Identity", roleGroup)
                    .returns(roleGroup(roleGroup, List.of("Mail Recipients"), List.of("svc-sync")));
            s.expect("Get-RoleGroupMember", "Identity", roleGroup, "ResultSize", "Unlimited")
                    .returns(mailbox("svc-sync"));
            s.expect(
                            "Remove-RoleGroupMember",
                            "Identity",
                            roleGroup,
                            "Member",
                            SVC,
                            "BypassSecurityGroupManagerCheck",
                            true,
                            "Confirm",
                            false)
                    .returns();
            s.expect(
                            "Remove-RoleGroupMember",
                            "Identity",
                            roleGroup,
                            "Member",
                            SVC,
                            "BypassSecurityGroupManagerCheck",
                            true,
                            "Confirm",
                            false)
                    .failsPrinted(
                            400,
                            "Ex8A1FD2",
                            NOT_MEMBER,
                            "The recipient \"" + SVC + "\" isn't a member of the group \"" + roleGroup + "\".");
            s.expect("Get-RoleGroup", "Identity", roleGroup)
                    .returns(roleGroup(roleGroup, List.of("Mail Recipients"), List.of()));
            s.expect("Get-RoleGroupMember", "Identity", roleGroup, "ResultSize", "Unlimited")
                    .returns();
        }

        static void roleGroupMailboxless(CmdletScript s) {
            s.expect(
                            "New-RoleGroup",
                            "Name",
                            "Helpers Without Mail",
                            "Roles",
                            List.of("Mail Recipients"),
                            "Members",
                            List.of(ExchangeAdminContract.NO_MAILBOX))
                    .fails(404, NOT_FOUND, noRecipient(ExchangeAdminContract.NO_MAILBOX));
        }

        static void noImpersonationHolders(CmdletScript s) {
            s.expect(
                            "Get-ManagementRoleAssignment",
                            "Role",
                            IMPERSONATION,
                            "GetEffectiveUsers",
                            true,
                            "Delegating",
                            false)
                    .fails(404, NOT_FOUND, couldNotFind(IMPERSONATION));
        }

        private static String holder(String name, String roleGroup, String method, String user, List<String> chain) {
            return row(
                    "Name", name,
                    "Role", IMPERSONATION,
                    "RoleAssigneeName", roleGroup,
                    "RoleAssigneeType", "RoleGroup",
                    "AssignmentMethod", method,
                    "EffectiveUserName", user,
                    "AssignmentChain", chain,
                    "RoleAssignmentDelegationType", "Regular");
        }

        /** RBAC for Applications, as learn.microsoft.com/exchange/permissions-exo/application-rbac walks through it. */
        static void appAccess(CmdletScript s) {
            String group = "Salesforce Sync Mailboxes";
            String app = ExchangeAdminContract.APP;
            String object = ExchangeAdminContract.APP_OBJECT;
            String scope = "Salesforce Sync Scope";
            String filter = "MemberOfGroup -eq '" + ExchangeAdminContract.distinguishedName(group) + "'";
            String role = "Application Mail.ReadWrite";
            String name = Aliases.assignmentName(app, role, scope);
            String principal = row(
                    "DisplayName",
                    "Salesforce Sync",
                    "AppId",
                    app,
                    "ObjectId",
                    object,
                    "ServiceId",
                    object,
                    "Name",
                    object);
            String scopeRow = row("Name", scope, "RecipientFilter", filter, "ScopeRestrictionType", "RecipientScope");
            String assignmentRow = row(
                    "Name",
                    name,
                    "Role",
                    role,
                    "RoleAssigneeName",
                    "Salesforce Sync",
                    "RoleAssigneeType",
                    "ServicePrincipal",
                    "CustomResourceScope",
                    scope);
            s.expect("New-DistributionGroup", "Name", group, "Alias", "SalesforceSyncMailboxes", "Type", "Security")
                    .returns(securityGroup(group, "SalesforceSyncMailboxes"));
            s.expect(
                            "Add-DistributionGroupMember",
                            "Identity",
                            group,
                            "Member",
                            SVC,
                            "BypassSecurityGroupManagerCheck",
                            true)
                    .returns();
            s.expect("New-ServicePrincipal", "AppId", app, "ObjectId", object, "DisplayName", "Salesforce Sync")
                    .returns(principal);
            s.expect("New-ServicePrincipal", "AppId", app, "ObjectId", object, "DisplayName", "Salesforce Sync")
                    .fails(400, EXISTS, exists(object));
            s.expect("Get-ServicePrincipal", "Identity", app).returns(principal);
            s.expect("New-ManagementScope", "Name", scope, "RecipientRestrictionFilter", filter)
                    .returns(scopeRow);
            s.expect("New-ManagementScope", "Name", scope, "RecipientRestrictionFilter", filter)
                    .fails(400, EXISTS, exists(scope));
            s.expect("Get-ManagementScope", "Identity", scope).returns(scopeRow);
            s.expect(
                            "New-ManagementRoleAssignment",
                            "Name",
                            name,
                            "App",
                            app,
                            "Role",
                            role,
                            "CustomResourceScope",
                            scope)
                    .returnsWithWarnings(
                            List.of("It can take up to two hours for the assignment to take effect."), assignmentRow);
            s.expect(
                            "New-ManagementRoleAssignment",
                            "Name",
                            name,
                            "App",
                            app,
                            "Role",
                            role,
                            "CustomResourceScope",
                            scope)
                    .fails(400, EXISTS, exists(name));
            s.expect("Get-ManagementRoleAssignment", "Identity", name).returns(assignmentRow);
            s.expect("Test-ServicePrincipalAuthorization", "Identity", app, "Resource", SVC)
                    .returns(authorization(role, scope, true));
            s.expect("Test-ServicePrincipalAuthorization", "Identity", app, "Resource", ExchangeAdminContract.TWO)
                    .returns(authorization(role, scope, false));
        }

        private static String authorization(String role, String scope, boolean inScope) {
            return row(
                    "RoleName", role,
                    "GrantedPermissions", "Mail.ReadWrite",
                    "AllowedResourceScope", scope,
                    "ScopeType", "CustomRecipientScope",
                    "InScope", inScope);
        }

        /** From an app to its group: its roles and their scopes, the scope's filter, the group by distinguished name. */
        /**
         * Get-ServicePrincipal without an identity lists every app (AppId, ServiceId, DisplayName, Identity);
         * Get-ManagementRoleAssignment -RoleAssigneeType ServicePrincipal lists the apps' assignments, the assignee by
         * its ServiceId, with CustomResourceScope, or none for one over the whole organisation.
         */
        static void appRolesListed(CmdletScript s) {
            String app = ExchangeAdminContract.APP;
            String object = ExchangeAdminContract.APP_OBJECT;
            String scope = "Listed Sync Scope";
            String role = "Application Calendars.Read";
            String name = Aliases.assignmentName(app, role, scope);
            s.expect("New-ServicePrincipal", "AppId", app, "ObjectId", object, "DisplayName", "Salesforce Sync")
                    .returns(row("DisplayName", "Salesforce Sync", "AppId", app, "ObjectId", object));
            s.expect("New-ManagementScope", "Name", scope, "RecipientRestrictionFilter", "Alias -eq 'svc-sync'")
                    .returns(row("Name", scope, "RecipientFilter", "Alias -eq 'svc-sync'"));
            s.expect(
                            "New-ManagementRoleAssignment",
                            "Name",
                            name,
                            "App",
                            app,
                            "Role",
                            role,
                            "CustomResourceScope",
                            scope)
                    .returns(row("Name", name, "Role", role, "CustomResourceScope", scope));
            s.expect("Get-ServicePrincipal")
                    .returns(
                            row(
                                    "AppId", app,
                                    "ServiceId", object,
                                    "DisplayName", "Salesforce Sync",
                                    "Identity", object),
                            row(
                                    "AppId", "6233fba6-0198-4277-892f-9275bf728bcc",
                                    "ServiceId", "0f3b0b4c-0000-4000-8000-0000000000aa",
                                    "DisplayName", "Contoso Reports",
                                    "Identity", "0f3b0b4c-0000-4000-8000-0000000000aa"));
            s.expect("Get-ManagementRoleAssignment", "RoleAssigneeType", "ServicePrincipal")
                    .returns(
                            row(
                                    "Name", name,
                                    "Role", role,
                                    "RoleAssignee", object,
                                    "RoleAssigneeName", object,
                                    "RoleAssigneeType", "ServicePrincipal",
                                    "CustomResourceScope", scope,
                                    "RecipientWriteScope", "CustomRecipientScope"),
                            row(
                                    "Name", "Application Mail.Read-0f3b0b4c",
                                    "Role", "Application Mail.Read",
                                    "RoleAssignee", "0f3b0b4c-0000-4000-8000-0000000000aa",
                                    "RoleAssigneeName", "0f3b0b4c-0000-4000-8000-0000000000aa",
                                    "RoleAssigneeType", "ServicePrincipal",
                                    "RecipientWriteScope", "Organization"));
        }

        static void scopeToGroup(CmdletScript s) {
            String group = "Scoped Sync Mailboxes";
            String dn = ExchangeAdminContract.distinguishedName(group);
            String app = ExchangeAdminContract.APP;
            String object = ExchangeAdminContract.APP_OBJECT;
            String scope = "Scoped Sync Scope";
            String filter = "MemberOfGroup -eq '" + dn + "'";
            String role = "Application Contacts.ReadWrite";
            String name = Aliases.assignmentName(app, role, scope);
            String three = ExchangeAdminContract.THREE;
            s.expect("New-DistributionGroup", "Name", group, "Alias", "ScopedSyncMailboxes", "Type", "Security")
                    .returns(securityGroup(group, "ScopedSyncMailboxes"));
            s.expect(
                            "Add-DistributionGroupMember",
                            "Identity",
                            group,
                            "Member",
                            three,
                            "BypassSecurityGroupManagerCheck",
                            true)
                    .returns();
            s.expect("New-ServicePrincipal", "AppId", app, "ObjectId", object, "DisplayName", "Salesforce Sync")
                    .returns(row("DisplayName", "Salesforce Sync", "AppId", app, "ObjectId", object));
            s.expect("New-ManagementScope", "Name", scope, "RecipientRestrictionFilter", filter)
                    .returns(row("Name", scope, "RecipientFilter", filter));
            s.expect(
                            "New-ManagementRoleAssignment",
                            "Name",
                            name,
                            "App",
                            app,
                            "Role",
                            role,
                            "CustomResourceScope",
                            scope)
                    .returns(row("Name", name, "Role", role, "CustomResourceScope", scope));
            // learn.microsoft.com's Test-ServicePrincipalAuthorization, example 2: without -Resource, "Not Run".
            s.expect("Test-ServicePrincipalAuthorization", "Identity", app)
                    .returns(row(
                            "RoleName", role,
                            "GrantedPermissions", "Contacts.ReadWrite",
                            "AllowedResourceScope", scope,
                            "ScopeType", "CustomRecipientScope",
                            "InScope", "Not Run"));
            s.expect("Get-ManagementScope", "Identity", scope)
                    .returns(row("Name", scope, "RecipientFilter", filter, "ScopeRestrictionType", "RecipientScope"));
            s.expect("Get-DistributionGroup", "Identity", dn).returns(securityGroup(group, "ScopedSyncMailboxes"));
            s.expect("Get-DistributionGroupMember", "Identity", dn, "ResultSize", "Unlimited")
                    .returns(mailbox("svc-three"));
            s.expect("Get-ManagementScope", "Identity", "No Such Scope")
                    .fails(404, NOT_FOUND, couldNotFind("No Such Scope"));
            s.expect("Test-ServicePrincipalAuthorization", "Identity", ExchangeAdminContract.UNREGISTERED_APP)
                    .fails(404, NOT_FOUND, couldNotFind(ExchangeAdminContract.UNREGISTERED_APP));
        }

        static void appAccessRemoved(CmdletScript s) {
            String app = ExchangeAdminContract.CLEANUP_APP;
            String object = ExchangeAdminContract.CLEANUP_OBJECT;
            String scope = "Cleanup Scope";
            String role = "Application Mail.Read";
            String name = Aliases.assignmentName(app, role, scope);
            s.expect("New-ServicePrincipal", "AppId", app, "ObjectId", object, "DisplayName", "Cleanup App")
                    .returns(row("DisplayName", "Cleanup App", "AppId", app, "ObjectId", object));
            s.expect("New-ManagementScope", "Name", scope, "RecipientRestrictionFilter", "Alias -eq 'svc-sync'")
                    .returns(row("Name", scope, "RecipientFilter", "Alias -eq 'svc-sync'"));
            s.expect(
                            "New-ManagementRoleAssignment",
                            "Name",
                            name,
                            "App",
                            app,
                            "Role",
                            role,
                            "CustomResourceScope",
                            scope)
                    .returns(row("Name", name, "Role", role, "CustomResourceScope", scope));
            s.expect("Remove-ManagementScope", "Identity", scope, "Confirm", false)
                    .fails(
                            400,
                            "Microsoft.Exchange.Configuration.Tasks.TaskInvalidOperationException",
                            "The management scope \"" + scope + "\" can't be removed because it's used by these role"
                                    + " assignments: " + name + ".");
            s.expect("Remove-ManagementRoleAssignment", "Identity", name, "Confirm", false)
                    .returns();
            s.expect("Remove-ManagementRoleAssignment", "Identity", name, "Confirm", false)
                    .fails(404, NOT_FOUND, couldNotFind(name));
            s.expect("Remove-ManagementScope", "Identity", scope, "Confirm", false)
                    .returns();
            s.expect("Remove-ManagementScope", "Identity", scope, "Confirm", false)
                    .fails(404, NOT_FOUND, couldNotFind(scope));
            s.expect("Remove-ServicePrincipal", "Identity", app, "Confirm", false)
                    .returns();
            s.expect("Remove-ServicePrincipal", "Identity", app, "Confirm", false)
                    .fails(404, NOT_FOUND, couldNotFind(app));
            s.expect("Test-ServicePrincipalAuthorization", "Identity", app, "Resource", SVC)
                    .fails(404, NOT_FOUND, couldNotFind(app));
        }

        static void unknownAppRole(CmdletScript s) {
            String app = ExchangeAdminContract.ODD_APP;
            String object = ExchangeAdminContract.ODD_OBJECT;
            String role = "Application Teleport.ReadWrite";
            s.expect("New-ServicePrincipal", "AppId", app, "ObjectId", object, "DisplayName", "Odd App")
                    .returns(row("DisplayName", "Odd App", "AppId", app, "ObjectId", object));
            s.expect("New-ManagementScope", "Name", "Odd Scope", "RecipientRestrictionFilter", "Alias -eq 'svc-sync'")
                    .returns(row("Name", "Odd Scope", "RecipientFilter", "Alias -eq 'svc-sync'"));
            s.expect(
                            "New-ManagementRoleAssignment",
                            "Name",
                            Aliases.assignmentName(app, role, "Odd Scope"),
                            "App",
                            app,
                            "Role",
                            role,
                            "CustomResourceScope",
                            "Odd Scope")
                    .fails(404, NOT_FOUND, couldNotFind(role));
        }
    }
}
