package io.serviceaccountbot.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.approval.Approvals;
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
    void on(ApprovalRequest.Approved event) {
        decided(event.id(), "approved");
    }

    @EventListener
    void on(ApprovalRequest.Rejected event) {
        decided(event.id(), "rejected");
    }

    @EventListener
    void on(ApprovalRequest.Expired event) {
        decided(event.id(), "expired");
    }

    @EventListener
    void on(ApprovalRequest.Cancelled event) {
        decided(event.id(), "cancelled");
    }

    @EventListener
    void on(ApprovalRequest.DecisionRefused event) {
        registry.counter("bot.approvals.refused").increment();
    }

    @EventListener
    void on(ApprovalRequest.ExecutionFinished event) {
        registry.counter("bot.plans", "outcome", event.succeeded() ? "done" : "failed")
                .increment();
    }

    private void decided(ApprovalRequestId id, String outcome) {
        approvals
                .find(id)
                .ifPresent(request -> registry.timer("bot.approvals", "outcome", outcome)
                        .record(Duration.between(request.createdAt(), clock.instant())));
    }
}
