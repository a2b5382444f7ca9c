package io.serviceaccountbot.execution;

import io.serviceaccountbot.plans.Runbook;
import io.serviceaccountbot.plans.StepOutcome;
import io.serviceaccountbot.plans.StepRetry;
import io.serviceaccountbot.plans.StepRunner;
import io.serviceaccountbot.tenant.TenantException;

/**
 * A step that ended well in an earlier attempt, met again by a run that resumes (a retry, or a run picked up after a
 * crash). Its restore re-learns, by reading, what the later steps need. When what it made or chose is gone from the
 * tenant now (someone deleted the account, the tenant was reset), that is no dead end: the step runs again against the
 * tenant as it is, and so does every step after it, each doing only what is still missing; the step's outcome says why
 * it ran again.
 */
final class EarlierStep {

    private EarlierStep() {}

    /**
     * How restoring a step went.
     *
     * @param outcome the earlier outcome when kept, the failure when the tenant could not be read; null when gone
     * @param gone what is gone (e.g. "the account … that an earlier attempt created or chose is gone"); else null
     */
    record Restored(StepOutcome outcome, String gone) {}

    /** Restores the step, trying the tenant again as {@code retry} allows; a step whose object is gone is so told. */
    static Restored restore(Runbook.Step step, StepOutcome earlier, StepRetry retry) {
        StepRunner runner = new StepRunner(retry);
        String[] gone = new String[1];
        runner.run(step.words(), () -> {
            try {
                step.restore().run();
            } catch (TenantException e) {
                if (e.kind() != TenantException.Kind.NOT_FOUND) {
                    throw e;
                }
                gone[0] = e.getMessage();
            }
            return null;
        });
        if (runner.stopped()) {
            return new Restored(runner.outcomes().get(0), null);
        }
        return gone[0] != null ? new Restored(null, gone[0]) : new Restored(earlier, null);
    }

    /** The step to run again because what it made is gone: its outcome starts by saying so. */
    static Runbook.Step again(Runbook.Step step, String gone) {
        return step.withAction(() -> {
            StepOutcome outcome = step.action().get();
            return outcome == null ? null : again(outcome, gone);
        });
    }

    /** E.g. "The account … is gone, so this step ran again: Created …". */
    static StepOutcome again(StepOutcome outcome, String gone) {
        String why = Character.toUpperCase(gone.charAt(0)) + gone.substring(1) + ", so this step ran again: ";
        return new StepOutcome(outcome.status(), why + outcome.text(), outcome.fix());
    }
}
