package io.serviceaccountbot.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.serviceaccountbot.tenant.graph.MicrosoftDocsExamples.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.MailboxStatus;
import io.serviceaccountbot.tenant.NewUser;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.ServicePrincipal;
import io.serviceaccountbot.tenant.SubscribedSku;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantWidePermission;
import io.serviceaccountbot.tenant.VerifiedDomain;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Graph adapter against Microsoft's own documented examples: it must send exactly the documented request (method,
 * path, query, body) and make sense of the documented answer. The stubs match only the exact request, so a wrong
 * {@code $select}, an unescaped filter or a missing {@code removeLicenses} fails here.
 */
class GraphDirectoryDocumentedExamplesIT {

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final String SELECTED_USER =
            "id,displayName,userPrincipalName,mailNickname,accountEnabled,usageLocation,passwordProfile,passwordPolicies,assignedLicenses,assignedPlans";
    static final String ADELE = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";

    private GraphDirectory directory;

    @BeforeEach
    void connect() {
        directory = TestGraph.directory(graph.baseUrl() + "/v1.0");
    }

    private static ResponseDefinitionBuilder graphError(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    @Test
    void creatingAUserSendsTheDocumentedBodyWithNoForcedPasswordChangeNorExpiryAndReadsTheUserFromTheAnswer() {
        graph.stubFor(post(urlPathEqualTo("/v1.0/users"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(CREATE_USER_RESPONSE)));

        DirectoryUser adele = directory.createUser(new NewUser(
                "AdeleV", "Adele Vance", "AdeleV@contoso.onmicrosoft.com", "US", Secret.of("xWwvJ]6NMw+bWH-d")));

        LoggedRequest sent = only(postRequestedFor(urlPathEqualTo("/v1.0/users")));
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer test-token");
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
        graph.verify(postRequestedFor(urlPathEqualTo("/v1.0/users"))
                .withRequestBody(equalToJson(CREATE_USER_REQUEST, false, true)));
        assertThat(withoutODataType(sent.getBodyAsString()))
                .as("nothing beyond the documented properties")
                .isEqualTo(json(CREATE_USER_REQUEST));
        assertThat(adele.id()).isEqualTo(ADELE);
        assertThat(adele.userPrincipalName()).isEqualTo("AdeleV@contoso.onmicrosoft.com");
        assertThat(adele.displayName()).isEqualTo("Adele Vance");
        assertThat(adele.accountEnabled()).isTrue();
        assertThat(adele.forceChangePasswordNextSignIn()).isFalse();
        assertThat(adele.passwordNeverExpires())
                .as("sent, and not among the properties Graph answers with by default")
                .isTrue();
        assertThat(adele.usageLocation()).isEqualTo("US");
        assertThat(adele.licenseSkuIds()).isEmpty();
        assertThat(graph.getAllServeEvents()).as("one round trip").hasSize(1);
    }

    @Test
    void creatingAUserThatExistsAlreadyReturnsTheExistingOneForTheCallerToCompare() {
        graph.stubFor(post(urlPathEqualTo("/v1.0/users")).willReturn(graphError(400, UPN_CONFLICT)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/AdeleV%40contoso.onmicrosoft.com"))
                .withQueryParam("$select", equalTo(SELECTED_USER))
                .willReturn(okJson(GET_USER_RESPONSE)));

        DirectoryUser existing = directory.createUser(new NewUser(
                "AdeleV", "Adele Vance", "AdeleV@contoso.onmicrosoft.com", "US", Secret.of("xWwvJ]6NMw+bWH-d")));

        assertThat(existing.id()).isEqualTo(ADELE);
        assertThat(existing.licenseSkuIds()).containsExactly("18181a46-0d4e-45cd-891e-60aabd171b4e");
        assertThat(graph.getAllServeEvents()).as("the conflict, then one GET").hasSize(2);
    }

    @Test
    void gettingAUserSelectsExactlyWhatTheBotChecksAndReadsLicencesExchangeAndThePasswordFlag() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/" + ADELE))
                .withQueryParam("$select", equalTo(SELECTED_USER))
                .willReturn(okJson(GET_USER_RESPONSE)));

        DirectoryUser adele = directory.findUser(ADELE).orElseThrow();

        assertThat(adele.mailNickname()).isEqualTo("AdeleV");
        assertThat(adele.usageLocation()).isEqualTo("US");
        assertThat(adele.forceChangePasswordNextSignIn()).isFalse();
        assertThat(adele.licenseSkuIds()).containsExactly("18181a46-0d4e-45cd-891e-60aabd171b4e");
        assertThat(adele.exchangePlanEnabled()).isTrue();
        assertThat(adele.passwordPolicies()).as("null: none of her own").isEmpty();
    }

    @Test
    void passwordPoliciesAreReadFromGraphsOneStringAndSentAsOne() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/" + ADELE))
                .withQueryParam("$select", equalTo(SELECTED_USER))
                .willReturn(okJson(GET_USER_RESPONSE.replace(
                        "\"passwordPolicies\": null",
                        "\"passwordPolicies\": \"DisablePasswordExpiration, DisableStrongPassword\""))));
        graph.stubFor(patch(urlPathEqualTo("/v1.0/users/" + ADELE))
                .willReturn(aResponse().withStatus(204)));

        DirectoryUser adele = directory.findUser(ADELE).orElseThrow();
        directory.setPasswordPolicies(ADELE, Set.of("DisableStrongPassword", "DisablePasswordExpiration"));
        directory.setPasswordPolicies(ADELE, Set.of());

        assertThat(adele.passwordPolicies())
                .containsExactlyInAnyOrder("DisablePasswordExpiration", "DisableStrongPassword");
        assertThat(adele.passwordNeverExpires()).isTrue();
        List<LoggedRequest> patches = graph.findAll(patchRequestedFor(urlPathEqualTo("/v1.0/users/" + ADELE)));
        assertThat(patches).hasSize(2);
        assertThat(withoutODataType(patches.get(0).getBodyAsString()))
                .as("the documented form: both in one value, comma and space")
                .isEqualTo(json("{\"passwordPolicies\": \"DisablePasswordExpiration, DisableStrongPassword\"}"));
        assertThat(withoutODataType(patches.get(1).getBodyAsString()))
                .as("none: the organisation's policy applies")
                .isEqualTo(json("{\"passwordPolicies\": \"None\"}"));
    }

    @Test
    void onlyTheExchangeFoundationPlanIsNoExchangeMailboxPlan() {
        String powerBiOnly = GET_USER_RESPONSE
                .replace("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "113feb6c-3fe4-4440-bddc-54d774bf0318")
                .replace("\"passwordProfile\": {", "\"passwordProfile\": null, \"unused\": {");
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/" + ADELE)).willReturn(okJson(powerBiOnly)));

        DirectoryUser adele = directory.findUser(ADELE).orElseThrow();

        assertThat(adele.exchangePlanEnabled()).isFalse();
        assertThat(adele.forceChangePasswordNextSignIn())
                .as("unknown when Graph does not say")
                .isNull();
    }

    @Test
    void someoneGraphDoesNotKnowIsNotFoundRatherThanAnError() {
        graph.stubFor(
                get(urlPathEqualTo("/v1.0/users/nobody%40contoso.com")).willReturn(graphError(404, USER_NOT_FOUND)));

        assertThat(directory.findUser("nobody@contoso.com")).isEmpty();
    }

    @Test
    void anAliasWithAQuoteAndUrlCharactersIsSentAsOneEscapedODataLiteral() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/users"))
                .withQueryParam("$filter", equalTo("mailNickname eq 'o''brien'"))
                .withQueryParam("$select", equalTo(SELECTED_USER))
                .willReturn(okJson(LIST_USERS_RESPONSE)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users"))
                .withQueryParam("$filter", equalTo("mailNickname eq 'x'' or mailNickname ne ''&$top=999#'"))
                .willReturn(okJson("{\"value\":[]}")));

        DirectoryUser found = directory.findUserByAlias("o'brien").orElseThrow();
        assertThat(directory.findUserByAlias("x' or mailNickname ne '&$top=999#"))
                .isEmpty();

        assertThat(found.userPrincipalName()).isEqualTo("o'brien@contoso.com");
        assertThat(found.forceChangePasswordNextSignIn()).isNull();
        assertThat(graph.findAll(getRequestedFor(urlPathEqualTo("/v1.0/users"))))
                .allSatisfy(request ->
                        assertThat(request.getQueryParams().keySet()).containsExactlyInAnyOrder("$filter", "$select"));
    }

    @Test
    void theDocumentedLicencesAreReadWithTheirUnitsAndWhetherTheyComeWithExchange() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                .withQueryParam(
                        "$select",
                        equalTo(
                                "skuId,skuPartNumber,appliesTo,capabilityStatus,prepaidUnits,consumedUnits,servicePlans"))
                .willReturn(okJson(SUBSCRIBED_SKUS_RESPONSE)));

        List<SubscribedSku> skus = directory.subscribedSkus();

        assertThat(skus)
                .containsExactly(
                        new SubscribedSku("c7df2760-2c81-4ef7-b578-5b5392b571df", "ENTERPRISEPREMIUM", 25, 14, false),
                        new SubscribedSku("d17b27af-3f49-4822-99f9-56a661538792", "CRMSTANDARD", 0, 14, false));
    }

    @Test
    void assigningALicenceByNameLooksItsIdUpOnceAndSendsTheDocumentedBody() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson(SUBSCRIBED_SKUS_RESPONSE)));
        graph.stubFor(post(urlPathEqualTo("/v1.0/users/" + ADELE + "/assignLicense"))
                .withRequestBody(equalToJson("""
                        {"addLicenses": [{"disabledPlans": [], "skuId": "c7df2760-2c81-4ef7-b578-5b5392b571df"}],
                         "removeLicenses": []}
                        """))
                .willReturn(okJson(ASSIGN_LICENSE_RESPONSE)));

        directory.assignLicense(ADELE, "ENTERPRISEPREMIUM");
        directory.assignLicense(ADELE, "enterprisepremium");

        graph.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
        graph.verify(2, postRequestedFor(urlPathEqualTo("/v1.0/users/" + ADELE + "/assignLicense")));
    }

    @Test
    void aLicenceTheOrganisationDoesNotHaveIsNotFoundWithoutTryingToAssignIt() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson(SUBSCRIBED_SKUS_RESPONSE)));

        assertThatThrownBy(() -> directory.assignLicense(ADELE, "STANDARDPACK"))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("STANDARDPACK").contains("ENTERPRISEPREMIUM");
                });
        graph.verify(0, postRequestedFor(urlPathEqualTo("/v1.0/users/" + ADELE + "/assignLicense")));
    }

    @Test
    void aUserWithoutUsageLocationGetsALicenceRefusalThatSaysWhatToSet() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson(SUBSCRIBED_SKUS_RESPONSE)));
        graph.stubFor(post(urlPathEqualTo("/v1.0/users/" + ADELE + "/assignLicense"))
                .willReturn(graphError(400, NO_USAGE_LOCATION)));

        assertThatThrownBy(() -> directory.assignLicense(ADELE, "ENTERPRISEPREMIUM"))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("usage location").contains("country code");
                    assertThat(e.code()).isEqualTo("Request_BadRequest");
                    assertThat(e.requestId()).isEqualTo("7a4b2c8d-0e1f-4a2b-8c3d-4e5f6a7b8c9d");
                    assertThat(e.service()).isEqualTo("Microsoft Graph");
                });
    }

    @Test
    void noLicenceLeftIsAnInvalidRequestThatSaysSo() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson(SUBSCRIBED_SKUS_RESPONSE)));
        graph.stubFor(post(urlPathEqualTo("/v1.0/users/" + ADELE + "/assignLicense"))
                .willReturn(graphError(400, NO_UNITS_LEFT)));

        assertThatThrownBy(() -> directory.assignLicense(ADELE, "ENTERPRISEPREMIUM"))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("Every ENTERPRISEPREMIUM licence is already assigned");
                });
    }

    @Test
    void theDocumentedMailboxSettingsMeanTheMailboxIsReady() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/" + ADELE + "/mailboxSettings"))
                .willReturn(okJson(MAILBOX_SETTINGS_RESPONSE)));

        assertThat(directory.mailboxStatus(ADELE)).isEqualTo(MailboxStatus.READY);
    }

    @Test
    void mailboxNotEnabledForRestApiMeansTheMailboxIsNotThereYet() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/" + ADELE + "/mailboxSettings"))
                .willReturn(graphError(404, MAILBOX_NOT_ENABLED)));

        assertThat(directory.mailboxStatus(ADELE)).isEqualTo(MailboxStatus.NOT_PROVISIONED);
    }

    @Test
    void checkMemberGroupsSendsTheDocumentedGroupIdsAndReturnsTheOnesGraphConfirms() {
        graph.stubFor(post(urlPathEqualTo("/v1.0/users/" + ADELE + "/checkMemberGroups"))
                .withRequestBody(equalToJson(CHECK_MEMBER_GROUPS_REQUEST))
                .willReturn(okJson(CHECK_MEMBER_GROUPS_RESPONSE)));

        Set<String> groups = directory.memberGroups(
                ADELE,
                List.of(
                        "f448435d-3ca7-4073-8152-a1fd73c0fd09",
                        "bd7c6263-4dd5-4ae8-8c96-556e1c0bece6",
                        "93670da6-d731-4366-94b5-abed40b6016b",
                        "f5484ab1-4d4d-41ec-a9b8-754b3957bfc7",
                        "c9103f26-f3cf-4004-a611-2a14e81b8f79"));

        assertThat(groups)
                .containsExactlyInAnyOrder(
                        "f448435d-3ca7-4073-8152-a1fd73c0fd09",
                        "93670da6-d731-4366-94b5-abed40b6016b",
                        "f5484ab1-4d4d-41ec-a9b8-754b3957bfc7",
                        "c9103f26-f3cf-4004-a611-2a14e81b8f79");
    }

    @Test
    void onlyVerifiedDomainsAreOfferedAndTheDefaultComesFirst() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/domains"))
                .withQueryParam("$select", equalTo("id,isDefault,isVerified"))
                .willReturn(okJson(DOMAINS_RESPONSE)));

        assertThat(directory.verifiedDomains())
                .containsExactly(
                        new VerifiedDomain("contoso.com", true), new VerifiedDomain("contoso.onmicrosoft.com", false));
    }

    @Test
    void resettingAPasswordPatchesThePasswordProfileAsDocumentedWithoutForcingAChange() {
        graph.stubFor(patch(urlPathEqualTo("/v1.0/users/" + ADELE))
                .willReturn(aResponse().withStatus(204)));

        directory.resetPassword(ADELE, Secret.of("xWwvJ]6NMw+bWH-d"));

        graph.verify(patchRequestedFor(urlPathEqualTo("/v1.0/users/" + ADELE))
                .withRequestBody(equalToJson("""
                        {"passwordProfile": {"forceChangePasswordNextSignIn": false, "password": "xWwvJ]6NMw+bWH-d"}}
                        """, false, true)));
        assertThat(withoutODataType(only(patchRequestedFor(urlPathEqualTo("/v1.0/users/" + ADELE)))
                        .getBodyAsString()))
                .isEqualTo(
                        json(
                                "{\"passwordProfile\":{\"forceChangePasswordNextSignIn\":false,\"password\":\"xWwvJ]6NMw+bWH-d\"}}"));
    }

    @Test
    void settingTheUsageLocationPatchesOnlyThatProperty() {
        graph.stubFor(patch(urlPathEqualTo("/v1.0/users/" + ADELE))
                .willReturn(aResponse().withStatus(204)));

        directory.setUsageLocation(ADELE, "NO");

        assertThat(withoutODataType(only(patchRequestedFor(urlPathEqualTo("/v1.0/users/" + ADELE)))
                        .getBodyAsString()))
                .isEqualTo(json("{\"usageLocation\":\"NO\"}"));
    }

    @Test
    void theDocumentedThrottlingAnswerWithALongRetryAfterIsReportedAsThrottledWithGraphsRequestId() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                .willReturn(graphError(429, THROTTLED_RESPONSE).withHeader("Retry-After", "2.128")));

        assertThatThrownBy(() -> directory.subscribedSkus()).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.THROTTLED);
            assertThat(e.isTransient()).isTrue();
            assertThat(e.code()).isEqualTo("TooManyRequests");
            assertThat(e.requestId()).isEqualTo("94fb3b52-452a-4535-a601-69e0a90e3aa2");
            assertThat(e.getMessage()).contains("throttling");
        });
        graph.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
    }

    @Test
    void insufficientPrivilegesIsAccessDeniedWithTheRequestIdFromTheHeader() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/domains"))
                .willReturn(graphError(403, INSUFFICIENT_PRIVILEGES).withHeader("request-id", "from-the-header")));

        assertThatThrownBy(() -> directory.verifiedDomains()).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.ACCESS_DENIED);
            assertThat(e.code()).isEqualTo("Authorization_RequestDenied");
            assertThat(e.requestId()).isEqualTo("from-the-header");
            assertThat(e.getMessage())
                    .contains("not allowed to list the organisation's verified domains")
                    .doesNotContain("test-token");
        });
    }

    static final ServicePrincipal DOCS_CLIENT =
            new ServicePrincipal("00063ffc-54e9-405d-b8f3-56124728e051", null, "dxprovisioning-graphapi-client");

    @Test
    void anAppsTenantWidePermissionsAreItsAppRoleAssignmentsNamedByTheResourcesAppRoles() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/servicePrincipals/" + DOCS_CLIENT.id() + "/appRoleAssignments"))
                .willReturn(okJson(LIST_APP_ROLE_ASSIGNMENTS_RESPONSE)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/servicePrincipals/fea94d6d-b5bf-44d2-a887-4f72a8d74f44"))
                .withQueryParam("$select", equalTo("id,appId,displayName,appRoles"))
                .willReturn(okJson(GRAPH_RESOURCE_RESPONSE)));

        assertThat(directory.tenantWidePermissions(DOCS_CLIENT))
                .containsExactly(new TenantWidePermission(
                        "UxOIjjUXr0WvIe4TRFgqTY4z9Wu5KxpBtlEpoTGjw-A",
                        "00000003-0000-0000-c000-000000000000",
                        "Microsoft Graph",
                        "Mail.ReadWrite"));
    }

    @Test
    void removingATenantWidePermissionDeletesTheAssignmentAndOneGoneAlreadyIsFine() {
        String path = "/v1.0/servicePrincipals/" + DOCS_CLIENT.id()
                + "/appRoleAssignments/UxOIjjUXr0WvIe4TRFgqTY4z9Wu5KxpBtlEpoTGjw-A";
        graph.stubFor(delete(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));

        directory.removeTenantWidePermission(DOCS_CLIENT, "UxOIjjUXr0WvIe4TRFgqTY4z9Wu5KxpBtlEpoTGjw-A");
        only(deleteRequestedFor(urlPathEqualTo(path)));

        graph.stubFor(delete(urlPathEqualTo(path)).willReturn(graphError(404, USER_NOT_FOUND)));
        directory.removeTenantWidePermission(DOCS_CLIENT, "UxOIjjUXr0WvIe4TRFgqTY4z9Wu5KxpBtlEpoTGjw-A");
    }

    @Test
    void withoutAppRoleAssignmentReadWriteAllTheRemovalIsAccessDenied() {
        graph.stubFor(delete(urlPathEqualTo("/v1.0/servicePrincipals/" + DOCS_CLIENT.id() + "/appRoleAssignments/x"))
                .willReturn(graphError(403, INSUFFICIENT_PRIVILEGES)));

        assertThatThrownBy(() -> directory.removeTenantWidePermission(DOCS_CLIENT, "x"))
                .isInstanceOfSatisfying(
                        TenantException.class, e -> assertThat(e.kind()).isEqualTo(TenantException.Kind.ACCESS_DENIED));
    }

    private LoggedRequest only(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
        List<LoggedRequest> requests = graph.findAll(pattern);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The body as JSON without the {@code "@odata.type":"#microsoft.graph.user"} the SDK adds (Graph accepts it), so
     * the rest can be compared with the documented body property for property.
     */
    private static JsonNode withoutODataType(String body) {
        ObjectNode tree = (ObjectNode) JSON.readTree(body);
        JsonNode type = tree.remove("@odata.type");
        assertThat(type == null ? "#microsoft.graph.user" : type.asString()).isEqualTo("#microsoft.graph.user");
        return tree;
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
