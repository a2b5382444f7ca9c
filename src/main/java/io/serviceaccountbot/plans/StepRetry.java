package io.serviceaccountbot.plans;

import io.serviceaccountbot.retry.Backoff;
import io.serviceaccountbot.tenant.ProvisioningProperties;
import io.serviceaccountbot.tenant.TenantException;
import java.time.Clock;
import java.time.Duration;

/**
 * How an approved plan tries a step again when the tenant is busy or unavailable ({@link
 * TenantException#isTransient()}): at most {@code attempts} tries, waiting as the backoff says in between. Every step
 * is idempotent, so trying again never does a thing twice.
 *
 * @param attempts how many tries in all, at least 1
 * @param backoff the wait before each retry
 * @param sleeper how the wait happens (tests pass one that does not sleep)
 */
public record StepRetry(int attempts, Backoff backoff, Sleeper sleeper) {

    /** One try, no retry: for commands answered in chat, which the admin can simply repeat. */
    public static final StepRetry NONE = new StepRetry(
            1,
            new Backoff(
                    Duration.ZERO, Duration.ZERO, Backoff.Jitter.EQUAL, Backoff.ServerAsk.AT_LEAST, Clock.systemUTC()),
            Sleeper.REAL);

    public StepRetry {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** From the configuration: {@code step-attempts} tries, the first wait {@code step-backoff}, doubling, up to 2 min. */
    public static StepRetry of(ProvisioningProperties properties, Sleeper sleeper) {
        Duration first = properties.stepBackoff();
        Duration cap = first.compareTo(Duration.ofMinutes(2)) > 0 ? first : Duration.ofMinutes(2);
        return new StepRetry(
                properties.stepAttempts(),
                new Backoff(first, cap, Backoff.Jitter.EQUAL, Backoff.ServerAsk.AT_LEAST, Clock.systemUTC()),
                sleeper);
    }

    /** Waits for a while; interrupting the thread ends the wait early. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }
}
