package io.serviceaccountbot.governance;

import io.serviceaccountbot.approval.Person;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where access reviews are kept: the application database, shared by every replica. */
interface GrantReviews {

    void add(GrantReview review);

    Optional<GrantReview> find(UUID id);

    /** The review of a grant that still waits for a decision, if any. */
    Optional<GrantReview> undecidedFor(String subject);

    /** Reviews in one of these statuses, oldest first. */
    List<GrantReview> inStatus(Collection<GrantReview.Status> statuses);

    /**
     * Moves a review from one of {@code from} to {@code to}, atomically, so that of two approvers clicking at once one
     * decides; false when it was not in one of them (decided already, or another click won).
     *
     * @param by who decided; null to keep who was recorded
     * @param deadline a new deadline; null to keep it
     */
    boolean move(
            UUID id,
            Collection<GrantReview.Status> from,
            GrantReview.Status to,
            Person by,
            Instant at,
            Instant deadline,
            String outcome);
}
