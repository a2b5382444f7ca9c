package io.serviceaccountbot.tenant;

import java.time.Duration;

/**
 * Work the tenant accepted has not ended yet: Exchange Server's runner job still waits for its worker, or still runs.
 * A plan's step that meets it is not failed: it is checked again later, holding no thread in between, and then follows
 * the same work by the same names ({@link StepCallKeys}), so nothing is started twice.
 */
public final class TenantWorkPending extends RuntimeException {

    private final Duration checkAgainWithin;

    /**
     * @param message what is pending, in words, e.g. "Exchange Server's runner job … is Queued"
     * @param checkAgainWithin how soon a look again is worth it at most, e.g. the runner's poll interval
     */
    public TenantWorkPending(String message, Duration checkAgainWithin) {
        super(message, null, false, false);
        this.checkAgainWithin = checkAgainWithin;
    }

    public Duration checkAgainWithin() {
        return checkAgainWithin;
    }
}
