package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.serviceaccountbot.identity.AccessTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Production mode against a local Bot Framework key set: every forged or stale token is refused before anything
 * happens, and a genuine one is served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboundAuthenticationIT {

    static final String APP_ID = "5e1f0b7a-1111-4222-8333-944455556666";
    static LocalBotFrameworkKeys keys;
    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    ConversationReferences references;

    private final HttpClient http = HttpClient.newHttpClient();
    private ObjectNode activity;

    @BeforeAll
    static void start() throws Exception {
        keys = new LocalBotFrameworkKeys();
        connector = new FakeConnector();
    }

    @AfterAll
    static void stop() {
        keys.close();
        connector.close();
    }

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        registry.add("bot.identity.tenant-id", () -> Activities.TENANT);
        registry.add("bot.identity.app-id", () -> APP_ID);
        registry.add("bot.identity.client-secret", () -> "not-used-by-this-test");
        registry.add("bot.access.admins-group-id", () -> "5b07ad31-0000-4000-8000-000000000001");
        registry.add("bot.access.approvers-group-id", () -> "5b07ad31-0000-4000-8000-000000000002");
        registry.add("bot.provisioning.graph-base-url", () -> "http://127.0.0.1:9/unreachable");
        registry.add("bot.secrets.key-vault-uri", () -> "https://kv-never-called.vault.azure.net/");
        registry.add("bot.teams.openid-metadata-url", () -> keys.metadataUrl());
    }

    /** The identity platform is the edge this test does not reach: outbound tokens are fixed. */
    @TestConfiguration
    static class FixedOutboundTokens {
        @Bean
        @Primary
        AccessTokens fixedTokens() {
            return scope -> "outbound-token";
        }
    }

    @BeforeEach
    void freshActivity() {
        activity = Activities.sample("conversationUpdate-personal", connector.serviceUrl());
        activity.withObjectProperty("conversation")
                .put("id", "auth-" + activity.get("id").asString());
    }

    private HttpResponse<String> post(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(activity)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
        return LocalBotFrameworkKeys.with(LocalBotFrameworkKeys.validClaims(APP_ID, connector.serviceUrl()), change);
    }

    private void assertRefusedWithoutSideEffect(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
        Thread.sleep(150);
        String conversation = activity.path("conversation").path("id").asString();
        assertThat(references.find(connector.serviceUrl(), conversation)).isEmpty();
        assertThat(connector.calls()).noneMatch(call -> call.path().contains(conversation));
    }

    @Test
    void aGenuineTokenIsServedAndTheAnswerCarriesTheBotsOwnToken() throws Exception {
        HttpResponse<String> response = post("Bearer " + keys.signed(claims(c -> {})));

        assertThat(response.statusCode()).isEqualTo(200);
        String conversation = activity.path("conversation").path("id").asString();
        FakeConnector.Call welcome =
                connector.await(call -> call.path().contains(conversation), Duration.ofSeconds(10));
        assertThat(welcome.authorization()).isEqualTo("Bearer outbound-token");
        assertThat(references.find(connector.serviceUrl(), conversation)).isPresent();
    }

    @Test
    void noTokenIsRefused() throws Exception {
        assertRefusedWithoutSideEffect(post(null), 401);
    }

    @Test
    void garbageIsRefused() throws Exception {
        assertRefusedWithoutSideEffect(post("Bearer not.a.jwt"), 401);
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefused() throws Exception {
        assertRefusedWithoutSideEffect(post("Bearer " + keys.signedByStranger(claims(c -> {}))), 401);
    }

    @Test
    void aTokenSignedByAPublishedKeyNotEndorsedForTeamsIsRefused() throws Exception {
        assertRefusedWithoutSideEffect(post("Bearer " + keys.signedByWebChatKey(claims(c -> {}))), 401);
        assertRefusedWithoutSideEffect(post("Bearer " + keys.signedByUnendorsedKey(claims(c -> {}))), 401);
    }

    @Test
    void anActivityFromAnotherChannelIsRefusedEvenWithAGenuineToken() throws Exception {
        activity.put("channelId", "webchat");
        assertRefusedWithoutSideEffect(post("Bearer " + keys.signed(claims(c -> {}))), 400);
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        assertRefusedWithoutSideEffect(post("Bearer " + LocalBotFrameworkKeys.unsigned(claims(c -> {}))), 401);
    }

    @Test
    void aTokenSignedWithThePublicKeyAsHmacSecretIsRefused() throws Exception {
        assertRefusedWithoutSideEffect(post("Bearer " + keys.signedWithPublicKeyAsHmacSecret(claims(c -> {}))), 401);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant sixMinutesAgo = Instant.now().minusSeconds(360);
        String token = keys.signed(claims(c -> c.expirationTime(Date.from(sixMinutesAgo))
                .notBeforeTime(Date.from(sixMinutesAgo.minusSeconds(3600)))
                .issueTime(Date.from(sixMinutesAgo.minusSeconds(3600)))));
        assertRefusedWithoutSideEffect(post("Bearer " + token), 401);
    }

    @Test
    void aTokenExpiredWithinTheFiveMinuteSkewIsStillAccepted() throws Exception {
        Instant threeMinutesAgo = Instant.now().minusSeconds(180);
        String token = keys.signed(claims(c -> c.expirationTime(Date.from(threeMinutesAgo))
                .notBeforeTime(Date.from(threeMinutesAgo.minusSeconds(3600)))
                .issueTime(Date.from(threeMinutesAgo.minusSeconds(3600)))));
        HttpResponse<String> response = post("Bearer " + token);
        assertThat(response.statusCode())
                .as(response.headers().map().toString())
                .isEqualTo(200);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        assertRefusedWithoutSideEffect(post("Bearer " + keys.signed(claims(c -> c.expirationTime(null)))), 401);
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        String token =
                keys.signed(claims(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(900)))));
        assertRefusedWithoutSideEffect(post("Bearer " + token), 401);
    }

    @Test
    void aTokenForAnotherBotIsRefused() throws Exception {
        String token = keys.signed(claims(c -> c.audience("another-bot-app-id")));
        assertRefusedWithoutSideEffect(post("Bearer " + token), 401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        String token = keys.signed(claims(c -> c.issuer("https://sts.windows.net/evil/")));
        assertRefusedWithoutSideEffect(post("Bearer " + token), 401);
    }

    @Test
    void aTokenForAnotherServiceUrlIsRefused() throws Exception {
        String token = keys.signed(claims(c -> c.claim("serviceUrl", "https://smba.trafficmanager.net/emea/")));
        assertRefusedWithoutSideEffect(post("Bearer " + token), 403);
    }

    @Test
    void aTokenWithoutServiceUrlClaimIsRefused() throws Exception {
        String token = keys.signed(claims(c -> c.claim("serviceUrl", null)));
        assertRefusedWithoutSideEffect(post("Bearer " + token), 403);
    }

    @Test
    void otherPathsAreClosedInProduction() throws Exception {
        HttpResponse<String> sandbox = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/sandbox/graph/v1.0/users/alexw@example.com"))
                        .header("Authorization", "Bearer sandbox-token")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sandbox.statusCode()).isIn(401, 403, 404);
    }
}
