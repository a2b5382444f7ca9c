package io.serviceaccountbot.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.serviceaccountbot.approval.ApprovalEvent;
import io.serviceaccountbot.execution.RunEnded;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Approvals as operators count them: {@code bot.approvals} (a timer: how long requests waited for their outcome, by
 * outcome: approved, rejected, expired, cancelled), {@code bot.approvals.refused} (clicks a rule refused) and
 * {@code bot.plans} (runs by outcome).
 */
@Component
class ApprovalMetrics {

    private final MeterRegistry registry;
    private final Clock clock;

    ApprovalMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @EventListener
    void on(ApprovalEvent.Outcome event) {
        registry.timer("bot.approvals", "outcome", event.status().name().toLowerCase(Locale.ROOT))
                .record(Duration.between(event.openedAt(), clock.instant()));
    }

    @EventListener
    void on(ApprovalEvent.DecisionRefused event) {
        registry.counter("bot.approvals.refused").increment();
    }

    @EventListener
    void on(RunEnded ended) {
        registry.counter("bot.plans", "outcome", ended.succeeded() ? "done" : "failed")
                .increment();
    }
}
