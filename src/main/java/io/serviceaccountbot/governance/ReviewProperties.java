package io.serviceaccountbot.governance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often standing grants are reviewed, and how long approvers have to answer.
 *
 * @param reviewInterval the time from a grant's approval (or its last review) to its next review
 * @param reviewDeadline how long a review waits for an answer before it is escalated, and again before it is reported
 *     as unanswered
 */
@ConfigurationProperties("bot.governance")
public record ReviewProperties(
        @DefaultValue("90d") Duration reviewInterval,
        @DefaultValue("14d") Duration reviewDeadline) {

    /** The shortest interval and deadline outside the sandbox. */
    static final Duration SHORTEST = Duration.ofHours(1);

    public ReviewProperties {
        if (reviewInterval == null || reviewInterval.isNegative() || reviewInterval.isZero()) {
            throw new IllegalArgumentException("bot.governance.review-interval must be positive, e.g. 90d");
        }
        if (reviewDeadline == null || reviewDeadline.isNegative() || reviewDeadline.isZero()) {
            throw new IllegalArgumentException("bot.governance.review-deadline must be positive, e.g. 14d");
        }
    }

    /** Refuses values too short to be meant outside the sandbox, where seconds let you watch a review go by. */
    ReviewProperties checked(boolean sandbox) {
        if (!sandbox && (reviewInterval.compareTo(SHORTEST) < 0 || reviewDeadline.compareTo(SHORTEST) < 0)) {
            throw new IllegalArgumentException("bot.governance.review-interval and bot.governance.review-deadline must"
                    + " be at least 1h outside the sandbox (they are " + reviewInterval + " and " + reviewDeadline
                    + ")");
        }
        return this;
    }
}
