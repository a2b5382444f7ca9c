package io.serviceaccountbot.audit;

import io.serviceaccountbot.plans.DirectChangeMade;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One entry per change made without an approval (a service account created, a mailbox taken out of Salesforce's
 * reach), done or failed: who asked, the command, each step in a few words, and the tenant's ids for its calls.
 */
@Component
class DirectChangeAuditing {

    private final AuditAppender appender;

    DirectChangeAuditing(AuditAppender appender) {
        this.appender = appender;
    }

    @EventListener
    void on(DirectChangeMade change) {
        appender.append(new AuditRecord(
                change.by().aadObjectId(),
                change.by().name(),
                switch (change.kind()) {
                    case ACCOUNT_CREATED -> "account.create";
                    case EXCHANGE_SYNC_NARROWED -> "salesforce.sync.remove";
                },
                null,
                change.target(),
                change.report().succeeded() ? "done" : "failed",
                change.command() + " | " + steps(change),
                change.tenantRequestIds(),
                null));
    }

    /** Each step in a few words, without anything the steps keep to themselves (the password is never in them). */
    private static String steps(DirectChangeMade change) {
        return change.report().steps().stream()
                .map(step -> step.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + step.text())
                .collect(Collectors.joining("; "));
    }
}
