package io.serviceaccountbot.governance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the grants under watch are compared with the tenant.
 *
 * @param driftCheckInterval the time between two checks of one grant; at least a minute, except in the sandbox, where a
 *     few seconds let you watch a drift being found
 */
@ConfigurationProperties("bot.governance")
public record DriftProperties(@DefaultValue("24h") Duration driftCheckInterval) {

    /** The shortest interval outside the sandbox: every check reads the tenant. */
    static final Duration SHORTEST = Duration.ofMinutes(1);

    public DriftProperties {
        if (driftCheckInterval == null || driftCheckInterval.isNegative() || driftCheckInterval.isZero()) {
            throw new IllegalArgumentException("bot.governance.drift-check-interval must be positive, e.g. 24h");
        }
    }

    /** The interval as configured, or why it may not be used here. */
    Duration interval(boolean sandbox) {
        if (!sandbox && driftCheckInterval.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("bot.governance.drift-check-interval must be at least 1m outside the"
                    + " sandbox (it is " + driftCheckInterval + "): every check reads the tenant");
        }
        return driftCheckInterval;
    }
}
