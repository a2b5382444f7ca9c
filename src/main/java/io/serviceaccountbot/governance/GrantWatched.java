package io.serviceaccountbot.governance;

import java.time.Instant;

/**
 * A grant is watched from now on as approved at {@code approvedAt}: a new grant whose plan has run, or a drift an
 * approver accepted. Its next access review is counted from then.
 */
record GrantWatched(String subject, Instant approvedAt) {}
