package io.serviceaccountbot.tenant.secrets;

import io.serviceaccountbot.identity.RequiredSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where generated passwords are kept, and how they are made.
 *
 * @param keyVaultUri the Azure Key Vault that keeps generated passwords in production, e.g. {@code
 *     https://kv-bots.vault.azure.net/}; the bot's identity needs the Key Vault Secrets Officer role on it (or an
 *     access policy allowing secret get and set)
 * @param directory where the sandbox keeps generated passwords, encrypted, with the key file {@code secrets.key} beside
 *     them; empty means {@code secrets} under {@code bot.storage.directory}
 * @param passwordLength how many characters a generated password has, 24 to 256
 * @param timeout how long to wait for Key Vault to answer one request before trying again or giving up
 * @param managedIdentityClientId the client id of a user-assigned managed identity of the host that reaches the Key
 *     Vault; empty to reach it with the bot's own identity
 */
@ConfigurationProperties("bot.secrets")
public record SecretsProperties(
        String keyVaultUri,
        Path directory,
        @DefaultValue("24") int passwordLength,
        @DefaultValue("30s") Duration timeout,
        String managedIdentityClientId)
        implements RequiredSettings {

    /** The sandbox's secrets directory: the one configured, else {@code secrets} in the storage directory. */
    Path directoryIn(Path storageDirectory) {
        return directory != null ? directory : storageDirectory.resolve("secrets");
    }

    @Override
    public List<String> missingForProduction() {
        if (keyVaultUri == null || keyVaultUri.isBlank()) {
            return List.of("bot.secrets.key-vault-uri (the Azure Key Vault that keeps generated passwords,"
                    + " e.g. https://kv-bots.vault.azure.net/)");
        }
        if (vaultUri() == null) {
            return List.of("bot.secrets.key-vault-uri must be the vault's https URI, e.g."
                    + " https://kv-bots.vault.azure.net/, not " + keyVaultUri.strip());
        }
        return List.of();
    }

    /** The vault's URI, or null when the setting is not an absolute https URI with a host. */
    URI vaultUri() {
        try {
            URI uri = new URI(keyVaultUri.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException | NullPointerException e) {
            return null;
        }
    }
}
