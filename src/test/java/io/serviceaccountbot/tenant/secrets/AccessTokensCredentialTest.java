package io.serviceaccountbot.tenant.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import io.serviceaccountbot.identity.AccessTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokensCredentialTest {

    static final String TENANT = "7d2f0c55-1234-4abc-9def-0123456789ab";
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final List<String> scopes = new ArrayList<>();
    private final AccessTokens tokens = scope -> {
        scopes.add(scope);
        return "token-for-" + scope;
    };
    private final AccessTokensCredential credential =
            new AccessTokensCredential(tokens, TENANT, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theTokenComesFromTheBotsTokenServiceForTheChallengedScope() {
        AccessToken token = credential.getTokenSync(new TokenRequestContext()
                .addScopes("https://vault.azure.net/.default")
                .setTenantId(TENANT));

        assertThat(token.getToken()).isEqualTo("token-for-https://vault.azure.net/.default");
        assertThat(scopes).containsExactly("https://vault.azure.net/.default");
    }

    @Test
    void theSdkIsToldToAskAgainSoTheTokenServiceDecidesWhenToRenew() {
        AccessToken token = credential
                .getToken(new TokenRequestContext().addScopes("https://vault.azure.net/.default"))
                .block();

        assertThat(token.getRefreshAt().toInstant()).isEqualTo(NOW);
        assertThat(token.getExpiresAt().toInstant()).isEqualTo(NOW.plus(AccessTokensCredential.ASSUMED_LIFETIME));
    }

    @Test
    void aChallengeFromAnotherTenantGetsNoToken() {
        assertThatThrownBy(() -> credential.getTokenSync(new TokenRequestContext()
                        .addScopes("https://vault.azure.net/.default")
                        .setTenantId("11111111-2222-3333-4444-555555555555")))
                .isInstanceOf(AccessTokensCredential.ForeignTenantException.class)
                .hasMessageContaining("tenant 11111111-2222-3333-4444-555555555555")
                .hasMessageContaining("in tenant " + TENANT);
        assertThat(scopes).isEmpty();
    }

    @Test
    void tenantsAreComparedWithoutRegardToCaseAndNamedAuthoritiesPass() {
        credential.getTokenSync(new TokenRequestContext()
                .addScopes("https://vault.azure.net/.default")
                .setTenantId(TENANT.toUpperCase()));
        credential.getTokenSync(new TokenRequestContext()
                .addScopes("https://vault.azure.net/.default")
                .setTenantId("organizations"));

        assertThat(scopes).hasSize(2);
    }

    @Test
    void oneScopeAtATime() {
        assertThatThrownBy(() -> credential.getTokenSync(
                        new TokenRequestContext().addScopes("https://vault.azure.net/.default", "openid")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
