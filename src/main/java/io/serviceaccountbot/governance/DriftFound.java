package io.serviceaccountbot.governance;

import java.util.List;

/**
 * A check found the tenant different from what was approved for a grant, and this difference has not been posted
 * before: the requester and the approvals channel are told once, with "Restore as approved" and "Accept".
 *
 * @param grant the grant as the check left it, its approval and its drift
 * @param drift what differs
 */
public record DriftFound(WatchedGrant grant, List<Difference> drift) {

    public DriftFound {
        drift = List.copyOf(drift);
    }

    /** Whether access grew outside the bot, rather than only broke. */
    public boolean widened() {
        return drift.stream().anyMatch(Difference::widened);
    }
}
