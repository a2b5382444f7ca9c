package io.serviceaccountbot.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends for the listeners, and takes the {@link AuditRecord}s other modules publish. An event published inside the
 * transaction that saves the change it tells of (a decision, a run's start or end, a step of a plan) is appended in
 * that transaction: if the entry cannot be written, the change is not saved either, so there is never a change without
 * its entry. An event published outside a transaction tells of something done already (an account created from chat,
 * a refused click); an append that fails then is logged as an error for the operators and does not reach the person
 * who acted.
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
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            auditLog.append(record);
            return;
        }
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
