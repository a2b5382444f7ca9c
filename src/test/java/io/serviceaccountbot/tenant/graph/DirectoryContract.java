package io.serviceaccountbot.tenant.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.MailboxStatus;
import io.serviceaccountbot.tenant.NewUser;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.ServicePrincipal;
import io.serviceaccountbot.tenant.SubscribedSku;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantWideGrant;
import io.serviceaccountbot.tenant.TenantWidePermission;
import io.serviceaccountbot.tenant.VerifiedDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the bot may rely on from its directory, whoever answers: the real Graph adapter runs these tests once against
 * WireMock stubs written from Microsoft's documented shapes and once against the simulated tenant, so the two cannot
 * drift apart. The tenant is the sandbox seed: the Agents Playground's people with E1, the bot's role groups, the
 * domains example.com and example.onmicrosoft.com. Each test creates accounts with names of its own.
 */
@Timeout(30)
abstract class DirectoryContract {

    static final String ALEX = "00000000-0000-0000-0000-0000000000020";
    static final String MEGAN = "00000000-0000-0000-0000-0000000000021";
    static final String ADELE = "00000000-0000-0000-0000-0000000000022";
    static final String ADMINS = "5b07ad31-0000-4000-8000-000000000001";
    static final String APPROVERS = "5b07ad31-0000-4000-8000-000000000002";
    static final String NOBODY = "0badc0de-0000-4000-8000-000000000000";
    static final String SALESFORCE_APP = "5a1e5f0c-e5c0-4a5e-9c1e-00000000a5f1";
    static final String SALESFORCE_PRINCIPAL = "5e1f5a1e-0000-4000-8000-000000000001";
    static final String UNKNOWN_APP = "0bad0a99-0000-4000-8000-000000000000";
    static final String MICROSOFT_GRAPH = "00000003-0000-0000-c000-000000000000";
    static final String EXCHANGE_ONLINE = "00000002-0000-0ff1-ce00-000000000000";
    static final String GRAPH_PRINCIPAL = "9a6e0f3b-0000-4000-8000-00000000a001";
    static final String EXCHANGE_PRINCIPAL = "9a6e0f3b-0000-4000-8000-00000000a002";
    static final ServicePrincipal ACTIVITY_CAPTURE = new ServicePrincipal(
            "5e1f5a1e-0000-4000-8000-000000000002",
            "c55d6177-918e-4745-96d3-1715194bc7e8",
            "Salesforce Activity Capture");
    static final ServicePrincipal ARCHIVER = new ServicePrincipal(
            "5e1f5a1e-0000-4000-8000-000000000003", "a4c8e1f0-0000-4000-8000-00000000c0de", "Contoso Mail Archiver");
    static final String MAIL_READ = "d3d3ZnNhbGVzZm9yY2UtbWFpbC1yZWFkLTAwMDAwMDE";
    static final String CALENDARS = "d3d3ZnNhbGVzZm9yY2UtY2FsZW5kYXJzLTAwMDAwMDI";
    static final String CONTACTS = "d3d3ZnNhbGVzZm9yY2UtY29udGFjdHMtMDAwMDAwMDM";
    static final String FULL_ACCESS = "Y29udG9zby1hcmNoaXZlci1mdWxsLWFjY2Vzcy0wMDE";
    static final Secret PASSWORD = Secret.of("Contract-Passw0rd-Long-Enough!");

    /** Groups nobody in the seed belongs to, to push a membership check past Graph's 20 ids per call. */
    static List<String> strangerGroups(int count) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            groups.add("0bad0000-0000-4000-8000-0000000000%02d".formatted(i));
        }
        return groups;
    }

    protected abstract Directory directory();

    private Map<String, SubscribedSku> licences() {
        return directory().subscribedSkus().stream()
                .collect(Collectors.toMap(SubscribedSku::skuPartNumber, Function.identity()));
    }

    @Test
    void alexIsFoundByHisSignInNameWithHisE1LicenceAndExchange() {
        DirectoryUser alex = directory().findUser("alexw@example.com").orElseThrow();

        assertThat(alex.id()).isEqualTo(ALEX);
        assertThat(alex.displayName()).isEqualTo("Alex Wilber");
        assertThat(alex.mailNickname()).isEqualTo("alexw");
        assertThat(alex.accountEnabled()).isTrue();
        assertThat(alex.usageLocation()).isEqualTo("US");
        assertThat(alex.forceChangePasswordNextSignIn()).isFalse();
        assertThat(alex.licenseSkuIds())
                .containsExactly(licences().get("STANDARDPACK").skuId());
        assertThat(alex.exchangePlanEnabled()).isTrue();
        assertThat(alex.passwordPolicies())
                .as("a person's password follows the organisation's policy")
                .isEmpty();
        assertThat(alex.passwordNeverExpires()).isFalse();
    }

    @Test
    void theSameAlexIsFoundByHisObjectId() {
        assertThat(directory().findUser(ALEX).orElseThrow().userPrincipalName()).isEqualTo("alexw@example.com");
    }

    @Test
    void someoneWhoIsNotInTheDirectoryIsSimplyNotThere() {
        assertThat(directory().findUser("nobody@example.com")).isEmpty();
    }

    @Test
    void meganIsFoundByHerAlias() {
        assertThat(directory().findUserByAlias("meganb").orElseThrow().id()).isEqualTo(MEGAN);
    }

    @Test
    void oneLookupFindsWhoeverHasTheSignInNameOrTheAlias() {
        assertThat(directory().findUsersByUpnOrAlias("alexw@example.com", "meganb"))
                .extracting(DirectoryUser::id)
                .containsExactlyInAnyOrder(ALEX, MEGAN);
        assertThat(directory().findUsersByUpnOrAlias("svc-free@example.com", "svc-free"))
                .isEmpty();
    }

    @Test
    void anAliasWithAQuoteIsLookedUpLiterallyAndCannotWidenTheSearch() {
        assertThat(directory().findUserByAlias("x' or mailNickname ne '")).isEmpty();
    }

    @Test
    void aServiceAccountIsCreatedEnabledNeverForcedToChangeItsPasswordWhichNeverExpires() {
        NewUser wanted =
                new NewUser("svc-contract-new", "Contract New", "svc-contract-new@example.com", "US", PASSWORD);

        DirectoryUser created = directory().createUser(wanted);
        DirectoryUser readBack =
                directory().findUser("svc-contract-new@example.com").orElseThrow();

        assertThat(created.id()).isNotBlank().isEqualTo(readBack.id());
        assertThat(created.accountEnabled()).isTrue();
        assertThat(created.forceChangePasswordNextSignIn()).isFalse();
        assertThat(readBack.forceChangePasswordNextSignIn()).isFalse();
        assertThat(created.passwordNeverExpires()).isTrue();
        assertThat(readBack.passwordPolicies()).containsExactly("DisablePasswordExpiration");
        assertThat(readBack.mailNickname()).isEqualTo("svc-contract-new");
        assertThat(readBack.displayName()).isEqualTo("Contract New");
        assertThat(readBack.usageLocation()).isEqualTo("US");
        assertThat(readBack.licenseSkuIds()).isEmpty();
        assertThat(readBack.exchangePlanEnabled()).isFalse();
    }

    @Test
    void creatingTheSameAccountAgainGivesBackTheOneThatExists() {
        NewUser wanted =
                new NewUser("svc-contract-twice", "Contract Twice", "svc-contract-twice@example.com", "US", PASSWORD);

        DirectoryUser first = directory().createUser(wanted);
        DirectoryUser again = directory().createUser(wanted);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.userPrincipalName()).isEqualTo("svc-contract-twice@example.com");
    }

    @Test
    void anAliasSomeoneElseHasIsRefusedAsAlreadyTaken() {
        NewUser clash = new NewUser("alexw", "Not Alex", "svc-contract-clash@example.com", "US", PASSWORD);

        assertThatThrownBy(() -> directory().createUser(clash)).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.ALREADY_EXISTS);
            assertThat(e.getMessage()).contains("mailNickname");
        });
    }

    @Test
    void anAccountOutsideTheVerifiedDomainsIsRefusedWithTheReason() {
        NewUser elsewhere =
                new NewUser("svc-contract-away", "Contract Away", "svc-contract-away@contoso.com", "US", PASSWORD);

        assertThatThrownBy(() -> directory().createUser(elsewhere)).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.INVALID_REQUEST);
            assertThat(e.getMessage()).contains("verified domain");
            assertThat(e.service()).isEqualTo("Microsoft Graph");
        });
    }

    @Test
    void theLicencesSayWhichComeWithAMailboxAndHowManyAreLeft() {
        Map<String, SubscribedSku> licences = licences();

        assertThat(licences.get("STANDARDPACK").includesExchange()).isTrue();
        assertThat(licences.get("STANDARDPACK").enabledUnits()).isEqualTo(25);
        assertThat(licences.get("STANDARDPACK").availableUnits()).isPositive();
        assertThat(licences.get("ENTERPRISEPACK").includesExchange()).isTrue();
        assertThat(licences.get("POWER_BI_STANDARD").includesExchange()).isFalse();
    }

    @Test
    void theDefaultDomainComesFirst() {
        assertThat(directory().verifiedDomains())
                .containsExactly(
                        new VerifiedDomain("example.com", true), new VerifiedDomain("example.onmicrosoft.com", false));
    }

    @Test
    void adeleIsAnApproverThroughANestedGroupEvenWhenMoreThanTwentyGroupsAreChecked() {
        List<String> groups = new ArrayList<>(List.of(ADMINS, APPROVERS));
        groups.addAll(strangerGroups(23));

        assertThat(directory().memberGroups(ADELE, groups)).containsExactly(APPROVERS);
    }

    @Test
    void aLicenceNeedsAUsageLocationFirstAndThenTheMailboxIsOnItsWay() {
        DirectoryUser nowhere = directory()
                .createUser(new NewUser(
                        "svc-contract-nowhere",
                        "Contract Nowhere",
                        "svc-contract-nowhere@example.com",
                        null,
                        PASSWORD));

        assertThatThrownBy(() -> directory().assignLicense(nowhere.id(), "STANDARDPACK"))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("usage location");
                });

        directory().setUsageLocation(nowhere.id(), "US");
        directory().assignLicense(nowhere.id(), "STANDARDPACK");

        DirectoryUser licensed = directory().findUser(nowhere.id()).orElseThrow();
        assertThat(licensed.usageLocation()).isEqualTo("US");
        assertThat(licensed.licenseSkuIds())
                .containsExactly(licences().get("STANDARDPACK").skuId());
        assertThat(licensed.exchangePlanEnabled()).isTrue();
        assertThat(directory().mailboxStatus(nowhere.id())).isEqualTo(MailboxStatus.NOT_PROVISIONED);
    }

    @Test
    void aLicenceTheOrganisationHasNotBoughtIsNotFound() {
        assertThatThrownBy(() -> directory().assignLicense(ALEX, "SPE_E5"))
                .isInstanceOfSatisfying(
                        TenantException.class, e -> assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_FOUND));
    }

    @Test
    void assigningALicenceAlexAlreadyHasChangesNothing() {
        directory().assignLicense(ALEX, "STANDARDPACK");

        assertThat(directory().findUser(ALEX).orElseThrow().licenseSkuIds()).hasSize(1);
    }

    @Test
    void alexsMailboxIsReady() {
        assertThat(directory().mailboxStatus(ALEX)).isEqualTo(MailboxStatus.READY);
    }

    @Test
    void aNewPasswordIsSetWithoutForcingAChangeAtNextSignIn() {
        DirectoryUser svc = directory()
                .createUser(new NewUser(
                        "svc-contract-reset", "Contract Reset", "svc-contract-reset@example.com", "US", PASSWORD));

        directory().resetPassword(svc.id(), Secret.of("Contract-Passw0rd-The-Second!"));

        assertThat(directory().findUser(svc.id()).orElseThrow().forceChangePasswordNextSignIn())
                .isFalse();
    }

    @Test
    void passwordPoliciesAreSetTogetherAsOneValueAndReadBack() {
        DirectoryUser svc = directory()
                .createUser(new NewUser(
                        "svc-contract-policy", "Contract Policy", "svc-contract-policy@example.com", "US", PASSWORD));

        directory().setPasswordPolicies(svc.id(), Set.of("DisableStrongPassword"));
        DirectoryUser strongOnly = directory().findUser(svc.id()).orElseThrow();
        directory().setPasswordPolicies(svc.id(), Set.of("DisableStrongPassword", "DisablePasswordExpiration"));
        DirectoryUser both = directory().findUser(svc.id()).orElseThrow();

        assertThat(strongOnly.passwordPolicies()).containsExactly("DisableStrongPassword");
        assertThat(strongOnly.passwordNeverExpires()).isFalse();
        assertThat(both.passwordPolicies())
                .containsExactlyInAnyOrder("DisablePasswordExpiration", "DisableStrongPassword");
        assertThat(both.passwordNeverExpires()).isTrue();
    }

    @Test
    void changingSomeoneWhoDoesNotExistIsNotFound() {
        assertThatThrownBy(() -> directory().setUsageLocation(NOBODY, "US"))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_FOUND);
                    assertThat(e.code()).isEqualTo("Request_ResourceNotFound");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void theApproversAreMeganAndAdeleWhoIsInANestedGroup() {
        assertThat(directory().transitiveUserMembers(APPROVERS)).containsExactlyInAnyOrder(MEGAN, ADELE);
    }

    @Test
    void theSalesforceAppIsFoundByItsAppIdWithItsServicePrincipal() {
        assertThat(directory().findServicePrincipal(SALESFORCE_APP))
                .contains(new ServicePrincipal(SALESFORCE_PRINCIPAL, SALESFORCE_APP, "Salesforce Exchange Sync"));
    }

    @Test
    void activityCaptureHoldsMailCalendarsAndContactsOfMicrosoftGraphTenantWideEachNamedByItsAppRole() {
        assertThat(directory().tenantWidePermissions(ACTIVITY_CAPTURE))
                .containsExactlyInAnyOrder(
                        new TenantWidePermission(MAIL_READ, MICROSOFT_GRAPH, "Microsoft Graph", "Mail.Read"),
                        new TenantWidePermission(CALENDARS, MICROSOFT_GRAPH, "Microsoft Graph", "Calendars.ReadWrite"),
                        new TenantWidePermission(CONTACTS, MICROSOFT_GRAPH, "Microsoft Graph", "Contacts.ReadWrite"));
    }

    @Test
    void anAppNobodyConsentedToHoldsNothingTenantWide() {
        assertThat(directory()
                        .tenantWidePermissions(
                                new ServicePrincipal(SALESFORCE_PRINCIPAL, SALESFORCE_APP, "Salesforce Exchange Sync")))
                .isEmpty();
    }

    @Test
    void aRemovedTenantWidePermissionIsGoneAndRemovingItAgainChangesNothing() {
        assertThat(directory().tenantWidePermissions(ARCHIVER))
                .containsExactly(new TenantWidePermission(
                        FULL_ACCESS, EXCHANGE_ONLINE, "Office 365 Exchange Online", "full_access_as_app"));

        directory().removeTenantWidePermission(ARCHIVER, FULL_ACCESS);
        directory().removeTenantWidePermission(ARCHIVER, FULL_ACCESS);

        assertThat(directory().tenantWidePermissions(ARCHIVER)).isEmpty();
    }

    @Test
    void theAppsHoldingMicrosoftGraphPermissionsAreListedFromGraphsSideEachWithItsAppId() {
        assertThat(directory().tenantWideGrantsOn(MICROSOFT_GRAPH))
                .extracting(TenantWideGrant::app, TenantWideGrant::permission)
                .containsExactlyInAnyOrder(
                        tuple(
                                ACTIVITY_CAPTURE,
                                new TenantWidePermission(MAIL_READ, MICROSOFT_GRAPH, "Microsoft Graph", "Mail.Read")),
                        tuple(
                                ACTIVITY_CAPTURE,
                                new TenantWidePermission(
                                        CALENDARS, MICROSOFT_GRAPH, "Microsoft Graph", "Calendars.ReadWrite")),
                        tuple(
                                ACTIVITY_CAPTURE,
                                new TenantWidePermission(
                                        CONTACTS, MICROSOFT_GRAPH, "Microsoft Graph", "Contacts.ReadWrite")));
        assertThat(directory().tenantWideGrantsOn(MICROSOFT_GRAPH))
                .allSatisfy(grant -> assertThat(grant.grantedOn()).startsWith("2026-02-16T10:12:41"));
    }

    @Test
    void anApiTheOrganisationDoesNotHaveHasGrantedNothing() {
        assertThat(directory().tenantWideGrantsOn(UNKNOWN_APP)).isEmpty();
    }

    @Test
    void anAppNobodyRegisteredInTheTenantIsSimplyNotThere() {
        assertThat(directory().findServicePrincipal(UNKNOWN_APP)).isEmpty();
    }

    @Test
    void theMailboxOfSomeoneWhoDoesNotExistIsNotFound() {
        assertThatThrownBy(() -> directory().mailboxStatus(NOBODY))
                .isInstanceOfSatisfying(
                        TenantException.class, e -> assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_FOUND));
    }
}
