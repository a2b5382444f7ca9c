package io.serviceaccountbot.audit;

import io.serviceaccountbot.governance.Difference;
import io.serviceaccountbot.governance.DriftAccepted;
import io.serviceaccountbot.governance.DriftFound;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drift in the audit log: a grant found different from what was approved ({@code drift.found}, the bot's own act) and
 * an approver accepting it as it is now ({@code drift.accepted}), each with the grant's request and the differences.
 */
@Component
class DriftAuditing {

    private final AuditAppender appender;

    DriftAuditing(AuditAppender appender) {
        this.appender = appender;
    }

    @EventListener
    void on(DriftFound found) {
        appender.append(new AuditRecord(
                null,
                AuditRecord.BOT,
                "drift.found",
                found.grant().number().value(),
                found.grant().name(),
                found.widened() ? "widened" : "narrowed",
                found.grant().title() + " | " + words(found.drift()),
                List.of(),
                null));
    }

    @EventListener
    void on(DriftAccepted accepted) {
        appender.append(new AuditRecord(
                accepted.by().aadObjectId(),
                accepted.by().name(),
                "drift.accepted",
                accepted.grant().number().value(),
                accepted.grant().name(),
                "accepted",
                accepted.grant().title() + " | " + words(accepted.accepted()),
                List.of(),
                null));
    }

    private static String words(List<Difference> drift) {
        return drift.stream().map(Difference::words).collect(Collectors.joining("; "));
    }
}
