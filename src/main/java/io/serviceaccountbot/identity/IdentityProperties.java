package io.serviceaccountbot.identity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bot's Entra app registration and credential.
 *
 * @param tenantId the Entra tenant (directory) id the bot serves; leave empty to run in sandbox mode
 * @param appId the bot's Entra application (client) id, which is also its Microsoft App ID in Azure Bot
 * @param clientSecret a client secret of the app registration; one of client secret, certificate or managed identity
 *     is required in production
 * @param certificatePath a PKCS#12 file holding the app's certificate and private key, used instead of a client secret
 * @param certificatePassword the password of the PKCS#12 file, if it has one
 * @param managedIdentity whether to get tokens with the Azure managed identity of the host instead of a secret
 * @param managedIdentityClientId the client id of a user-assigned managed identity; empty for the system-assigned one
 * @param authorityHost the Microsoft Entra authority host tokens are requested from
 */
@ConfigurationProperties("bot.identity")
public record IdentityProperties(
        String tenantId,
        String appId,
        String clientSecret,
        Path certificatePath,
        String certificatePassword,
        boolean managedIdentity,
        String managedIdentityClientId,
        @DefaultValue("https://login.microsoftonline.com") String authorityHost)
        implements RequiredSettings {

    /** The tenant of the Microsoft 365 Agents Playground, which the simulated tenant impersonates. */
    public static final String SANDBOX_TENANT_ID = "00000000-0000-0000-0000-0000000000001";

    /** The bot id the Microsoft 365 Agents Playground uses. */
    public static final String SANDBOX_APP_ID = "00000000-0000-0000-0000-00000000000011";

    /** The runtime mode these settings select. */
    public RuntimeMode mode() {
        return isBlank(tenantId) ? RuntimeMode.SANDBOX : RuntimeMode.PRODUCTION;
    }

    /** Which kind of credential is configured, if any. */
    public CredentialKind credentialKind() {
        if (managedIdentity) {
            return CredentialKind.MANAGED_IDENTITY;
        }
        if (certificatePath != null) {
            return CredentialKind.CERTIFICATE;
        }
        return isBlank(clientSecret) ? CredentialKind.NONE : CredentialKind.CLIENT_SECRET;
    }

    @Override
    public List<String> missingForProduction() {
        List<String> missing = new ArrayList<>();
        if (isBlank(appId)) {
            missing.add("bot.identity.app-id (the bot's Entra application id)");
        }
        if (credentialKind() == CredentialKind.NONE) {
            missing.add("a credential: bot.identity.client-secret, bot.identity.certificate-path"
                    + " or bot.identity.managed-identity=true");
        }
        return missing;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The kinds of credential the bot can authenticate with. */
    public enum CredentialKind {
        NONE,
        CLIENT_SECRET,
        CERTIFICATE,
        MANAGED_IDENTITY
    }

    @Override
    public String toString() {
        return "IdentityProperties[tenantId=%s, appId=%s, credential=%s]".formatted(tenantId, appId, credentialKind());
    }
}
