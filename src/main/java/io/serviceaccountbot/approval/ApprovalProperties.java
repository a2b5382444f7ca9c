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
 * @param maxGroupMembers how many members a group that already exists may have for access to be granted through it;
 *     each of them gains the access, so approvers read them all on the card
 */
@ConfigurationProperties("bot.approval")
public record ApprovalProperties(
        @DefaultValue("1") int quorum,
        @DefaultValue("24h") Duration expiry,
        @DefaultValue("1m") Duration expiryCheck,
        @DefaultValue("10") int maxGroupMembers) {

    public ApprovalProperties {
        if (quorum < 1) {
            throw new IllegalArgumentException("bot.approval.quorum must be at least 1");
        }
        if (expiry == null || expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("bot.approval.expiry must be positive, e.g. 24h");
        }
        if (maxGroupMembers < 0) {
            throw new IllegalArgumentException("bot.approval.max-group-members must be 0 or more");
        }
    }
}
