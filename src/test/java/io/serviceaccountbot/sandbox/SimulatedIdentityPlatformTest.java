package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.TokenUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In sandbox mode every scope the bot asks for, Azure Resource Manager included, gets the simulated tenant's token. */
class SimulatedIdentityPlatformTest {

    private final SimulatedIdentityPlatform platform = new SimulatedIdentityPlatform();
    private final AccessTokens tokens = platform;

    @Test
    void everyScopeOfTheBotGetsTheSandboxToken() {
        for (String scope : List.of(
                AccessTokens.BOT_CONNECTOR, AccessTokens.GRAPH, AccessTokens.EXCHANGE, AccessTokens.AZURE_MANAGEMENT)) {
            assertThat(tokens.forScope(scope)).as(scope).isEqualTo(SimulatedIdentityPlatform.SANDBOX_TOKEN);
        }
    }

    @Test
    void azureResourceManagerCanBeRefusedLikeAnyOtherScope() {
        platform.refuse(List.of(AccessTokens.AZURE_MANAGEMENT));

        assertThatThrownBy(() -> tokens.forScope(AccessTokens.AZURE_MANAGEMENT))
                .isInstanceOf(TokenUnavailableException.class)
                .hasMessageContaining("https://management.azure.com/.default");
        assertThat(tokens.forScope(AccessTokens.EXCHANGE)).isEqualTo(SimulatedIdentityPlatform.SANDBOX_TOKEN);
    }
}
