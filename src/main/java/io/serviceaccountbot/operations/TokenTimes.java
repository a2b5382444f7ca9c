package io.serviceaccountbot.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The times an admin token must carry and how they must relate: Entra ID always puts {@code iat}, {@code nbf} and
 * {@code exp} in its access tokens, so a token missing any of them was not issued by it for this purpose. It must not
 * be issued in the future, not be used before {@code nbf} or after {@code exp} (a minute of clock skew), and live no
 * longer than the 28 hours Entra ID gives its longest-lived tokens (continuous access evaluation).
 */
final class TokenTimes implements OAuth2TokenValidator<Jwt> {

    static final Duration SKEW = Duration.ofMinutes(1);
    static final Duration LONGEST_LIFETIME = Duration.ofHours(28);

    private final Clock clock;

    TokenTimes(Clock clock) {
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant issued = token.getIssuedAt();
        Instant notBefore = token.getNotBefore();
        Instant expires = token.getExpiresAt();
        if (issued == null || notBefore == null || expires == null) {
            return refused("The token must carry iat, nbf and exp");
        }
        Instant now = clock.instant();
        if (issued.isAfter(now.plus(SKEW)) || notBefore.isAfter(now.plus(SKEW))) {
            return refused("The token is not valid yet");
        }
        if (!expires.isAfter(now.minus(SKEW))) {
            return refused("The token has expired");
        }
        if (expires.isBefore(notBefore) || Duration.between(issued, expires).compareTo(LONGEST_LIFETIME) > 0) {
            return refused("The token's lifetime is not one Entra ID issues");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
