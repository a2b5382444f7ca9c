package io.serviceaccountbot.audit;

import io.serviceaccountbot.governance.GrantEndCancelled;
import io.serviceaccountbot.governance.GrantExpired;
import io.serviceaccountbot.governance.GrantExpiryScheduled;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The ends of time-bound grants in the audit log, as the bot's own acts under the grant's approval: when the end was
 * arranged ({@code grant.end.scheduled}), when a later request made it no longer apply ({@code grant.end.cancelled}), and
 * when the bot revoked what the grant gave ({@code grant.end.revoked}), each with the request's number.
 */
@Component
class GrantEndAuditing {

    private final AuditAppender appender;

    GrantEndAuditing(AuditAppender appender) {
        this.appender = appender;
    }

    @EventListener
    void on(GrantExpiryScheduled scheduled) {
        appender.append(new AuditRecord(
                null,
                AuditRecord.BOT,
                "grant.end.scheduled",
                scheduled.number().value(),
                scheduled.account(),
                scheduled.endsAt() == null ? "failed" : "scheduled",
                scheduled.endsAt() == null
                        ? "the end could not be arranged; the grant stays until revoked"
                        : "lasts " + scheduled.lasting() + ", revoked at " + scheduled.endsAt(),
                List.of(),
                null));
    }

    @EventListener
    void on(GrantEndCancelled cancelled) {
        appender.append(new AuditRecord(
                null,
                AuditRecord.BOT,
                "grant.end.cancelled",
                cancelled.number().value(),
                cancelled.account(),
                "cancelled",
                "the end of the grant of " + cancelled.earlierGrant() + " no longer applies: " + cancelled.why(),
                List.of(),
                null));
    }

    @EventListener
    void on(GrantExpired expired) {
        appender.append(new AuditRecord(
                null,
                AuditRecord.BOT,
                "grant.end.revoked",
                expired.number().value(),
                expired.account(),
                expired.report().succeeded() ? "done" : "failed",
                expired.command() + " | "
                        + expired.report().steps().stream()
                                .map(step -> step.status()
                                                .name()
                                                .toLowerCase(Locale.ROOT)
                                                .replace('_', ' ') + ": " + step.text())
                                .collect(Collectors.joining("; ")),
                expired.tenantRequestIds(),
                null));
    }
}
