package io.serviceaccountbot.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.plans.StepOutcome.Status;
import io.serviceaccountbot.retry.Backoff;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StepRunnerTest {

    private final List<Duration> waits = new ArrayList<>();
    private final StepRetry threeTries = new StepRetry(
            3,
            new Backoff(
                    Duration.ofSeconds(10),
                    Duration.ofMinutes(2),
                    Backoff.Jitter.EQUAL,
                    Backoff.ServerAsk.AT_LEAST,
                    Clock.systemUTC()),
            waits::add);

    private static TenantException failure(Kind kind) {
        return new TenantException(kind, "Exchange Online", "Code", "request-1", "Exchange said no", null);
    }

    @Test
    void aThrottledStepIsTriedAgainAfterAGrowingWaitAndThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        StepRunner runner = new StepRunner(threeTries);

        runner.run("Add svc-sync to it", () -> {
            if (calls.incrementAndGet() < 3) {
                throw failure(Kind.THROTTLED);
            }
            return StepOutcome.done("Added");
        });

        assertThat(calls).hasValue(3);
        assertThat(runner.outcomes()).containsExactly(StepOutcome.done("Added"));
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(waits.get(1)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    @Test
    void aStepThatStaysUnavailableFailsAfterItsLastTryAndTheRestIsSkipped() {
        StepRunner runner = new StepRunner(threeTries);

        runner.run("Create the role group 'Exchange sync role group'", () -> {
            throw failure(Kind.UNAVAILABLE);
        });
        runner.run("Check that svc-sync holds it", () -> StepOutcome.done("never"));

        assertThat(runner.outcomes()).extracting(StepOutcome::status).containsExactly(Status.FAILED, Status.SKIPPED);
        assertThat(runner.outcomes().get(0).text())
                .isEqualTo("Create the role group 'Exchange sync role group': Exchange said no (tried 3 times)");
        assertThat(runner.outcomes().get(0).fix()).contains("again in a few minutes");
    }

    @Test
    void aPermanentFailureIsNotTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        StepRunner runner = new StepRunner(threeTries);

        runner.run("Add svc-sync to it", () -> {
            calls.incrementAndGet();
            throw failure(Kind.ACCESS_DENIED);
        });

        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
        assertThat(runner.outcomes().get(0).text()).isEqualTo("Add svc-sync to it: Exchange said no");
        assertThat(runner.outcomes().get(0).fix()).startsWith("The bot's app lacks a permission in Exchange Online");
    }

    @Test
    void aFailureThatKnowsItsFixIsReportedWithItInsteadOfTheGeneralAdvice() {
        StepRunner runner = new StepRunner(threeTries);
        String fix = "Give the bot's identity the role Automation Job Operator on the Automation account aa-exchange.";

        runner.run("Add svc-sync to it", () -> {
            throw new TenantException(
                    Kind.ACCESS_DENIED,
                    "Azure Automation",
                    "AuthorizationFailed",
                    "request-1",
                    "Azure said no",
                    fix,
                    null);
        });

        assertThat(runner.outcomes().get(0).fix()).isEqualTo(fix);
    }

    @Test
    void chatCommandsTryOnce() {
        AtomicInteger calls = new AtomicInteger();
        StepRunner runner = new StepRunner();

        runner.run("Set the usage location", () -> {
            calls.incrementAndGet();
            throw failure(Kind.THROTTLED);
        });

        assertThat(calls).hasValue(1);
        assertThat(runner.stopped()).isTrue();
    }
}
