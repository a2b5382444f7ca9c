package io.serviceaccountbot.identity;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;

/**
 * Client-credentials tokens from MSAL4J, from the tenant authority (the bot is single-tenant): with a client secret,
 * a certificate, or the host's managed identity.
 */
final class MsalTokenSource {

    private MsalTokenSource() {}

    static TokenSource from(IdentityProperties properties, IHttpClient httpClient) throws Exception {
        if (properties.credentialKind() == IdentityProperties.CredentialKind.MANAGED_IDENTITY) {
            return managedIdentity(properties, httpClient);
        }
        ConfidentialClientApplication.Builder builder = ConfidentialClientApplication.builder(
                        properties.appId(), credential(properties))
                .authority(stripTrailingSlash(properties.authorityHost()) + "/" + properties.tenantId() + "/");
        if (httpClient != null) {
            builder.httpClient(httpClient);
        }
        ConfidentialClientApplication app = builder.build();
        return scope -> issued(app.acquireToken(
                        ClientCredentialParameters.builder(Set.of(scope)).build())
                .get());
    }

    private static TokenSource managedIdentity(IdentityProperties properties, IHttpClient httpClient) {
        ManagedIdentityId id = IdentityProperties.isBlank(properties.managedIdentityClientId())
                ? ManagedIdentityId.systemAssigned()
                : ManagedIdentityId.userAssignedClientId(properties.managedIdentityClientId());
        ManagedIdentityApplication.Builder builder = ManagedIdentityApplication.builder(id);
        if (httpClient != null) {
            builder.httpClient(httpClient);
        }
        ManagedIdentityApplication app = builder.build();
        return scope -> issued(app.acquireTokenForManagedIdentity(
                        ManagedIdentityParameters.builder(resourceOf(scope)).build())
                .get());
    }

    private static IClientCredential credential(IdentityProperties properties) throws Exception {
        if (properties.credentialKind() == IdentityProperties.CredentialKind.CERTIFICATE) {
            try (InputStream pkcs12 = Files.newInputStream(properties.certificatePath())) {
                String password = properties.certificatePassword() == null ? "" : properties.certificatePassword();
                return ClientCredentialFactory.createFromCertificate(pkcs12, password);
            }
        }
        return ClientCredentialFactory.createFromSecret(properties.clientSecret());
    }

    /** Managed identity asks for a resource, not a scope: {@code https://graph.microsoft.com/.default} → resource. */
    static String resourceOf(String scope) {
        return scope.endsWith("/.default") ? scope.substring(0, scope.length() - "/.default".length()) : scope;
    }

    private static IssuedToken issued(IAuthenticationResult result) {
        return new IssuedToken(result.accessToken(), result.expiresOnDate().toInstant());
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
