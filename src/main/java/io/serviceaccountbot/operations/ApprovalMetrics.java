package io.serviceaccountbot.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.serviceaccountbot.approval.ApprovalEvent;
import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.provisioning.RunEnded;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Approvals as operators count them: {@code bot.approvals} (a timer: how long requests waited for their outcome, by
 * outcome: approved, rejected, expired, cancelled), {@code bot.approvals.refused} (clicks a rule refused) and
 * {@code bot.plans} (runs by outcome).
 */
@Component
class ApprovalMetrics {

    private final Approvals approvals;
    private final MeterRegistry registry;
    private final Clock clock;

    ApprovalMetrics(Approvals approvals, MeterRegistry registry, Clock clock) {
        this.approvals = approvals;
        this.registry = registry;
        this.clock = clock;
    }

    @EventListener
    void on(ApprovalEvent.Approved event) {
        decided(event.id(), "approved");
    }

    @EventListener
    void on(ApprovalEvent.Rejected event) {
        decided(event.id(), "rejected");
    }

    @EventListener
    void on(ApprovalEvent.Expired event) {
        decided(event.id(), "expired");
    }

    @EventListener
    void on(ApprovalEvent.Cancelled event) {
        decided(event.id(), "cancelled");
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

    private void decided(ApprovalRequestId id, String outcome) {
        approvals
                .find(id)
                .ifPresent(request -> registry.timer("bot.approvals", "outcome", outcome)
                        .record(Duration.between(request.createdAt(), clock.instant())));
    }
}
