package io.serviceaccountbot.approval;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How requests are approved.
 *
 * @param quorum how many distinct approvers must approve a request (one rejection rejects it)
 * @param expiry how long a request waits for its approvers before it expires
 * @param expiryCheck how often pending requests are checked for expiry
 */
@ConfigurationProperties("bot.approval")
public record ApprovalProperties(
        @DefaultValue("1") int quorum,
        @DefaultValue("24h") Duration expiry,
        @DefaultValue("1m") Duration expiryCheck) {

    public ApprovalProperties {
        if (quorum < 1) {
            throw new IllegalArgumentException("bot.approval.quorum must be at least 1");
        }
        if (expiry == null || expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("bot.approval.expiry must be positive, e.g. 24h");
        }
    }
}
