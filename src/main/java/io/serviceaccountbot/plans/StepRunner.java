package io.serviceaccountbot.plans;

import io.micrometer.core.instrument.Metrics;
import io.serviceaccountbot.tenant.StepCallKeys;
import io.serviceaccountbot.tenant.TenantCallGuard;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantFixes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs the steps of an operation in order and records what each did. The first failure stops the operation: later
 * steps are reported as skipped, so the admin sees exactly what happened and what did not, and running the same
 * command again continues where it stopped, because every step only does what is still missing. A step the tenant
 * could not serve for the moment (throttled, unavailable) is tried again as the {@link StepRetry} allows.
 */
public final class StepRunner {

    private final List<StepOutcome> outcomes = new ArrayList<>();
    private final StepRetry retry;
    private boolean stopped;

    public StepRunner() {
        this(StepRetry.NONE);
    }

    public StepRunner(StepRetry retry) {
        this.retry = retry;
    }

    /**
     * Runs a step unless an earlier one failed; a tenant failure becomes a failed step with its fix. A step that
     * returns null only prepared something and is not reported.
     */
    public void run(String whatItDoes, Supplier<StepOutcome> step) {
        if (stopped) {
            outcomes.add(StepOutcome.skipped(whatItDoes));
            return;
        }
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                StepCallKeys.tryingAgain();
            }
            TenantCallGuard.beforeCall();
            try {
                StepOutcome outcome = step.get();
                if (outcome != null) {
                    record(outcome);
                }
                return;
            } catch (TenantException e) {
                if (!e.isTransient() || attempt >= retry.attempts()) {
                    String tries = attempt > 1 ? " (tried " + attempt + " times)" : "";
                    record(StepOutcome.failed(whatItDoes + ": " + e.getMessage() + tries, TenantFixes.of(e)));
                    return;
                }
                Metrics.counter(
                                "bot.plan.step.retries",
                                "reason",
                                e.kind().name().toLowerCase(Locale.ROOT))
                        .increment();
            }
            try {
                retry.sleeper().sleep(retry.backoff().pauseBefore(attempt, null).orWaitTheCap());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                record(StepOutcome.failed(
                        whatItDoes + ": the bot was stopped while waiting to try again",
                        "Ask again once the bot is running; every step only does what is still missing."));
                return;
            }
        }
    }

    /** Records an outcome decided without calling the tenant; a failure stops the operation. */
    public void record(StepOutcome outcome) {
        outcomes.add(outcome);
        if (outcome.status() == StepOutcome.Status.FAILED) {
            stopped = true;
        }
    }

    public boolean stopped() {
        return stopped;
    }

    public List<StepOutcome> outcomes() {
        return outcomes;
    }
}
