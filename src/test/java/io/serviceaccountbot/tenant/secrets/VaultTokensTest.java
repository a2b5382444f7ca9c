package io.serviceaccountbot.tenant.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.IdentityProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which identity reaches the Key Vault: the bot's own, unless a managed identity of the host is configured. */
class VaultTokensTest {

    private final AccessTokens botTokens = scope -> "bot-token";
    private final IdentityProperties identity = new IdentityProperties(
            "tenant", "app", "secret", null, null, false, null, "https://login.microsoftonline.com");

    private static SecretsProperties vault(String managedIdentity) {
        return new SecretsProperties(
                "https://kv-bots.vault.azure.net/",
                Path.of("./data/secrets"),
                24,
                Duration.ofSeconds(30),
                managedIdentity);
    }

    @Test
    void withoutAManagedIdentityTheBotsOwnTokensReachTheVault() {
        assertThat(SecretsConfiguration.vaultTokens(vault(null), identity, botTokens))
                .isSameAs(botTokens);
        assertThat(SecretsConfiguration.vaultTokens(vault("  "), identity, botTokens))
                .isSameAs(botTokens);
    }

    @Test
    void aConfiguredManagedIdentityReachesTheVaultInsteadOfTheBot() {
        AccessTokens tokens =
                SecretsConfiguration.vaultTokens(vault("5c1e0000-0000-4000-8000-0000000000aa"), identity, botTokens);

        assertThat(tokens).isNotSameAs(botTokens);
    }
}
