package io.serviceaccountbot.governance;

import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.command.RequestId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One review of a grant under watch: the approvers keep it or revoke it by its deadline.
 *
 * @param id the review's id, the only thing its cards carry
 * @param subject the grant's subject ({@code account:<upn>} or {@code app:<app id>})
 * @param title what the grant gives
 * @param number the request whose approval the grant stands on
 * @param openedAt when it was opened
 * @param deadline when it is escalated, or, once escalated, reported as unanswered
 * @param status where it stands
 * @param decidedBy who kept or revoked it; null until then
 * @param decidedAt when; null until then
 * @param outcome how a revoke went, in a line; null otherwise
 */
public record GrantReview(
        UUID id,
        String subject,
        String title,
        RequestId number,
        Instant openedAt,
        Instant deadline,
        Status status,
        Person decidedBy,
        Instant decidedAt,
        String outcome) {

    public GrantReview {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    /** Where a review stands. */
    public enum Status {
        /** Sent to the approvers, waiting for an answer. */
        OPEN,
        /** No one answered by the first deadline: sent again, once, with a second deadline. */
        ESCALATED,
        /** No one answered by the second deadline either: listed by {@code drift} until someone decides. */
        UNANSWERED,
        /** An approver kept the grant. */
        KEPT,
        /** An approver revoked it; the revoke is running. */
        REVOKING,
        /** Revoked. */
        REVOKED,
        /** The revoke failed; the grant may still hold access. */
        REVOKE_FAILED,
        /** The grant ended otherwise (revoked by command, or its time ran out) before anyone answered. */
        CLOSED;

        /** The statuses in which the review still waits for a decision. */
        public static final Set<Status> UNDECIDED = Set.of(OPEN, ESCALATED, UNANSWERED);

        public boolean undecided() {
            return UNDECIDED.contains(this);
        }
    }

    /** The grant's account sign-in name or app id. */
    public String name() {
        return subject.substring(subject.indexOf(':') + 1);
    }
}
