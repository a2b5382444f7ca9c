package io.serviceaccountbot.provisioning;

import io.serviceaccountbot.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A step that waits for the tenant to finish something on its own: Exchange creating a mailbox (and, later, RBAC
 * changes applying or a runner's job ending). An approved plan holds no thread while it waits: it checks once, and when
 * the tenant is not ready yet, its run is put back in the database until the next check, on the schedule {@link
 * #pauseAfter} gives, and resumes there on any replica.
 */
public interface TenantWait {

    /** About a second, doubling, at most a minute, with jitter: quick for a tenant that is nearly there, kind to a slow one. */
    Backoff SCHEDULE = new Backoff(
            Duration.ofSeconds(1),
            Duration.ofMinutes(1),
            Backoff.Jitter.EQUAL,
            Backoff.ServerAsk.AT_LEAST,
            Clock.systemUTC());

    /**
     * Asks the tenant once.
     *
     * @param waited how long the step has waited so far
     * @return the step's outcome once the wait is over (done, or failed for a reason waiting cannot cure); empty while
     *     the tenant is not ready yet
     */
    Optional<StepOutcome> check(Duration waited);

    /** How long the step waits at most. */
    Duration limit();

    /** The outcome when the tenant was not ready within the limit. */
    StepOutcome gaveUp();

    /** The pause before the next check, after {@code checks} checks found the tenant not ready. */
    static Duration pauseAfter(int checks) {
        return SCHEDULE.pauseBefore(checks, null).orWaitTheCap();
    }
}
