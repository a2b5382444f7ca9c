package io.serviceaccountbot.teams;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.client.RestOperations;

/**
 * Validates the JWT that the Bot Framework puts on every activity it delivers: RS256 signature by a key from the
 * {@code jwks_uri} of the OpenID metadata, issuer {@code https://api.botframework.com}, audience equal to the bot's
 * app id, a signing key endorsed for the {@code msteams} channel ({@link EndorsedSigningKeys}), and valid times
 * (expiry required) with five minutes of clock skew. The metadata is fetched on the first request, not at
 * start-up, and the key set is refreshed by Spring Security when an unknown key id appears.
 */
final class BotFrameworkTokenDecoder {

    private BotFrameworkTokenDecoder() {}

    static JwtDecoder create(TeamsProperties properties, String appId, RestOperations http) {
        return new SupplierJwtDecoder(() -> {
            String jwksUri = jwksUri(properties.openidMetadataUrl(), http);
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                    JWSAlgorithm.RS256, new EndorsedSigningKeys(() -> jwksUri, http, Clock.systemUTC())));
            processor.setJWTClaimsSetVerifier((claims, context) -> {});
            NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
            decoder.setJwtValidator(validator(properties.tokenIssuer(), appId, properties.clockSkew()));
            return decoder;
        });
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String appId, Duration clockSkew) {
        JwtTimestampValidator times = new JwtTimestampValidator(clockSkew);
        times.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                times,
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(appId))));
    }

    private static String jwksUri(String metadataUrl, RestOperations http) {
        Map<String, Object> metadata = http.exchange(
                        metadataUrl,
                        org.springframework.http.HttpMethod.GET,
                        null,
                        new ParameterizedTypeReference<Map<String, Object>>() {})
                .getBody();
        Object jwksUri = metadata == null ? null : metadata.get("jwks_uri");
        if (!(jwksUri instanceof String uri) || uri.isBlank()) {
            throw new IllegalStateException("The OpenID metadata at " + metadataUrl + " has no jwks_uri");
        }
        return uri;
    }
}
