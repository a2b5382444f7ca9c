package io.serviceaccountbot.execution;

/**
 * A run's claim on its request's execution: the execution's version when this replica picked it. db-scheduler moves
 * the version on every pick and every revival, never on a heartbeat, so the claim holds exactly as long as no other
 * replica has taken the run over. A replica that was frozen (a long garbage-collection pause, a stalled machine) and
 * woke up after another took its run over still holds the old version, and {@link LeasedWrites} refuses it.
 *
 * @param request the request's id, which names its execution ({@code task_instance})
 * @param version the execution's version as picked
 */
record RunLease(String request, long version) {

    /** The run lost its execution to another replica: it stops where it is and changes nothing more. */
    static final class Lost extends RuntimeException {

        Lost(RunLease lease, Long now) {
            super(
                    "the run of request " + lease.request() + " (version " + lease.version() + ") is no longer this"
                            + " replica's: "
                            + (now == null ? "its execution is gone" : "its execution is at version " + now),
                    null,
                    false,
                    false);
        }
    }
}
