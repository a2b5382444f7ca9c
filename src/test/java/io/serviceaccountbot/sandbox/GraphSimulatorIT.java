package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated Graph over plain HTTP, as any Graph client would see it: Microsoft's JSON shapes, its error bodies
 * and words, paging, {@code $filter} with its quoting rules, and scripted faults.
 */
@SandboxServer
class GraphSimulatorIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String STRONG_PASSWORD = "Sandbox-Passw0rd-For-Tests";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private SimulatorControlClient control;

    record Answer(int status, HttpResponse<String> response, JsonNode json) {
        String error() {
            return json.path("error").path("code").asString();
        }

        String message() {
            return json.path("error").path("message").asString();
        }
    }

    @BeforeEach
    void control() {
        control = new SimulatorControlClient(port);
    }

    @AfterEach
    void noFaultsLeft() {
        control.clearFaults();
    }

    private Answer call(String method, String pathAndQuery, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/sandbox/graph/v1.0" + pathAndQuery))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response, json);
    }

    private Answer call(String method, String pathAndQuery, String body) throws Exception {
        return call(method, pathAndQuery, body, "Bearer sandbox-token");
    }

    private Answer get(String pathAndQuery) throws Exception {
        return call("GET", pathAndQuery, null);
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Answer createUser(String alias, String upn, String usageLocation, String password) throws Exception {
        return call("POST", "/users", """
                {"accountEnabled": true, "displayName": %s, "mailNickname": %s, "userPrincipalName": %s,
                 %s "passwordProfile": {"forceChangePasswordNextSignIn": false, "password": %s}}
                """.formatted(
                        JSON.writeValueAsString(alias),
                        JSON.writeValueAsString(alias),
                        JSON.writeValueAsString(upn),
                        usageLocation == null ? "" : "\"usageLocation\": \"" + usageLocation + "\",",
                        JSON.writeValueAsString(password)));
    }

    @Test
    void withoutTheSandboxTokenGraphAnswersInvalidAuthenticationToken() throws Exception {
        Answer none = call("GET", "/users/alexw@example.com", null, null);
        Answer wrong = call("GET", "/users/alexw@example.com", null, "Bearer someone-elses-token");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.error()).isEqualTo("InvalidAuthenticationToken");
        assertThat(none.message()).isEqualTo("Access token is empty.");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error()).isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void everyAnswerCarriesARequestIdThatAnErrorBodyRepeats() throws Exception {
        Answer found = get("/users/alexw@example.com");
        Answer missing = get("/users/nobody@example.com");

        assertThat(found.response().headers().firstValue("request-id")).isPresent();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("Request_ResourceNotFound");
        assertThat(missing.json()
                        .path("error")
                        .path("innerError")
                        .path("request-id")
                        .asString())
                .isEqualTo(missing.response().headers().firstValue("request-id").orElseThrow());
    }

    @Test
    void aSelectGivesExactlyThoseProperties() throws Exception {
        Answer alex = get("/users/alexw@example.com?$select=id,mailNickname,assignedLicenses");

        assertThat(alex.json().propertyNames())
                .containsExactly("@odata.context", "id", "mailNickname", "assignedLicenses");
        assertThat(alex.json().path("@odata.context").asString())
                .endsWith("#users(id,mailNickname,assignedLicenses)/$entity");
    }

    @Test
    void selectingAPropertyUsersDoNotHaveIsRefused() throws Exception {
        Answer answer = get("/users/alexw@example.com?$select=id,favouriteColour");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message())
                .isEqualTo("Could not find a property named 'favouriteColour' on type 'microsoft.graph.user'.");
    }

    @Test
    void listingUsersWithTopPagesThroughNextLinksThatKeepTheFilterAndSelect() throws Exception {
        String filter = query("startswith(userPrincipalName,'') and accountEnabled eq true");
        Answer page = get("/users?$top=2&$select=id,userPrincipalName&$filter=" + filter);
        List<String> seen = new ArrayList<>();
        int pages = 0;
        while (true) {
            assertThat(page.status()).isEqualTo(200);
            page.json().path("value").forEach(user -> {
                assertThat(user.propertyNames()).containsExactly("id", "userPrincipalName");
                seen.add(user.path("userPrincipalName").asString());
            });
            pages++;
            JsonNode next = page.json().path("@odata.nextLink");
            if (next.isMissingNode()) {
                break;
            }
            assertThat(next.asString())
                    .contains("$skiptoken=")
                    .contains("$top=2")
                    .contains("$select=");
            HttpResponse<String> raw = http.send(
                    HttpRequest.newBuilder(URI.create(next.asString()))
                            .header("Authorization", "Bearer sandbox-token")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            page = new Answer(raw.statusCode(), raw, JSON.readTree(raw.body()));
        }

        assertThat(seen).contains("alexw@example.com", "lynner@example.com").doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aNameWithAQuoteIsFoundWhenEscapedAndAnUnescapedOneIsRefused() throws Exception {
        assertThat(createUser("o'brien", "o'brien@example.com", "IE", STRONG_PASSWORD)
                        .status())
                .isEqualTo(201);

        Answer escaped = get("/users?$filter=" + query("mailNickname eq 'o''brien'"));
        Answer unescaped = get("/users?$filter=" + query("mailNickname eq 'o'brien'"));
        Answer injected = get("/users?$filter=" + query("mailNickname eq 'x'' or mailNickname ne '''"));

        assertThat(escaped.json().path("value")).hasSize(1);
        assertThat(escaped.json().path("value").get(0).path("userPrincipalName").asString())
                .isEqualTo("o'brien@example.com");
        assertThat(unescaped.status()).isEqualTo(400);
        assertThat(unescaped.message()).startsWith("Invalid filter clause:");
        assertThat(injected.json().path("value"))
                .as("escaped, the injection is just a name")
                .isEmpty();
    }

    @Test
    void filteringOnAPropertyGraphCannotFilterIsAnUnsupportedQuery() throws Exception {
        Answer answer = get("/users?$filter=" + query("jobTitle eq 'x'"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("Request_UnsupportedQuery");
    }

    @Test
    void creatingAUserNeedsEveryRequiredPropertyAndAStrongPassword() throws Exception {
        Answer noAlias = call("POST", "/users", """
                {"accountEnabled": true, "displayName": "No Alias", "userPrincipalName": "noalias@example.com",
                 "passwordProfile": {"password": "%s"}}
                """.formatted(STRONG_PASSWORD));
        Answer weak = createUser("svc-weak", "svc-weak@example.com", "US", "password");

        assertThat(noAlias.status()).isEqualTo(400);
        assertThat(noAlias.message()).contains("mailNickname");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.message())
                .isEqualTo("The specified password does not comply with password complexity requirements. Please"
                        + " provide a different password.");
        assertThat(get("/users/svc-weak@example.com").status()).isEqualTo(404);
    }

    @Test
    void aUserOutsideTheVerifiedDomainsIsRefusedWithGraphsWords() throws Exception {
        Answer answer = createUser("svc-elsewhere", "svc-elsewhere@contoso.com", "US", STRONG_PASSWORD);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message())
                .isEqualTo("The domain portion of the userPrincipalName property is invalid. You must use one of the"
                        + " verified domain names in your organization.");
    }

    @Test
    void aTakenSignInNameOrAliasIsAConflictNamingTheProperty() throws Exception {
        Answer upn = createUser("alex-two", "alexw@example.com", "US", STRONG_PASSWORD);
        Answer alias = createUser("meganb", "megan-two@example.com", "US", STRONG_PASSWORD);

        assertThat(upn.message())
                .isEqualTo("Another object with the same value for property userPrincipalName already exists.");
        assertThat(upn.json().path("error").path("details").get(0).path("code").asString())
                .isEqualTo("ObjectConflict");
        assertThat(upn.json()
                        .path("error")
                        .path("details")
                        .get(0)
                        .path("target")
                        .asString())
                .isEqualTo("userPrincipalName");
        assertThat(alias.message())
                .isEqualTo("Another object with the same value for property mailNickname already exists.");
    }

    @Test
    void aCreatedUserShowsNoPasswordOnlyWhetherItMustBeChanged() throws Exception {
        Answer created = createUser("svc-nopass", "svc-nopass@example.com", "US", STRONG_PASSWORD);
        Answer user = get("/users/svc-nopass@example.com");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("id").asString()).isNotBlank();
        assertThat(created.response().body()).doesNotContain(STRONG_PASSWORD);
        assertThat(user.response().body()).doesNotContain(STRONG_PASSWORD);
        assertThat(user.json().path("passwordProfile").path("password").isNull())
                .isTrue();
        assertThat(user.json()
                        .path("passwordProfile")
                        .path("forceChangePasswordNextSignIn")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void passwordPoliciesAreKeptFromCreationAndChangeShownWhenSelectedAndInTheFullView() throws Exception {
        Answer created = call("POST", "/users", """
                {"accountEnabled": true, "displayName": "svc-policy", "mailNickname": "svc-policy",
                 "userPrincipalName": "svc-policy@example.com", "passwordPolicies": "DisablePasswordExpiration",
                 "passwordProfile": {"forceChangePasswordNextSignIn": false, "password": "%s"}}
                """.formatted(STRONG_PASSWORD));
        String id = created.json().path("id").asString();

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().has("passwordPolicies"))
                .as("not one of the properties Graph returns by default")
                .isFalse();
        assertThat(get("/users/" + id + "?$select=id,passwordPolicies")
                        .json()
                        .path("passwordPolicies")
                        .asString())
                .isEqualTo("DisablePasswordExpiration");
        assertThat(get("/users/svc-policy@example.com")
                        .json()
                        .path("passwordPolicies")
                        .asString())
                .as("the simulator's full view without $select")
                .isEqualTo("DisablePasswordExpiration");

        Answer both = call("PATCH", "/users/" + id, """
                {"passwordPolicies": "DisableStrongPassword,DisablePasswordExpiration"}
                """);
        assertThat(both.status()).isEqualTo(204);
        assertThat(get("/users/" + id + "?$select=passwordPolicies")
                        .json()
                        .path("passwordPolicies")
                        .asString())
                .isEqualTo("DisablePasswordExpiration, DisableStrongPassword");

        call("PATCH", "/users/" + id, "{\"passwordPolicies\": \"None\"}");
        assertThat(get("/users/" + id + "?$select=passwordPolicies")
                        .json()
                        .path("passwordPolicies")
                        .isNull())
                .isTrue();
    }

    @Test
    void thePlaygroundPeopleHaveNoPasswordPolicyOfTheirOwn() throws Exception {
        Answer alex = get("/users/alexw@example.com?$select=passwordPolicies");

        assertThat(alex.json().has("passwordPolicies")).isTrue();
        assertThat(alex.json().path("passwordPolicies").isNull()).isTrue();
    }

    @Test
    void aPasswordPolicyGraphDoesNotKnowIsRefusedAsAnInvalidValue() throws Exception {
        Answer unknown = call("PATCH", "/users/alexw@example.com", """
                {"passwordPolicies": "DisablePasswordExpiration, NeverLockOut"}
                """);
        Answer notAString = call("POST", "/users", """
                {"accountEnabled": true, "displayName": "svc-policy-bad", "mailNickname": "svc-policy-bad",
                 "userPrincipalName": "svc-policy-bad@example.com", "passwordPolicies": true,
                 "passwordProfile": {"forceChangePasswordNextSignIn": false, "password": "%s"}}
                """.formatted(STRONG_PASSWORD));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.error()).isEqualTo("Request_BadRequest");
        assertThat(unknown.message())
                .isEqualTo("Invalid value specified for property 'passwordPolicies' of resource 'User'.");
        assertThat(notAString.status()).isEqualTo(400);
        assertThat(notAString.error()).isEqualTo("Request_BadRequest");
        assertThat(get("/users/svc-policy-bad@example.com").status()).isEqualTo(404);
        assertThat(get("/users/alexw@example.com?$select=passwordPolicies")
                        .json()
                        .path("passwordPolicies")
                        .isNull())
                .as("a refused change changes nothing")
                .isTrue();
    }

    @Test
    void aNewPasswordWithoutSayingOtherwiseMustBeChangedAtNextSignIn() throws Exception {
        String id = createUser("svc-reset", "svc-reset@example.com", "US", STRONG_PASSWORD)
                .json()
                .path("id")
                .asString();

        Answer reset = call("PATCH", "/users/" + id, """
                {"passwordProfile": {"password": "Another-Passw0rd-For-Tests"}}
                """);

        assertThat(reset.status()).isEqualTo(204);
        assertThat(get("/users/" + id + "?$select=passwordProfile")
                        .json()
                        .path("passwordProfile")
                        .path("forceChangePasswordNextSignIn")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void licensingAUserWithoutUsageLocationFailsAsGraphDoesUntilOneIsSet() throws Exception {
        String id = createUser("svc-nowhere", "svc-nowhere@example.com", null, STRONG_PASSWORD)
                .json()
                .path("id")
                .asString();
        String e1 = """
                {"addLicenses": [{"disabledPlans": [], "skuId": "18181a46-0d4e-45cd-891e-60aabd171b4e"}],
                 "removeLicenses": []}
                """;

        Answer refused = call("POST", "/users/" + id + "/assignLicense", e1);
        call("PATCH", "/users/" + id, "{\"usageLocation\": \"GB\"}");
        Answer assigned = call("POST", "/users/" + id + "/assignLicense", e1);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("Request_BadRequest");
        assertThat(refused.message())
                .isEqualTo("License assignment cannot be done for user with invalid usage location.");
        assertThat(assigned.status()).isEqualTo(200);
        Answer details = get("/users/" + id + "/licenseDetails");
        assertThat(details.json().path("value").get(0).path("skuPartNumber").asString())
                .isEqualTo("STANDARDPACK");
    }

    @Test
    void assignLicenseNeedsRemoveLicensesEvenWhenEmpty() throws Exception {
        Answer answer = call("POST", "/users/alexw@example.com/assignLicense", """
                {"addLicenses": [{"disabledPlans": [], "skuId": "18181a46-0d4e-45cd-891e-60aabd171b4e"}]}
                """);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message())
                .isEqualTo("One or more parameters of the operation 'assignLicense' are missing from the request"
                        + " payload. The missing parameters are: removeLicenses.");
    }

    @Test
    void aNewlyLicensedUserHasNoMailboxYetWhileThePlaygroundPeopleDo() throws Exception {
        String id = createUser("svc-fresh", "svc-fresh@example.com", "US", STRONG_PASSWORD)
                .json()
                .path("id")
                .asString();
        call("POST", "/users/" + id + "/assignLicense", """
                {"addLicenses": [{"disabledPlans": [], "skuId": "18181a46-0d4e-45cd-891e-60aabd171b4e"}],
                 "removeLicenses": []}
                """);

        Answer fresh = get("/users/" + id + "/mailboxSettings");
        Answer alex = get("/users/alexw@example.com/mailboxSettings");

        assertThat(fresh.status()).isEqualTo(404);
        assertThat(fresh.error()).isEqualTo("MailboxNotEnabledForRESTAPI");
        assertThat(alex.status()).isEqualTo(200);
        assertThat(alex.json().path("userPurpose").path("value").asString()).isEqualTo("user");
    }

    @Test
    void checkingMoreThanTwentyGroupsAtOnceIsRefused() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            ids.add("\"5b07ad31-0000-4000-8000-0000000001%02d\"".formatted(i));
        }

        Answer answer = call(
                "POST",
                "/users/alexw@example.com/checkMemberGroups",
                "{\"groupIds\": [" + String.join(",", ids) + "]}");

        assertThat(answer.status()).isEqualTo(400);
    }

    @Test
    void theLicencesShowE1WithExchangeAndHowManyAreLeft() throws Exception {
        Answer skus = get("/subscribedSkus");

        JsonNode e1 = null;
        for (JsonNode sku : skus.json().path("value")) {
            if (sku.path("skuPartNumber").asString().equals("STANDARDPACK")) {
                e1 = sku;
            }
        }
        assertThat(e1).isNotNull();
        assertThat(e1.path("prepaidUnits").path("enabled").asInt()).isEqualTo(25);
        assertThat(e1.path("consumedUnits").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(e1.path("servicePlans").toString()).contains("EXCHANGE_S_STANDARD");
    }

    @Test
    void theDomainsAreExampleComByDefaultAndTheInitialOnMicrosoftDomain() throws Exception {
        Answer domains = get("/domains");

        assertThat(domains.json().path("value").get(0).path("id").asString()).isEqualTo("example.com");
        assertThat(domains.json().path("value").get(0).path("isDefault").asBoolean())
                .isTrue();
        assertThat(domains.json().path("value").get(1).path("id").asString()).isEqualTo("example.onmicrosoft.com");
        assertThat(domains.json().path("value").get(1).path("isInitial").asBoolean())
                .isTrue();
    }

    @Test
    void aPathGraphDoesNotServeIsABadRequestInGraphsShape() throws Exception {
        Answer answer = get("/teleporters/1");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).isEqualTo("Resource not found for the segment 'teleporters'.");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithGraphsWords() throws Exception {
        Answer answer = call("POST", "/users", "{not json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).startsWith("Unable to read JSON request payload.");
    }

    @Test
    void anInjectedThrottleCarriesRetryAfterAndGraphsThrottlingBody() throws Exception {
        control.graphFails("GET /domains", 429, 7, 1);

        Answer throttled = get("/domains");
        Answer after = get("/domains");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.response().headers().firstValue("Retry-After")).contains("7");
        assertThat(throttled.error()).isEqualTo("TooManyRequests");
        assertThat(throttled.message()).isEqualTo("Please retry again later.");
        assertThat(throttled
                        .json()
                        .path("error")
                        .path("innerError")
                        .path("status")
                        .asString())
                .isEqualTo("429");
        assertThat(after.status()).isEqualTo(200);
    }

    @Test
    void anInjectedOutageHasAGraphErrorBody() throws Exception {
        control.graphFails("GET /subscribedSkus", 503, 0, 1);

        Answer answer = get("/subscribedSkus");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.error()).isEqualTo("serviceNotAvailable");
        assertThat(answer.response().headers().firstValue("request-id")).isPresent();
    }

    @Test
    void anInjectedTimeoutHangsThenAnswersGatewayTimeout() throws Exception {
        control.graphHangs("GET /domains", 300);

        long started = System.nanoTime();
        Answer answer = get("/domains");

        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
        assertThat(answer.status()).isEqualTo(504);
        assertThat(answer.error()).isEqualTo("GatewayTimeout");
    }
}
