package io.serviceaccountbot.audit;

import io.serviceaccountbot.approval.Person;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code audit verify}: the audit log's chain checked for someone who asked, and the check recorded in the log itself. */
@Component
public class ChainVerification {

    private final AuditLog log;
    private final AuditAppender appender;

    ChainVerification(AuditLog log, AuditAppender appender) {
        this.log = log;
        this.appender = appender;
    }

    /** Recomputes the chain ({@link AuditLog#verify()}) and records who asked and what it found. */
    public ChainCheck verify(Person by) {
        ChainCheck check = log.verify();
        appender.append(new AuditRecord(
                by.aadObjectId(),
                by.name(),
                "audit.verify",
                null,
                null,
                check.intact() ? "intact" : "broken",
                check.intact()
                        ? check.entries() + " entries checked"
                        : "first broken entry " + check.firstBroken() + ": " + check.problem(),
                List.of(),
                null));
        return check;
    }
}
