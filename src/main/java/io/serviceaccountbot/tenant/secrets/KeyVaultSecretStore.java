package io.serviceaccountbot.tenant.secrets;

import com.azure.core.exception.ResourceNotFoundException;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretNames;
import io.serviceaccountbot.tenant.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production secret store: Azure Key Vault, through the Azure SDK. A put adds a new version of the secret (Key
 * Vault keeps the earlier ones), marked with content type {@code password} and the tag {@code
 * managed-by=service-account-bot}. Failures are {@link io.serviceaccountbot.tenant.TenantException}s.
 */
final class KeyVaultSecretStore implements SecretStore {

    static final String CONTENT_TYPE = "password";
    static final Map<String, String> TAGS = Map.of("managed-by", "service-account-bot");

    private static final Logger log = LoggerFactory.getLogger(KeyVaultSecretStore.class);

    private final String vault;
    private final Supplier<SecretClient> client;

    /**
     * @param vault the vault's name, for messages
     * @param client the SDK client, built on first use
     */
    KeyVaultSecretStore(String vault, Supplier<SecretClient> client) {
        this.vault = vault;
        this.client = client;
    }

    @Override
    public StoredSecret put(String name, Secret secret) {
        requireValid(name);
        KeyVaultSecret stored;
        try {
            stored = client.get()
                    .setSecret(new KeyVaultSecret(name, secret.reveal())
                            .setProperties(new SecretProperties()
                                    .setContentType(CONTENT_TYPE)
                                    .setTags(TAGS)));
        } catch (RuntimeException e) {
            throw KeyVaultErrors.map("store secret " + name, vault, e);
        }
        log.info(
                "Stored secret {} in Azure Key Vault {}, version {}",
                name,
                vault,
                stored.getProperties().getVersion());
        return new StoredSecret(name, location(name));
    }

    @Override
    public Optional<Secret> get(String name) {
        requireValid(name);
        try {
            return Optional.of(Secret.of(client.get().getSecret(name).getValue()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw KeyVaultErrors.map("read secret " + name, vault, e);
        }
    }

    private String location(String name) {
        return "Azure Key Vault " + vault + ", secret " + name + "; read it with az keyvault secret show --vault-name "
                + vault + " --name " + name + " --query value -o tsv, or in the Azure portal under Key vaults > "
                + vault + " > Secrets";
    }

    private static void requireValid(String name) {
        if (!SecretNames.isValid(name)) {
            throw new IllegalArgumentException("A secret name is 1 to 127 letters, digits and dashes");
        }
    }
}
