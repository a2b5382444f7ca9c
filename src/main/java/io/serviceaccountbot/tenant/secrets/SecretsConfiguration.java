package io.serviceaccountbot.tenant.secrets;

import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.BotIdentity;
import io.serviceaccountbot.identity.HostManagedIdentity;
import io.serviceaccountbot.identity.IdentityProperties;
import io.serviceaccountbot.storage.StorageProperties;
import io.serviceaccountbot.tenant.PasswordGenerator;
import io.serviceaccountbot.tenant.SecretStore;
import java.net.URI;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * The secret store for the runtime mode, and the password generator. In production the Key Vault client is built on
 * first use, so a start-up loads none of the Azure SDK; in sandbox mode it is never loaded.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    /** Where the sandbox serves secrets to a local user; the sandbox module maps this path. */
    static final String SANDBOX_READ_PATH = "/sandbox/secrets/";

    @Bean
    PasswordGenerator passwordGenerator(SecretsProperties properties) {
        return new PasswordGenerator(properties.passwordLength());
    }

    @Bean
    SecretStore secretStore(
            BotIdentity identity,
            SecretsProperties properties,
            IdentityProperties identityProperties,
            AccessTokens tokens,
            StorageProperties storage,
            Environment environment) {
        if (identity.mode().isSandbox()) {
            return new EncryptedFileSecretStore(
                    properties.directoryIn(storage.directory()), Clock.systemUTC(), () -> sandboxReadUrl(environment));
        }
        URI vault = properties.vaultUri();
        AccessTokensCredential credential = new AccessTokensCredential(
                vaultTokens(properties, identityProperties, tokens), identity.tenantId(), Clock.systemUTC());
        return new KeyVaultSecretStore(
                KeyVaultClients.vaultName(vault),
                SingletonSupplier.of(
                        () -> KeyVaultClients.create(vault, credential, properties.timeout(), null, null)));
    }

    /** The tokens that reach the vault: a managed identity's when one is configured, else the bot's own. */
    static AccessTokens vaultTokens(
            SecretsProperties properties, IdentityProperties identityProperties, AccessTokens botTokens) {
        String managedIdentity = properties.managedIdentityClientId();
        if (managedIdentity == null || managedIdentity.isBlank()) {
            return botTokens;
        }
        return HostManagedIdentity.tokens(
                managedIdentity.strip(), identityProperties.authorityHost(), Clock.systemUTC());
    }

    /** The bot's own address as a local user reaches it: the loopback address unless the server is bound elsewhere. */
    static String sandboxReadUrl(Environment environment) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "3978"));
        String address = environment.getProperty("server.address", "");
        if (address.isBlank() || address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]")) {
            address = "127.0.0.1";
        } else if (address.contains(":") && !address.startsWith("[")) {
            address = "[" + address + "]";
        }
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        if (contextPath.endsWith("/")) {
            contextPath = contextPath.substring(0, contextPath.length() - 1);
        }
        return "http://" + address + ":" + port + contextPath + SANDBOX_READ_PATH;
    }
}
