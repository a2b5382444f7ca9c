package io.serviceaccountbot.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.plans.StepOutcome;
import io.serviceaccountbot.tenant.StepCallKeys;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The names of a step's tenant calls: the same for the same attempt, new for a try again or a new attempt, none
 * outside a step; the attempt a step resumes under after a run stopped during it, and whether it is resuming one.
 */
class StepCallKeysTest {

    @Test
    void theSameAttemptNamesItsCallsAlikeAndATryAgainNamesThemAfresh() {
        String first;
        String second;
        String afterTryingAgain;
        try (StepCallKeys.Scope names = StepCallKeys.open("request r/step 3/attempt 1")) {
            first = StepCallKeys.next().orElseThrow();
            second = StepCallKeys.next().orElseThrow();
            StepCallKeys.tryingAgain();
            afterTryingAgain = StepCallKeys.next().orElseThrow();
        }
        String resumed;
        try (StepCallKeys.Scope names = StepCallKeys.open("request r/step 3/attempt 1")) {
            resumed = StepCallKeys.next().orElseThrow();
        }

        assertThat(first).isNotEqualTo(second);
        assertThat(resumed).isEqualTo(first);
        assertThat(afterTryingAgain).isNotIn(first, second);
        assertThat(StepCallKeys.next()).as("outside a step").isEmpty();
    }

    @Test
    void onlyTheFirstTryOfAResumedAttemptIsResuming() {
        boolean fresh;
        try (StepCallKeys.Scope names = StepCallKeys.open("request r/step 1/attempt 1")) {
            fresh = StepCallKeys.resuming();
        }
        boolean resumed;
        boolean afterTryingAgain;
        try (StepCallKeys.Scope names = StepCallKeys.open("request r/step 1/attempt 1", true)) {
            resumed = StepCallKeys.resuming();
            StepCallKeys.tryingAgain();
            afterTryingAgain = StepCallKeys.resuming();
        }

        assertThat(fresh).isFalse();
        assertThat(resumed).isTrue();
        assertThat(afterTryingAgain)
                .as("a try again in this process starts its calls afresh")
                .isFalse();
        assertThat(StepCallKeys.resuming()).as("outside a step").isFalse();
    }

    @Test
    void aStepARunStoppedDuringOrPutBackCarriesOnUnderItsAttemptAndAnEndedOneStartsANewOne() {
        Instant at = Instant.parse("2026-12-05T12:00:00Z");
        PlanSteps.StoredStep interrupted = new PlanSteps.StoredStep(2, "Create the group", null, 1, at, 0, null);
        PlanSteps.StoredStep failed = new PlanSteps.StoredStep(
                2, "Create the group", StepOutcome.failed("Create the group: refused", "fix"), 1, at, 0, null);
        PlanSteps.StoredStep waiting = new PlanSteps.StoredStep(2, "Create the group", null, 2, at, 3, at);

        assertThat(PlanRun.attemptOf(null)).isEqualTo(1);
        assertThat(PlanRun.attemptOf(interrupted)).isEqualTo(1);
        assertThat(PlanRun.attemptOf(failed)).isEqualTo(2);
        assertThat(PlanRun.attemptOf(waiting))
                .as("a step put back while its runner job goes on follows that job again")
                .isEqualTo(2);
    }
}
