package io.serviceaccountbot.approval;

import java.time.Instant;

/** One rule about who may decide a request, and when: it allows, or refuses with a reason a person can read. */
@FunctionalInterface
public interface ApprovalRule {

    RuleResult check(ApprovalRequest request, Person decider, Instant now);

    /** Allowed, or refused with the reason. */
    sealed interface RuleResult {

        RuleResult ALLOWED = new Allowed();

        static RuleResult refused(String reason) {
            return new Refused(reason);
        }

        /** The rule lets the decision through. */
        record Allowed() implements RuleResult {}

        /**
         * The rule refuses the decision.
         *
         * @param reason why, in words for the person who tried
         */
        record Refused(String reason) implements RuleResult {}
    }
}
