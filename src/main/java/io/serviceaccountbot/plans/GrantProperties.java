package io.serviceaccountbot.plans;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long grants of mailbox access may last.
 *
 * @param maxGrant the longest a grant may be asked for ({@code for <n> days|hours}); a longer one is refused before
 *     anyone is asked to approve it
 * @param defaultGrant how long a grant lasts when its command says nothing, so that every grant ends by itself; empty
 *     for until it is revoked
 */
@ConfigurationProperties("bot.governance")
public record GrantProperties(@DefaultValue("90d") Duration maxGrant, Duration defaultGrant) {

    public GrantProperties {
        if (maxGrant == null || maxGrant.isNegative() || maxGrant.isZero()) {
            throw new IllegalArgumentException("bot.governance.max-grant must be positive, e.g. 90d");
        }
        if (defaultGrant != null && (defaultGrant.isNegative() || defaultGrant.isZero())) {
            throw new IllegalArgumentException(
                    "bot.governance.default-grant must be positive, e.g. 30d, or left empty");
        }
        if (defaultGrant != null && defaultGrant.compareTo(maxGrant) > 0) {
            throw new IllegalArgumentException(
                    "bot.governance.default-grant must not be longer than" + " bot.governance.max-grant");
        }
    }
}
