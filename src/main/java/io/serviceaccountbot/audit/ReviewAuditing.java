package io.serviceaccountbot.audit;

import io.serviceaccountbot.governance.ReviewDecided;
import io.serviceaccountbot.governance.ReviewOpened;
import io.serviceaccountbot.governance.ReviewUnanswered;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Access reviews in the audit log, under the grant's request and its account or app, so that {@code audit <account>}
 * shows them: {@code review.opened} and {@code review.escalated} (the bot's own acts), {@code review.unanswered}, and
 * the approver's answer, {@code review.kept} or {@code review.revoked} with the revoke's steps.
 */
@Component
class ReviewAuditing {

    private final AuditAppender appender;

    ReviewAuditing(AuditAppender appender) {
        this.appender = appender;
    }

    @EventListener
    void on(ReviewOpened opened) {
        appender.append(new AuditRecord(
                null,
                AuditRecord.BOT,
                opened.escalated() ? "review.escalated" : "review.opened",
                opened.review().number().value(),
                opened.review().name(),
                opened.escalated() ? "escalated" : "opened",
                opened.review().title() + " | answer by " + opened.review().deadline(),
                List.of(),
                null));
    }

    @EventListener
    void on(ReviewUnanswered unanswered) {
        appender.append(new AuditRecord(
                null,
                AuditRecord.BOT,
                "review.unanswered",
                unanswered.review().number().value(),
                unanswered.review().name(),
                "unanswered",
                unanswered.review().title() + " | no approver answered, even escalated",
                List.of(),
                null));
    }

    @EventListener
    void on(ReviewDecided decided) {
        String detail = decided.review().title();
        if (decided.revoked()) {
            detail += " | "
                    + decided.report().steps().stream()
                            .map(step -> step.status()
                                            .name()
                                            .toLowerCase(Locale.ROOT)
                                            .replace('_', ' ') + ": " + step.text())
                            .collect(Collectors.joining("; "));
        }
        appender.append(new AuditRecord(
                decided.review().decidedBy().aadObjectId(),
                decided.review().decidedBy().name(),
                decided.revoked() ? "review.revoked" : "review.kept",
                decided.review().number().value(),
                decided.review().name(),
                decided.revoked() ? (decided.report().succeeded() ? "done" : "failed") : "kept",
                detail,
                decided.tenantRequestIds(),
                null));
    }
}
