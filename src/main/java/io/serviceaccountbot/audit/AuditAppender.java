package io.serviceaccountbot.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends for the listeners, and takes the {@link AuditRecord}s other modules publish. The event that is being
 * audited has happened already, so an append that fails (the database away) is logged as an error for the operators
 * and does not undo it or reach the person who acted.
 */
@Component
class AuditAppender {

    private static final Logger log = LoggerFactory.getLogger(AuditAppender.class);

    private final AuditLog auditLog;

    AuditAppender(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void on(AuditRecord published) {
        append(published);
    }

    void append(AuditRecord record) {
        try {
            auditLog.append(record);
        } catch (RuntimeException e) {
            log.error(
                    "Could not write the audit entry {} ({}) for {}: {}",
                    record.action(),
                    record.outcome(),
                    record.requestNumber() == null ? record.target() : record.requestNumber(),
                    e.toString());
        }
    }
}
