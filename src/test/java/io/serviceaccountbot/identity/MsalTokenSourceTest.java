package io.serviceaccountbot.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** MSAL4J's real client-credentials flow, with only the identity platform's HTTP answers simulated. */
class MsalTokenSourceTest {

    static final String TENANT = "7d2f0c55-1234-4abc-9def-0123456789ab";
    static final String APP = "5e1f0b7a-1111-4222-8333-944455556666";

    private final List<HttpRequest> requests = new CopyOnWriteArrayList<>();

    private final IHttpClient identityPlatform = request -> {
        requests.add(request);
        String url = request.url().toString();
        HttpResponse response = new HttpResponse().statusCode(200);
        response.addHeaders(Map.of("Content-Type", List.of("application/json")));
        if (url.contains("/oauth2/v2.0/token")) {
            return response.body("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                    + "\"access_token\":\"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake.token\"}");
        }
        if (url.contains("openid-configuration")) {
            String base = "https://login.microsoftonline.com/" + TENANT;
            return response.body("{\"token_endpoint\":\"" + base + "/oauth2/v2.0/token\",\"issuer\":\"" + base
                    + "/v2.0\",\"authorization_endpoint\":\"" + base + "/oauth2/v2.0/authorize\"}");
        }
        return response.body("{\"tenant_discovery_endpoint\":\"https://login.microsoftonline.com/" + TENANT
                + "/v2.0/.well-known/openid-configuration\",\"api-version\":\"1.1\",\"metadata\":[]}");
    };

    @Test
    void clientSecretFlowAsksTheTenantAuthorityForTheScope() throws Exception {
        IdentityProperties properties = new IdentityProperties(
                TENANT, APP, "s3cr3t-value", null, null, false, null, "https://login.microsoftonline.com");

        IssuedToken token = MsalTokenSource.from(properties, identityPlatform).acquire(AccessTokens.BOT_CONNECTOR);

        assertThat(token.value()).startsWith("eyJ");
        assertThat(token.expiresAt()).isAfter(java.time.Instant.now().plusSeconds(3000));
        HttpRequest tokenRequest = requests.stream()
                .filter(request -> request.url().toString().endsWith("/oauth2/v2.0/token"))
                .findFirst()
                .orElseThrow();
        assertThat(tokenRequest.url().toString()).contains("/" + TENANT + "/");
        String body = URLDecoder.decode(tokenRequest.body(), StandardCharsets.UTF_8);
        assertThat(body)
                .contains("grant_type=client_credentials")
                .containsPattern("scope=[^&]*https://api.botframework.com/.default")
                .contains("client_id=" + APP);
        assertThat(token.toString()).doesNotContain("eyJ");
    }

    @Test
    void propertiesNeverPrintTheSecret() {
        IdentityProperties properties =
                new IdentityProperties(TENANT, APP, "s3cr3t-value", null, null, false, null, "https://x");

        assertThat(properties.toString()).doesNotContain("s3cr3t-value").contains("CLIENT_SECRET");
    }
}
