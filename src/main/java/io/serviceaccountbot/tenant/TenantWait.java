package io.serviceaccountbot.tenant;

import io.serviceaccountbot.retry.Backoff;
import java.time.Clock;
import java.time.Duration;

/**
 * The schedule on which whatever waits for the tenant is checked again: a plan's step put back while its runner job
 * goes on ({@link TenantWorkPending}), a verification that waits for a new account's mailbox. Nothing that waits holds
 * a thread: it is put back in the database until the next check, and resumes there on any replica.
 */
public final class TenantWait {

    /** About a second, doubling, at most a minute, with jitter: quick for a tenant that is nearly there, kind to a slow one. */
    static final Backoff SCHEDULE = new Backoff(
            Duration.ofSeconds(1),
            Duration.ofMinutes(1),
            Backoff.Jitter.EQUAL,
            Backoff.ServerAsk.AT_LEAST,
            Clock.systemUTC());

    private TenantWait() {}

    /** The pause before the next check, after {@code checks} checks found the tenant not ready. */
    public static Duration pauseAfter(int checks) {
        return SCHEDULE.pauseBefore(checks, null).orWaitTheCap();
    }
}
