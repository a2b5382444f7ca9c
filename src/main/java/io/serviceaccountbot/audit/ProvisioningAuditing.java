package io.serviceaccountbot.audit;

import io.serviceaccountbot.execution.StepEnded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One entry per step a plan runs: what it did or found, and the tenant's ids for the calls it made. */
@Component
class ProvisioningAuditing {

    private final AuditAppender appender;

    ProvisioningAuditing(AuditAppender appender) {
        this.appender = appender;
    }

    @EventListener
    void on(StepEnded step) {
        String detail = "step " + (step.ordinal() + 1) + ": " + step.words() + " | "
                + step.outcome().text()
                + (step.outcome().fix() == null
                        ? ""
                        : " | fix: " + step.outcome().fix());
        appender.append(new AuditRecord(
                null,
                AuditRecord.BOT,
                "plan.step",
                step.requestNumber(),
                step.target(),
                step.outcome()
                        .status()
                        .name()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' '),
                detail,
                step.tenantRequestIds(),
                null));
    }
}
