package io.serviceaccountbot.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.serviceaccountbot.identity.AccessTokens;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin endpoints in production mode, against a local stand-in for the tenant's Entra ID keys: only a token from
 * that issuer, for the bot's app, with the endpoint's role, reads the audit log or the metrics; everything else is
 * refused without them. Health and info stay open for the platform's probes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminEndpointsAuthenticationIT {

    static final String TENANT = "00000000-0000-0000-0000-0000000000001";
    static final String APP_ID = "5e1f0b7a-1111-4222-8333-944455556666";
    static final String ISSUER = "https://login.microsoftonline.com/" + TENANT + "/v2.0";

    static RSAKey key;
    static RSAKey stranger;
    static HttpServer keys;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startKeys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("entra-1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("entra-1").generate();
        keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keys.createContext("/keys", exchange -> {
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keys.start();
    }

    @AfterAll
    static void stopKeys() {
        keys.stop(0);
    }

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        registry.add("bot.identity.tenant-id", () -> TENANT);
        registry.add("bot.identity.app-id", () -> APP_ID);
        registry.add("bot.identity.client-secret", () -> "not-used-by-this-test");
        registry.add("bot.access.admins-group-id", () -> "5b07ad31-0000-4000-8000-000000000001");
        registry.add("bot.access.approvers-group-id", () -> "5b07ad31-0000-4000-8000-000000000002");
        registry.add("bot.provisioning.graph-base-url", () -> "http://127.0.0.1:9/unreachable");
        registry.add("bot.secrets.key-vault-uri", () -> "https://kv-never-called.vault.azure.net/");
        registry.add(
                "bot.operations.admin-token-jwk-set-uri",
                () -> "http://127.0.0.1:" + keys.getAddress().getPort() + "/keys");
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

    private static String token(RSAKey signer, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(APP_ID)
                .subject("export-app")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(10)))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("roles", List.of("Audit.Export"));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signer.getKeyID())
                        .build(),
                claims.build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private HttpResponse<String> export(String token) throws Exception {
        return get("/admin/audit?format=json", token);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenForThisAppWithTheExportRoleReadsTheLog() throws Exception {
        HttpResponse<String> response = export(token(key, claims -> {}));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }

    @Test
    void theMetricsNeedTheMetricsRoleAndTheExportRoleIsNotEnough() throws Exception {
        HttpResponse<String> metrics =
                get("/actuator/prometheus", token(key, claims -> claims.claim("roles", List.of("Metrics.Read"))));
        HttpResponse<String> withExportRole = get("/actuator/prometheus", token(key, claims -> {}));
        HttpResponse<String> anonymous = get("/actuator/prometheus", null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");
        assertThat(withExportRole.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(export(token(key, claims -> claims.claim("roles", List.of("Metrics.Read"))))
                        .statusCode())
                .as("the metrics role does not open the audit log")
                .isEqualTo(403);
    }

    @Test
    void healthAndInfoStayOpenForTheProbesAndTellNothingMore() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        HttpResponse<String> info = get("/actuator/info", null);
        HttpResponse<String> env = get("/actuator/env", null);

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(env.statusCode()).isIn(401, 403, 404);
        assertThat(env.body()).doesNotContain("bot.identity");
    }

    @Test
    void anApplicationIdUriAudienceIsTheSameApp() throws Exception {
        assertThat(export(token(key, claims -> claims.audience("api://" + APP_ID)))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void noTokenIsRefused() throws Exception {
        HttpResponse<String> response = export(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("seq");
    }

    @Test
    void aTokenWithoutTheExportRoleIsForbidden() throws Exception {
        HttpResponse<String> response = export(token(key, claims -> claims.claim("roles", List.of("Other.Role"))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("seq");
    }

    @Test
    void aTokenForAnotherAppIsRefused() throws Exception {
        assertThat(export(token(key, claims -> claims.audience("another-app"))).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        assertThat(export(token(key, claims -> claims.issuer("https://login.microsoftonline.com/other/v2.0")))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        assertThat(export(token(stranger, claims -> {})).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertThat(export(token(
                                key,
                                claims -> claims.expirationTime(
                                        Date.from(Instant.now().minusSeconds(600)))))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenWithoutExpiryOrNotBeforeOrIssueTimeIsRefused() throws Exception {
        assertThat(export(token(key, claims -> claims.expirationTime(null))).statusCode())
                .isEqualTo(401);
        assertThat(export(token(key, claims -> claims.notBeforeTime(null))).statusCode())
                .isEqualTo(401);
        assertThat(export(token(key, claims -> claims.issueTime(null))).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenIssuedInTheFutureOrLivingForAYearIsRefused() throws Exception {
        Instant now = Instant.now();
        assertThat(export(token(key, claims -> claims.issueTime(Date.from(now.plusSeconds(600)))))
                        .statusCode())
                .isEqualTo(401);
        assertThat(export(token(key, claims -> claims.expirationTime(Date.from(now.plus(Duration.ofDays(365))))))
                        .statusCode())
                .isEqualTo(401);
    }
}
