package io.serviceaccountbot.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may export the audit log in production.
 *
 * @param exportRole the app role (in the {@code roles} claim of an Entra access token for the bot's app) that
 *     {@code /admin/audit} requires
 * @param jwkSetUri the keys that sign those tokens; empty for the tenant's Entra ID keys
 *     ({@code https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys})
 * @param issuer the issuer those tokens must carry; empty for the tenant's Entra ID
 *     ({@code https://login.microsoftonline.com/<tenant>/v2.0})
 */
@ConfigurationProperties("bot.audit")
public record AuditProperties(@DefaultValue("Audit.Export") String exportRole, String jwkSetUri, String issuer) {

    String jwkSetUriFor(String tenantId) {
        return jwkSetUri == null || jwkSetUri.isBlank()
                ? "https://login.microsoftonline.com/" + tenantId + "/discovery/v2.0/keys"
                : jwkSetUri;
    }

    String issuerFor(String tenantId) {
        return issuer == null || issuer.isBlank() ? "https://login.microsoftonline.com/" + tenantId + "/v2.0" : issuer;
    }
}
