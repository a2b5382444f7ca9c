package io.serviceaccountbot.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.serviceaccountbot.tenant.graph.MicrosoftDocsExamples.ASSIGN_LICENSE_RESPONSE;
import static io.serviceaccountbot.tenant.graph.MicrosoftDocsExamples.MAILBOX_NOT_ENABLED;
import static io.serviceaccountbot.tenant.graph.MicrosoftDocsExamples.MAILBOX_SETTINGS_RESPONSE;
import static io.serviceaccountbot.tenant.graph.MicrosoftDocsExamples.NO_USAGE_LOCATION;
import static io.serviceaccountbot.tenant.graph.MicrosoftDocsExamples.UPN_CONFLICT;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.serviceaccountbot.tenant.Directory;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The directory contract against WireMock: the sandbox seed's tenant as Microsoft Graph would answer for it, every
 * answer in the shape of the Graph documentation's examples (see {@link MicrosoftDocsExamples}), every stub matching
 * only the exact request the documentation describes. State changes (create, then conflict; no usage location, then
 * a licence) are WireMock scenarios.
 */
class WireMockDirectoryContractIT extends DirectoryContract {

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final String E1 = "18181a46-0d4e-45cd-891e-60aabd171b4e";
    static final String NEW = "6a1e2f35-0c0a-4f0e-9b41-000000000001";
    static final String TWICE = "6a1e2f35-0c0a-4f0e-9b41-000000000002";
    static final String NOWHERE = "6a1e2f35-0c0a-4f0e-9b41-000000000003";
    static final String RESET = "6a1e2f35-0c0a-4f0e-9b41-000000000004";
    static final String POLICY = "6a1e2f35-0c0a-4f0e-9b41-000000000005";

    private GraphDirectory directory;

    @Override
    protected Directory directory() {
        return directory;
    }

    @BeforeEach
    void theSeedTenantAsGraphWouldAnswer() {
        directory = TestGraph.directory(graph.baseUrl() + "/v1.0");
        seedUsers();
        licencesAndDomains();
        membership();
        creations();
        licensingWithoutUsageLocation();
        passwordReset();
        passwordPolicies();
        strangers();
        enterpriseApps();
        tenantWideConsent();
        grantsOnMicrosoftGraph();
    }

    private void seedUsers() {
        String alex = user(ALEX, "Alex Wilber", "alexw@example.com", "alexw", "US", List.of(E1));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/alexw%40example.com")).willReturn(okJson(alex)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/" + ALEX)).willReturn(okJson(alex)));
        graph.stubFor(
                get(urlPathEqualTo("/v1.0/users/nobody%40example.com")).willReturn(notFound("nobody@example.com")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users"))
                .withQueryParam("$filter", equalTo("mailNickname eq 'meganb'"))
                .willReturn(okJson(
                        collection(user(MEGAN, "Megan Bowen", "meganb@example.com", "meganb", "US", List.of(E1))))));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users"))
                .withQueryParam("$filter", equalTo("mailNickname eq 'x'' or mailNickname ne '''"))
                .willReturn(okJson(collection())));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users"))
                .withQueryParam(
                        "$filter", equalTo("userPrincipalName eq 'alexw@example.com' or mailNickname eq 'meganb'"))
                .willReturn(okJson(collection(
                        alex, user(MEGAN, "Megan Bowen", "meganb@example.com", "meganb", "US", List.of(E1))))));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users"))
                .withQueryParam(
                        "$filter", equalTo("userPrincipalName eq 'svc-free@example.com' or mailNickname eq 'svc-free'"))
                .willReturn(okJson(collection())));
        graph.stubFor(post(urlPathEqualTo("/v1.0/users/" + ALEX + "/assignLicense"))
                .withRequestBody(equalToJson("{\"addLicenses\": [{\"disabledPlans\": [], \"skuId\": \"" + E1
                        + "\"}], \"removeLicenses\": []}"))
                .willReturn(okJson(ASSIGN_LICENSE_RESPONSE)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/" + ALEX + "/mailboxSettings"))
                .willReturn(okJson(MAILBOX_SETTINGS_RESPONSE)));
    }

    private void licencesAndDomains() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson("""
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#subscribedSkus",
                 "value": [
                  {"appliesTo": "User", "capabilityStatus": "Enabled", "consumedUnits": 6,
                   "prepaidUnits": {"enabled": 25, "lockedOut": 0, "suspended": 0, "warning": 0},
                   "servicePlans": [
                     {"servicePlanId": "9aaf7827-d63c-4b61-89c3-182f06f82e5c", "servicePlanName": "EXCHANGE_S_STANDARD", "provisioningStatus": "Success", "appliesTo": "User"},
                     {"servicePlanId": "57ff2da0-773e-42df-b2af-ffb7a2317929", "servicePlanName": "TEAMS1", "provisioningStatus": "Success", "appliesTo": "User"}],
                   "skuId": "18181a46-0d4e-45cd-891e-60aabd171b4e", "skuPartNumber": "STANDARDPACK"},
                  {"appliesTo": "User", "capabilityStatus": "Enabled", "consumedUnits": 0,
                   "prepaidUnits": {"enabled": 5, "lockedOut": 0, "suspended": 0, "warning": 0},
                   "servicePlans": [
                     {"servicePlanId": "efb87545-963c-4e0d-99df-69c6916d9eb0", "servicePlanName": "EXCHANGE_S_ENTERPRISE", "provisioningStatus": "Success", "appliesTo": "User"}],
                   "skuId": "6fd2c87f-b296-42f0-b197-1e91e994b900", "skuPartNumber": "ENTERPRISEPACK"},
                  {"appliesTo": "User", "capabilityStatus": "Enabled", "consumedUnits": 0,
                   "prepaidUnits": {"enabled": 1000000, "lockedOut": 0, "suspended": 0, "warning": 0},
                   "servicePlans": [
                     {"servicePlanId": "113feb6c-3fe4-4440-bddc-54d774bf0318", "servicePlanName": "EXCHANGE_S_FOUNDATION", "provisioningStatus": "Success", "appliesTo": "Company"},
                     {"servicePlanId": "2049e525-b859-401b-b2a0-e0a31c4b1fe4", "servicePlanName": "BI_AZURE_P0", "provisioningStatus": "Success", "appliesTo": "User"}],
                   "skuId": "a403ebcc-fae0-4ca2-8c8c-7a907fd6c235", "skuPartNumber": "POWER_BI_STANDARD"}
                 ]}
                """)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/domains")).willReturn(okJson("""
                {"value": [
                  {"id": "example.com", "isDefault": true, "isInitial": false, "isVerified": true},
                  {"id": "example.onmicrosoft.com", "isDefault": false, "isInitial": true, "isVerified": true}
                ]}
                """)));
    }

    private void membership() {
        String check = "/v1.0/users/" + ADELE + "/checkMemberGroups";
        graph.stubFor(post(urlPathEqualTo(check))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.groupIds[20]"))
                .willReturn(error(
                        400, "Request_BadRequest", "The number of groupIds passed in exceeds the maximum of 20.")));
        graph.stubFor(post(urlPathEqualTo(check))
                .atPriority(2)
                .withRequestBody(matchingJsonPath("$.groupIds[?(@ == '" + APPROVERS + "')]"))
                .willReturn(okJson(strings(APPROVERS))));
        graph.stubFor(post(urlPathEqualTo(check)).atPriority(3).willReturn(okJson(strings())));
        graph.stubFor(get(urlPathEqualTo("/v1.0/groups/" + APPROVERS + "/transitiveMembers/graph.user"))
                .withQueryParam("$select", equalTo("id"))
                .willReturn(okJson("""
                        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id)",
                         "value": [{"id": "%s"}, {"id": "%s"}]}
                        """.formatted(MEGAN, ADELE))));
    }

    private void creations() {
        created("svc-contract-new@example.com", NEW, "Contract New");
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/svc-contract-new%40example.com"))
                .withQueryParam("$select", equalTo(GraphDirectoryDocumentedExamplesIT.SELECTED_USER))
                .willReturn(okJson(user(
                        NEW,
                        "Contract New",
                        "svc-contract-new@example.com",
                        "svc-contract-new",
                        "US",
                        List.of(),
                        "DisablePasswordExpiration"))));

        graph.stubFor(post(urlPathEqualTo("/v1.0/users"))
                .withRequestBody(matchingJsonPath("$.userPrincipalName", equalTo("svc-contract-twice@example.com")))
                .inScenario("twice")
                .whenScenarioStateIs(STARTED)
                .willReturn(createdAnswer(TWICE, "Contract Twice", "svc-contract-twice@example.com"))
                .willSetStateTo("exists"));
        graph.stubFor(post(urlPathEqualTo("/v1.0/users"))
                .withRequestBody(matchingJsonPath("$.userPrincipalName", equalTo("svc-contract-twice@example.com")))
                .inScenario("twice")
                .whenScenarioStateIs("exists")
                .willReturn(json(400, UPN_CONFLICT)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/svc-contract-twice%40example.com"))
                .willReturn(okJson(user(
                        TWICE,
                        "Contract Twice",
                        "svc-contract-twice@example.com",
                        "svc-contract-twice",
                        "US",
                        List.of()))));

        graph.stubFor(post(urlPathEqualTo("/v1.0/users"))
                .withRequestBody(matchingJsonPath("$.mailNickname", equalTo("alexw")))
                .willReturn(json(400, """
                        {"error": {"code": "Request_BadRequest",
                          "message": "Another object with the same value for property mailNickname already exists.",
                          "details": [{"code": "ObjectConflict", "target": "mailNickname",
                            "message": "Another object with the same value for property mailNickname already exists."}],
                          "innerError": {"date": "2024-01-01T00:00:00", "request-id": "c1a5c1a5-0000-4000-8000-000000000000"}}}
                        """)));
        graph.stubFor(post(urlPathEqualTo("/v1.0/users"))
                .withRequestBody(matchingJsonPath("$.userPrincipalName", equalTo("svc-contract-away@contoso.com")))
                .willReturn(error(
                        400,
                        "Request_BadRequest",
                        "The domain portion of the userPrincipalName property is invalid. You must use one of the verified"
                                + " domain names in your organization.")));
    }

    private void licensingWithoutUsageLocation() {
        created("svc-contract-nowhere@example.com", NOWHERE, "Contract Nowhere");
        String assign = "/v1.0/users/" + NOWHERE + "/assignLicense";
        graph.stubFor(post(urlPathEqualTo(assign))
                .inScenario("nowhere")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(400, NO_USAGE_LOCATION)));
        graph.stubFor(patch(urlPathEqualTo("/v1.0/users/" + NOWHERE))
                .withRequestBody(matchingJsonPath("$.usageLocation", equalTo("US")))
                .inScenario("nowhere")
                .willReturn(aResponse().withStatus(204))
                .willSetStateTo("located"));
        graph.stubFor(post(urlPathEqualTo(assign))
                .withRequestBody(matchingJsonPath("$.addLicenses[0].skuId", equalTo(E1)))
                .inScenario("nowhere")
                .whenScenarioStateIs("located")
                .willReturn(okJson(ASSIGN_LICENSE_RESPONSE))
                .willSetStateTo("licensed"));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/" + NOWHERE))
                .inScenario("nowhere")
                .whenScenarioStateIs("licensed")
                .willReturn(okJson(user(
                        NOWHERE,
                        "Contract Nowhere",
                        "svc-contract-nowhere@example.com",
                        "svc-contract-nowhere",
                        "US",
                        List.of(E1)))));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/" + NOWHERE + "/mailboxSettings"))
                .willReturn(json(404, MAILBOX_NOT_ENABLED)));
    }

    private void passwordReset() {
        created("svc-contract-reset@example.com", RESET, "Contract Reset");
        graph.stubFor(patch(urlPathEqualTo("/v1.0/users/" + RESET))
                .withRequestBody(matchingJsonPath("$.passwordProfile.forceChangePasswordNextSignIn", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.passwordProfile.password"))
                .willReturn(aResponse().withStatus(204)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/" + RESET))
                .willReturn(okJson(user(
                        RESET,
                        "Contract Reset",
                        "svc-contract-reset@example.com",
                        "svc-contract-reset",
                        "US",
                        List.of()))));
    }

    /**
     * user-update with passwordPolicies: one string for all of them, as the user resource documents it; each change is
     * read back.
     */
    private void passwordPolicies() {
        created("svc-contract-policy@example.com", POLICY, "Contract Policy");
        String path = "/v1.0/users/" + POLICY;
        graph.stubFor(patch(urlPathEqualTo(path))
                .withRequestBody(matchingJsonPath("$.passwordPolicies", equalTo("DisableStrongPassword")))
                .inScenario("policy")
                .willReturn(aResponse().withStatus(204))
                .willSetStateTo("strong"));
        graph.stubFor(patch(urlPathEqualTo(path))
                .withRequestBody(matchingJsonPath(
                        "$.passwordPolicies", equalTo("DisablePasswordExpiration, DisableStrongPassword")))
                .inScenario("policy")
                .willReturn(aResponse().withStatus(204))
                .willSetStateTo("both"));
        for (String state : List.of("strong", "both")) {
            graph.stubFor(get(urlPathEqualTo(path))
                    .withQueryParam("$select", equalTo(GraphDirectoryDocumentedExamplesIT.SELECTED_USER))
                    .inScenario("policy")
                    .whenScenarioStateIs(state)
                    .willReturn(okJson(user(
                            POLICY,
                            "Contract Policy",
                            "svc-contract-policy@example.com",
                            "svc-contract-policy",
                            "US",
                            List.of(),
                            state.equals("strong")
                                    ? "DisableStrongPassword"
                                    : "DisablePasswordExpiration, DisableStrongPassword"))));
        }
    }

    private void strangers() {
        graph.stubFor(patch(urlPathEqualTo("/v1.0/users/" + NOBODY)).willReturn(notFound(NOBODY)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/" + NOBODY + "/mailboxSettings"))
                .willReturn(notFound(NOBODY)));
    }

    /** serviceprincipal-list with {@code $filter} on appId and {@code $select}, as the documentation's example. */
    private void enterpriseApps() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/servicePrincipals"))
                .withQueryParam("$filter", equalTo("appId eq '" + SALESFORCE_APP + "'"))
                .withQueryParam("$select", equalTo("id,appId,displayName"))
                .willReturn(okJson("""
                        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals(id,appId,displayName)",
                         "value": [{"id": "%s", "appId": "%s", "displayName": "Salesforce Exchange Sync"}]}
                        """.formatted(SALESFORCE_PRINCIPAL, SALESFORCE_APP))));
        graph.stubFor(get(urlPathEqualTo("/v1.0/servicePrincipals"))
                .withQueryParam("$filter", equalTo("appId eq '" + UNKNOWN_APP + "'"))
                .withQueryParam("$select", equalTo("id,appId,displayName"))
                .willReturn(okJson("""
                        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals(id,appId,displayName)",
                         "value": []}
                        """)));
    }

    /**
     * serviceprincipal-list-approleassignments and serviceprincipal-get with {@code $select=id,appId,displayName,appRoles}
     * in the documented shapes (an appRoleAssignment: id, deletedDateTime, appRoleId, createdDateTime,
     * principalDisplayName, principalId, principalType, resourceDisplayName, resourceId; an appRole: allowedMemberTypes,
     * description, displayName, id, isEnabled, origin, value); serviceprincipal-delete-approleassignments answers 204,
     * then 404 once the assignment is gone (a scenario), as does the list.
     */
    private void tenantWideConsent() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/servicePrincipals/" + ACTIVITY_CAPTURE.id() + "/appRoleAssignments"))
                .willReturn(okJson(assignments(
                        ACTIVITY_CAPTURE,
                        assignment(
                                MAIL_READ,
                                "810c84a8-4a9e-49e6-bf7d-12d183f40d01",
                                ACTIVITY_CAPTURE,
                                "Microsoft Graph",
                                GRAPH_PRINCIPAL),
                        assignment(
                                CALENDARS,
                                "ef54d2bf-783f-4e0f-bca1-3210c0444d99",
                                ACTIVITY_CAPTURE,
                                "Microsoft Graph",
                                GRAPH_PRINCIPAL),
                        assignment(
                                CONTACTS,
                                "6918b873-d17a-4dc1-b314-35f528134491",
                                ACTIVITY_CAPTURE,
                                "Microsoft Graph",
                                GRAPH_PRINCIPAL)))));
        graph.stubFor(get(urlPathEqualTo("/v1.0/servicePrincipals/" + SALESFORCE_PRINCIPAL + "/appRoleAssignments"))
                .willReturn(okJson(assignments(new io.serviceaccountbot.tenant.ServicePrincipal(
                        SALESFORCE_PRINCIPAL, SALESFORCE_APP, "Salesforce Exchange Sync")))));
        resource(GRAPH_PRINCIPAL, MICROSOFT_GRAPH, "Microsoft Graph", """
                {"allowedMemberTypes": ["Application"], "description": "Allows the app to read mail in all mailboxes without a signed-in user.",
                 "displayName": "Read mail in all mailboxes", "id": "810c84a8-4a9e-49e6-bf7d-12d183f40d01", "isEnabled": true, "origin": "Application", "value": "Mail.Read"},
                {"allowedMemberTypes": ["Application"], "description": "Allows the app to create, read, update, and delete events of all calendars without a signed-in user.",
                 "displayName": "Read and write calendars in all mailboxes", "id": "ef54d2bf-783f-4e0f-bca1-3210c0444d99", "isEnabled": true, "origin": "Application", "value": "Calendars.ReadWrite"},
                {"allowedMemberTypes": ["Application"], "description": "Allows the app to create, read, update, and delete all contacts in all mailboxes without a signed-in user.",
                 "displayName": "Read and write contacts in all mailboxes", "id": "6918b873-d17a-4dc1-b314-35f528134491", "isEnabled": true, "origin": "Application", "value": "Contacts.ReadWrite"},
                {"allowedMemberTypes": ["Application"], "description": "Allows the app to read user profiles without a signed in user.",
                 "displayName": "Read all users' full profiles", "id": "df021288-bdef-4463-88db-98f22de89214", "isEnabled": true, "origin": "Application", "value": "User.Read.All"}
                """);
        resource(EXCHANGE_PRINCIPAL, EXCHANGE_ONLINE, "Office 365 Exchange Online", """
                {"allowedMemberTypes": ["Application"], "description": "Allows the app to have full access via Exchange Web Services to all mailboxes without a signed-in user.",
                 "displayName": "Use Exchange Web Services with full access to all mailboxes", "id": "dc890d15-9560-4a4c-9b7f-a736ec74ec40", "isEnabled": true, "origin": "Application", "value": "full_access_as_app"}
                """);
        String archiver = "/v1.0/servicePrincipals/" + ARCHIVER.id() + "/appRoleAssignments";
        graph.stubFor(get(urlPathEqualTo(archiver))
                .inScenario("consent")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson(assignments(
                        ARCHIVER,
                        assignment(
                                FULL_ACCESS,
                                "dc890d15-9560-4a4c-9b7f-a736ec74ec40",
                                ARCHIVER,
                                "Office 365 Exchange Online",
                                EXCHANGE_PRINCIPAL)))));
        graph.stubFor(delete(urlPathEqualTo(archiver + "/" + FULL_ACCESS))
                .inScenario("consent")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(204))
                .willSetStateTo("removed"));
        graph.stubFor(delete(urlPathEqualTo(archiver + "/" + FULL_ACCESS))
                .inScenario("consent")
                .whenScenarioStateIs("removed")
                .willReturn(notFound(FULL_ACCESS)));
        graph.stubFor(get(urlPathEqualTo(archiver))
                .inScenario("consent")
                .whenScenarioStateIs("removed")
                .willReturn(okJson(assignments(ARCHIVER))));
    }

    /**
     * serviceprincipal-list with {@code $filter} on the API's appId and {@code $select=id,appId,displayName,appRoles},
     * then serviceprincipal-list-approleassignedto in the documented shape, which lists grants to users and groups too
     * (principalType User or Group), and serviceprincipal-get of each app holding one.
     */
    private void grantsOnMicrosoftGraph() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/servicePrincipals"))
                .withQueryParam("$filter", equalTo("appId eq '" + MICROSOFT_GRAPH + "'"))
                .withQueryParam("$select", equalTo("id,appId,displayName,appRoles"))
                .willReturn(okJson("""
                        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals(id,appId,displayName,appRoles)",
                         "value": [{"id": "%s", "appId": "%s", "displayName": "Microsoft Graph", "appRoles": [
                          {"allowedMemberTypes": ["Application"], "description": "Allows the app to read mail in all mailboxes without a signed-in user.",
                           "displayName": "Read mail in all mailboxes", "id": "810c84a8-4a9e-49e6-bf7d-12d183f40d01", "isEnabled": true, "origin": "Application", "value": "Mail.Read"},
                          {"allowedMemberTypes": ["Application"], "description": "Allows the app to create, read, update, and delete events of all calendars without a signed-in user.",
                           "displayName": "Read and write calendars in all mailboxes", "id": "ef54d2bf-783f-4e0f-bca1-3210c0444d99", "isEnabled": true, "origin": "Application", "value": "Calendars.ReadWrite"},
                          {"allowedMemberTypes": ["Application"], "description": "Allows the app to create, read, update, and delete all contacts in all mailboxes without a signed-in user.",
                           "displayName": "Read and write contacts in all mailboxes", "id": "6918b873-d17a-4dc1-b314-35f528134491", "isEnabled": true, "origin": "Application", "value": "Contacts.ReadWrite"}]}]}
                        """.formatted(GRAPH_PRINCIPAL, MICROSOFT_GRAPH))));
        String group = """
                {"id": "Z3JvdXAtZ3JhbnQtMDAwMDAwMDAwMDAwMDAwMDAwMDE", "deletedDateTime": null, "appRoleId": "00000000-0000-0000-0000-000000000000",
                 "createdDateTime": "2025-01-10T09:00:00Z", "principalDisplayName": "Sales Team", "principalId": "%s",
                 "principalType": "Group", "resourceDisplayName": "Microsoft Graph", "resourceId": "%s"}
                """.formatted(APPROVERS, GRAPH_PRINCIPAL);
        graph.stubFor(get(urlPathEqualTo("/v1.0/servicePrincipals/" + GRAPH_PRINCIPAL + "/appRoleAssignedTo"))
                .willReturn(
                        okJson("{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#servicePrincipals('"
                                + GRAPH_PRINCIPAL + "')/appRoleAssignedTo\", \"value\": ["
                                + String.join(
                                        ",",
                                        assignment(
                                                MAIL_READ,
                                                "810c84a8-4a9e-49e6-bf7d-12d183f40d01",
                                                ACTIVITY_CAPTURE,
                                                "Microsoft Graph",
                                                GRAPH_PRINCIPAL),
                                        group,
                                        assignment(
                                                CALENDARS,
                                                "ef54d2bf-783f-4e0f-bca1-3210c0444d99",
                                                ACTIVITY_CAPTURE,
                                                "Microsoft Graph",
                                                GRAPH_PRINCIPAL),
                                        assignment(
                                                CONTACTS,
                                                "6918b873-d17a-4dc1-b314-35f528134491",
                                                ACTIVITY_CAPTURE,
                                                "Microsoft Graph",
                                                GRAPH_PRINCIPAL))
                                + "]}")));
        graph.stubFor(get(urlPathEqualTo("/v1.0/servicePrincipals/" + ACTIVITY_CAPTURE.id()))
                .withQueryParam("$select", equalTo("id,appId,displayName"))
                .willReturn(okJson("""
                        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals(id,appId,displayName)/$entity",
                         "id": "%s", "appId": "%s", "displayName": "%s"}
                        """.formatted(
                                ACTIVITY_CAPTURE.id(), ACTIVITY_CAPTURE.appId(), ACTIVITY_CAPTURE.displayName()))));
        graph.stubFor(get(urlPathEqualTo("/v1.0/servicePrincipals"))
                .withQueryParam("$filter", equalTo("appId eq '" + UNKNOWN_APP + "'"))
                .withQueryParam("$select", equalTo("id,appId,displayName,appRoles"))
                .willReturn(okJson("""
                        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals(id,appId,displayName,appRoles)",
                         "value": []}
                        """)));
    }

    private void resource(String id, String appId, String name, String appRoles) {
        graph.stubFor(get(urlPathEqualTo("/v1.0/servicePrincipals/" + id))
                .withQueryParam("$select", equalTo("id,appId,displayName,appRoles"))
                .willReturn(okJson("""
                        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals(id,appId,displayName,appRoles)/$entity",
                         "id": "%s", "appId": "%s", "displayName": "%s", "appRoles": [%s]}
                        """.formatted(id, appId, name, appRoles))));
    }

    private static String assignments(io.serviceaccountbot.tenant.ServicePrincipal principal, String... values) {
        return "{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#servicePrincipals('" + principal.id()
                + "')/appRoleAssignments\", \"value\": [" + String.join(",", values) + "]}";
    }

    private static String assignment(
            String id,
            String appRoleId,
            io.serviceaccountbot.tenant.ServicePrincipal principal,
            String resourceName,
            String resourceId) {
        return """
                {"id": "%s", "deletedDateTime": null, "appRoleId": "%s", "createdDateTime": "2026-02-16T10:12:41.8867053Z",
                 "principalDisplayName": "%s", "principalId": "%s", "principalType": "ServicePrincipal",
                 "resourceDisplayName": "%s", "resourceId": "%s"}
                """.formatted(id, appRoleId, principal.displayName(), principal.id(), resourceName, resourceId);
    }

    private void created(String upn, String id, String displayName) {
        graph.stubFor(post(urlPathEqualTo("/v1.0/users"))
                .withRequestBody(matchingJsonPath("$.userPrincipalName", equalTo(upn)))
                .withRequestBody(matchingJsonPath("$.accountEnabled", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.passwordProfile.forceChangePasswordNextSignIn", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.passwordPolicies", equalTo("DisablePasswordExpiration")))
                .willReturn(createdAnswer(id, displayName, upn)));
    }

    /** The 201 answer of user-post-users: Graph's default properties of the new user. */
    private static ResponseDefinitionBuilder createdAnswer(String id, String displayName, String upn) {
        return json(201, """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
                 "id": "%s", "businessPhones": [], "displayName": "%s", "givenName": null, "jobTitle": null,
                 "mail": null, "mobilePhone": null, "officeLocation": null, "preferredLanguage": null, "surname": null,
                 "userPrincipalName": "%s"}
                """.formatted(id, displayName, upn));
    }

    /** A user with the properties the bot selects and no password policy of its own (as people have). */
    static String user(String id, String name, String upn, String alias, String location, List<String> skuIds) {
        return user(id, name, upn, alias, location, skuIds, null);
    }

    /**
     * A user with the properties the bot selects, shaped as in {@link MicrosoftDocsExamples#GET_USER_RESPONSE}; its
     * passwordPolicies is Graph's one string, or null.
     */
    static String user(
            String id,
            String name,
            String upn,
            String alias,
            String location,
            List<String> skuIds,
            String passwordPolicies) {
        String licences = String.join(
                ",",
                skuIds.stream()
                        .map(sku -> "{\"disabledPlans\": [], \"skuId\": \"" + sku + "\"}")
                        .toList());
        String plans = skuIds.isEmpty() ? "" : """
                  {"assignedDateTime": "2026-01-01T00:00:00Z", "capabilityStatus": "Enabled", "service": "exchange",
                   "servicePlanId": "9aaf7827-d63c-4b61-89c3-182f06f82e5c"},
                  {"assignedDateTime": "2026-01-01T00:00:00Z", "capabilityStatus": "Enabled", "service": "TeamspaceAPI",
                   "servicePlanId": "57ff2da0-773e-42df-b2af-ffb7a2317929"}
                  """;
        return """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName,mailNickname,accountEnabled,usageLocation,passwordProfile,passwordPolicies,assignedLicenses,assignedPlans)/$entity",
                 "id": "%s", "displayName": "%s", "userPrincipalName": "%s", "mailNickname": "%s",
                 "accountEnabled": true, "usageLocation": "%s",
                 "passwordProfile": {"password": null, "forceChangePasswordNextSignIn": false, "forceChangePasswordNextSignInWithMfa": false},
                 "passwordPolicies": %s,
                 "assignedLicenses": [%s], "assignedPlans": [%s]}
                """.formatted(
                        id,
                        name,
                        upn,
                        alias,
                        location,
                        passwordPolicies == null ? "null" : "\"" + passwordPolicies + "\"",
                        licences,
                        plans);
    }

    private static String collection(String... users) {
        return "{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#users\", \"value\": ["
                + String.join(",", users) + "]}";
    }

    private static String strings(String... values) {
        return "{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)\", \"value\": ["
                + String.join(
                        ",", List.of(values).stream().map(v -> "\"" + v + "\"").toList()) + "]}";
    }

    private static ResponseDefinitionBuilder notFound(String id) {
        return error(
                404,
                "Request_ResourceNotFound",
                "Resource '" + id
                        + "' does not exist or one of its queried reference-property objects are not present.");
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return json(status, """
                {"error": {"code": "%s", "message": "%s",
                  "innerError": {"date": "2024-01-01T00:00:00", "request-id": "5eed5eed-0000-4000-8000-000000000000",
                                 "client-request-id": "5eed5eed-0000-4000-8000-000000000000"}}}
                """.formatted(code, message));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
