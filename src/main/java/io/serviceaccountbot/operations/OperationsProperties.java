package io.serviceaccountbot.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read the admin endpoints in production, and with which tokens.
 *
 * @param metricsRole the app role (in the {@code roles} claim of an Entra access token for the bot's app) that
 *     {@code /actuator/prometheus} requires
 * @param adminTokenJwkSetUri the keys that sign tokens for the admin endpoints; empty for the tenant's Entra ID keys
 *     ({@code https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys})
 * @param adminTokenIssuer the issuer tokens for the admin endpoints must carry; empty for the tenant's Entra ID
 *     ({@code https://login.microsoftonline.com/<tenant>/v2.0})
 */
@ConfigurationProperties("bot.operations")
public record OperationsProperties(
        @DefaultValue("Metrics.Read") String metricsRole, String adminTokenJwkSetUri, String adminTokenIssuer) {

    String jwkSetUriFor(String tenantId) {
        return adminTokenJwkSetUri == null || adminTokenJwkSetUri.isBlank()
                ? "https://login.microsoftonline.com/" + tenantId + "/discovery/v2.0/keys"
                : adminTokenJwkSetUri;
    }

    String issuerFor(String tenantId) {
        return adminTokenIssuer == null || adminTokenIssuer.isBlank()
                ? "https://login.microsoftonline.com/" + tenantId + "/v2.0"
                : adminTokenIssuer;
    }
}
