package io.serviceaccountbot.tenant.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.TokenUnavailableException;
import io.serviceaccountbot.tenant.PasswordGenerator;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretStore.StoredSecret;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The Key Vault adapter, through the real Azure SDK over HTTPS, against WireMock answering as Key Vault's REST API is
 * documented: an unauthenticated first request gets the 401 bearer challenge naming the authority and resource; Set
 * Secret is {@code PUT /secrets/{name}?api-version=…} with {@code {"value":…}}; Get Secret is {@code GET
 * /secrets/{name}/}; errors are {@code {"error":{"code":…,"message":…,"innererror":{…}}}} with {@code
 * x-ms-request-id}.
 *
 * <p>Each test gets a vault on a port no earlier test used: the SDK caches challenges per host and port for the life
 * of the JVM.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyVaultSecretStoreIT {

    static final String TENANT = "7d2f0c55-1234-4abc-9def-0123456789ab";
    static final String TOKEN = "kv-token-from-access-tokens";
    static final String REQUEST_ID = "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
    static final String NAME = "svc-sync-password";
    static final String API_VERSION = "\\d{4}-\\d{2}-\\d{2}(-preview)?|7\\.\\d";

    private static final Set<Integer> USED_PORTS = ConcurrentHashMap.newKeySet();

    private WireMockServer vault;
    private final List<String> scopesAsked = new CopyOnWriteArrayList<>();
    private final Secret password = new PasswordGenerator(24).generate();

    @BeforeEach
    void startVault() {
        do {
            if (vault != null) {
                vault.stop();
            }
            vault = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort());
            vault.start();
        } while (!USED_PORTS.add(vault.httpsPort()));
        vault.stubFor(any(urlPathMatching("/secrets/.*"))
                .atPriority(1)
                .withHeader("Authorization", absent())
                .willReturn(challenge()));
    }

    @AfterEach
    void stopVault() {
        vault.stop();
    }

    @Test
    void aPutAnswersTheChallengeWithTheBotsTokenThenSendsTheValue() {
        vault.stubFor(authorized(put(urlPathEqualTo("/secrets/" + NAME))).willReturn(setSecretAnswer()));

        StoredSecret stored = store(fastRetries()).put(NAME, password);

        List<LoggedRequest> puts = vault.findAll(putRequestedFor(urlPathEqualTo("/secrets/" + NAME)));
        assertThat(puts).hasSize(2);
        assertThat(puts.get(0).containsHeader("Authorization")).isFalse();
        assertThat(puts.get(0).getBody())
                .as("no value before the vault is known")
                .isEmpty();
        assertThat(puts.get(1).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(puts.get(1).getQueryParams().get("api-version").firstValue()).matches(API_VERSION);
        assertThat(puts.get(1).getBodyAsString())
                .contains("\"value\":\"" + password.reveal() + "\"")
                .contains("\"contentType\":\"password\"")
                .contains("\"managed-by\":\"service-account-bot\"");
        assertThat(scopesAsked).containsOnly("https://vault.azure.net/.default");

        assertThat(stored.name()).isEqualTo(NAME);
        assertThat(stored.location())
                .isEqualTo("Azure Key Vault 127.0.0.1, secret svc-sync-password; read it with az keyvault secret"
                        + " show --vault-name 127.0.0.1 --name svc-sync-password --query value -o tsv, or in the Azure"
                        + " portal under Key vaults > 127.0.0.1 > Secrets")
                .doesNotContain(password.reveal());
    }

    @Test
    void aGetReadsTheCurrentVersion() {
        vault.stubFor(authorized(get(urlPathMatching("/secrets/" + NAME + "/?")))
                .willReturn(json(200, secretBundle(password.reveal()))));

        assertThat(store(fastRetries()).get(NAME)).contains(password);
        assertThat(vault.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                urlPathMatching("/secrets/" + NAME + "/?"))
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN))))
                .hasSize(1);
    }

    @Test
    void anUnknownSecretIsAbsent() {
        vault.stubFor(authorized(get(urlPathMatching("/secrets/svc-nobody-password/?")))
                .willReturn(error(
                        404,
                        "SecretNotFound",
                        "A secret with (name/id) svc-nobody-password was not found in this key vault.",
                        null)));

        assertThat(store(fastRetries()).get("svc-nobody-password")).isEmpty();
    }

    @Test
    void aMissingPermissionIsAccessDeniedWithKeyVaultsCodeAndRequestId() {
        vault.stubFor(authorized(put(urlPathEqualTo("/secrets/" + NAME)))
                .willReturn(error(
                        403,
                        "Forbidden",
                        "Caller is not authorized to perform action on resource. Action:"
                                + " 'Microsoft.KeyVault/vaults/secrets/setSecret/action'",
                        "ForbiddenByRbac")));

        assertThatThrownBy(() -> store(fastRetries()).put(NAME, password))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
                    assertThat(e.service()).isEqualTo("Azure Key Vault");
                    assertThat(e.code()).isEqualTo("ForbiddenByRbac");
                    assertThat(e.requestId()).isEqualTo(REQUEST_ID);
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessageContaining("refused the bot to store secret svc-sync-password (HTTP 403 ForbiddenByRbac")
                .hasMessageContaining("Key Vault Secrets Officer")
                .message()
                .doesNotContain(password.reveal());
    }

    @Test
    void throttlingIsRetriedThenReportedAsThrottled() {
        vault.stubFor(authorized(put(urlPathEqualTo("/secrets/" + NAME)))
                .willReturn(error(
                                429,
                                "Throttled",
                                "Request was not processed because too many requests were received."
                                        + " Reason: VaultRequestTypeLimitReached",
                                null)
                        .withHeader("Retry-After", "1")));

        long started = System.nanoTime();
        assertThatThrownBy(() -> store(fastRetries()).put(NAME, password))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
                    assertThat(e.code()).isEqualTo("Throttled");
                    assertThat(e.isTransient()).isTrue();
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("waited for Retry-After")
                .isGreaterThan(Duration.ofMillis(900));
        assertThat(vault.findAll(putRequestedFor(urlPathEqualTo("/secrets/" + NAME))
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN))))
                .as("the first try and one retry")
                .hasSize(2);
    }

    @Test
    void aServerErrorThatLastsIsUnavailable() {
        vault.stubFor(authorized(put(urlPathEqualTo("/secrets/" + NAME)))
                .willReturn(error(503, "ServiceUnavailable", "The service is temporarily unavailable.", null)));

        assertThatThrownBy(() -> store(fastRetries()).put(NAME, password))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.isTransient()).isTrue();
                })
                .hasMessageContaining("Azure Key Vault 127.0.0.1 failed to store secret svc-sync-password (HTTP 503");
    }

    @Test
    void aPassingServerErrorIsRetriedAndThePutSucceeds() {
        vault.stubFor(authorized(put(urlPathEqualTo("/secrets/" + NAME)))
                .inScenario("blip")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(500, "InternalServerError", "Internal error.", null))
                .willSetStateTo("recovered"));
        vault.stubFor(authorized(put(urlPathEqualTo("/secrets/" + NAME)))
                .inScenario("blip")
                .whenScenarioStateIs("recovered")
                .willReturn(setSecretAnswer()));

        assertThat(store(fastRetries()).put(NAME, password).name()).isEqualTo(NAME);
    }

    @Test
    void aVaultThatDoesNotAnswerInTimeIsUnavailable() {
        vault.stubFor(authorized(put(urlPathEqualTo("/secrets/" + NAME)))
                .willReturn(setSecretAnswer().withFixedDelay(3_000)));
        KeyVaultSecretStore store =
                store(Duration.ofMillis(300), new RetryOptions(new FixedDelayOptions(0, Duration.ZERO)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> store.put(NAME, password))
                .isInstanceOfSatisfying(
                        TenantException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessageContaining("did not answer when asked to store secret svc-sync-password");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void aRefusedTokenIsAccessDenied() {
        vault.stubFor(authorized(put(urlPathEqualTo("/secrets/" + NAME))).willReturn(challenge()));

        assertThatThrownBy(() -> store(fastRetries()).put(NAME, password))
                .isInstanceOfSatisfying(
                        TenantException.class, e -> assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED))
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("did not accept the bot's token");
    }

    @Test
    void aDeletedSecretStillHoldingTheNameIsReportedWithWhatToDo() {
        vault.stubFor(authorized(put(urlPathEqualTo("/secrets/" + NAME)))
                .willReturn(error(
                        409,
                        "Conflict",
                        "Secret svc-sync-password is currently in a deleted but recoverable state, and its name cannot"
                                + " be reused; in this state, the secret can only be recovered or purged.",
                        "ObjectIsDeletedButRecoverable")));

        assertThatThrownBy(() -> store(fastRetries()).put(NAME, password))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.code()).isEqualTo("ObjectIsDeletedButRecoverable");
                })
                .hasMessageContaining("Recover or purge the deleted secret");
    }

    @Test
    void aVaultInAnotherTenantIsRefusedBeforeAnyTokenIsSent() {
        vault.stubFor(any(urlPathMatching("/secrets/.*"))
                .atPriority(0)
                .willReturn(challenge("11111111-2222-3333-4444-555555555555")));

        assertThatThrownBy(() -> store(fastRetries()).put(NAME, password))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
                    assertThat(e.code()).isEqualTo("ForeignTenant");
                })
                .hasMessageContaining("belongs to tenant 11111111-2222-3333-4444-555555555555")
                .hasMessageContaining("the bot's identity is in tenant " + TENANT);
        assertThat(scopesAsked).isEmpty();
        assertThat(vault.findAll(putRequestedFor(urlPathMatching(".*")).withHeader("Authorization", matching(".+"))))
                .isEmpty();
    }

    @Test
    void noTokenIsUnavailableWithTheReason() {
        AccessTokens failing = scope -> {
            throw new TokenUnavailableException(
                    "Could not get an access token for " + scope + ": MsalServiceException (AADSTS7000215)", null);
        };
        KeyVaultSecretStore store = new KeyVaultSecretStore(
                "127.0.0.1",
                () -> KeyVaultClients.create(
                        vaultUri(),
                        new AccessTokensCredential(failing, TENANT, Clock.systemUTC()),
                        Duration.ofSeconds(5),
                        fastRetries(),
                        trustingClient()));

        assertThatThrownBy(() -> store.put(NAME, password))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.code()).isEqualTo("TokenUnavailable");
                })
                .hasMessageContaining("could not store secret svc-sync-password in Azure Key Vault 127.0.0.1")
                .hasMessageContaining("AADSTS7000215");
    }

    @Test
    void namesOutsideKeyVaultsRulesNeverLeaveTheBot() {
        assertThatThrownBy(() -> store(fastRetries()).put("svc_sync", password))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store(fastRetries()).get("../keys/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(vault.getAllServeEvents()).isEmpty();
    }

    @Test
    void thePasswordAppearsInNoLogLineEvenWithEverythingLoggedAtTrace(CapturedOutput output) {
        vault.stubFor(authorized(put(urlPathEqualTo("/secrets/" + NAME))).willReturn(setSecretAnswer()));
        vault.stubFor(authorized(get(urlPathMatching("/secrets/" + NAME + "/?")))
                .willReturn(json(200, secretBundle(password.reveal()))));
        vault.stubFor(authorized(get(urlPathMatching("/secrets/svc-denied-password/?")))
                .willReturn(error(
                        403, "Forbidden", "Operation get is not allowed on a disabled secret.", "SecretDisabled")));

        try (CapturedLogs logs = new CapturedLogs("com.azure", "okhttp3", "reactor", "io.serviceaccountbot")) {
            KeyVaultSecretStore store = store(fastRetries());
            StoredSecret stored = store.put(NAME, password);
            Secret read = store.get(NAME).orElseThrow();
            assertThatThrownBy(() -> store.get("svc-denied-password")).isInstanceOf(TenantException.class);

            assertThat(read).isEqualTo(password);
            assertThat(read.toString()).isEqualTo("[secret]");
            assertThat(stored.toString()).doesNotContain(password.reveal());
            assertThat(logs.count()).isPositive();
            assertThat(logs.text()).contains("svc-sync-password").doesNotContain(password.reveal());
        }
        assertThat(output.getAll()).doesNotContain(password.reveal());
    }

    // ---- Key Vault's answers, as documented ----

    private MappingBuilder authorized(MappingBuilder request) {
        return request.atPriority(5)
                .withHeader("Authorization", matching("Bearer .+"))
                .withQueryParam("api-version", matching(API_VERSION));
    }

    private static ResponseDefinitionBuilder challenge() {
        return challenge(TENANT);
    }

    /** Key Vault's bearer challenge: the tenant's authority, and the resource to ask a token for. */
    private static ResponseDefinitionBuilder challenge(String tenant) {
        return json(
                        401,
                        "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"AKV10000: Request is missing a Bearer or PoP token.\"}}")
                .withHeader(
                        "WWW-Authenticate",
                        "Bearer authorization=\"https://login.microsoftonline.com/" + tenant
                                + "\", resource=\"https://vault.azure.net\"");
    }

    /** Set Secret echoes the secret bundle, value included. */
    private ResponseDefinitionBuilder setSecretAnswer() {
        return json(200, secretBundle("{{jsonPath request.body '$.value'}}")).withTransformers("response-template");
    }

    private String secretBundle(String value) {
        return """
                {"value":"%s","contentType":"password",\
                "id":"https://127.0.0.1:%d/secrets/%s/4387e9f3d6e14c459867679a90fd0f79",\
                "attributes":{"enabled":true,"created":1764238530,"updated":1764238530,\
                "recoveryLevel":"Recoverable+Purgeable","recoverableDays":90},\
                "tags":{"managed-by":"service-account-bot"}}""".formatted(value, vault.httpsPort(), NAME);
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message, String innerCode) {
        String inner = innerCode == null ? "" : ",\"innererror\":{\"code\":\"" + innerCode + "\"}";
        return json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"" + inner + "}}");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-ms-request-id", REQUEST_ID)
                .withHeader("x-ms-keyvault-service-version", "1.9.2436.1")
                .withBody(body);
    }

    // ---- the adapter under test ----

    private KeyVaultSecretStore store(RetryOptions retry) {
        return store(Duration.ofSeconds(5), retry);
    }

    private KeyVaultSecretStore store(Duration timeout, RetryOptions retry) {
        AccessTokens tokens = scope -> {
            scopesAsked.add(scope);
            return TOKEN;
        };
        AccessTokensCredential credential = new AccessTokensCredential(tokens, TENANT, Clock.systemUTC());
        URI uri = vaultUri();
        return new KeyVaultSecretStore(
                KeyVaultClients.vaultName(uri),
                () -> KeyVaultClients.create(uri, credential, timeout, retry, trustingClient()));
    }

    private URI vaultUri() {
        return URI.create("https://127.0.0.1:" + vault.httpsPort() + "/");
    }

    private static RetryOptions fastRetries() {
        return new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(10)));
    }

    /** WireMock's certificate is self-signed; this client trusts it (and only tests use it). */
    private static OkHttpClient trustingClient() {
        try {
            X509TrustManager trustAll = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trustAll}, null);
            return new OkHttpClient.Builder()
                    .sslSocketFactory(tls.getSocketFactory(), trustAll)
                    .hostnameVerifier((host, session) -> true)
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
