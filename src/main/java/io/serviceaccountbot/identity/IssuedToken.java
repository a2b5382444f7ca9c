package io.serviceaccountbot.identity;

import java.time.Instant;

/**
 * An access token and when it expires. {@link #toString()} never shows the token.
 *
 * @param value the bearer token itself
 * @param expiresAt when the identity platform says it stops being valid
 */
record IssuedToken(String value, Instant expiresAt) {

    boolean validFor(java.time.Duration margin, Instant now) {
        return now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
