package io.serviceaccountbot.tenant.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecretsPropertiesTest {

    private static SecretsProperties withVault(String uri) {
        return new SecretsProperties(uri, Path.of("./data/secrets"), 24, Duration.ofSeconds(30), null);
    }

    @Test
    void productionNeedsAKeyVault() {
        assertThat(withVault(null).missingForProduction())
                .singleElement()
                .asString()
                .startsWith("bot.secrets.key-vault-uri (the Azure Key Vault that keeps generated passwords");
        assertThat(withVault("  ").missingForProduction()).hasSize(1);
    }

    @Test
    void theVaultMustBeAnHttpsUri() {
        for (String wrong : new String[] {"kv-bots", "http://kv-bots.vault.azure.net/", "https://", "https://a b/"}) {
            assertThat(withVault(wrong).missingForProduction())
                    .as(wrong)
                    .singleElement()
                    .asString()
                    .startsWith("bot.secrets.key-vault-uri must be the vault's https URI");
        }
    }

    @Test
    void aVaultUriIsEnough() {
        SecretsProperties properties = withVault(" https://kv-bots.vault.azure.net/ ");

        assertThat(properties.missingForProduction()).isEmpty();
        assertThat(properties.vaultUri()).hasHost("kv-bots.vault.azure.net");
    }
}
