/**
 * The {@link io.serviceaccountbot.tenant.SecretStore} port's adapters, chosen by runtime mode.
 *
 * <p>Production: Azure Key Vault through the Azure SDK ({@code azure-security-keyvault-secrets} over OkHttp). Tokens
 * come from the bot's one token service ({@link io.serviceaccountbot.identity.AccessTokens}, MSAL4J) through a {@code
 * TokenCredential}, with the scope Key Vault's bearer challenge names. The vault is {@code bot.secrets.key-vault-uri},
 * which a production start requires. Failures become {@link io.serviceaccountbot.tenant.TenantException}s of
 * service "Azure Key Vault".
 *
 * <p>Sandbox: one AES-256-GCM encrypted file per secret under {@code bot.secrets.directory}, the random key in {@code
 * secrets.key} beside them, owner-only where the file system has POSIX permissions, written atomically, kept across
 * restarts. The stored location tells a sandbox user to read the value from {@code GET /sandbox/secrets/{name}}, which
 * the {@code sandbox} module serves on loopback.
 *
 * <p>Neither adapter logs a secret's value; Azure SDK HTTP logging is switched off because request bodies hold it.
 * Azure SDK types stay in this package.
 */
package io.serviceaccountbot.tenant.secrets;
