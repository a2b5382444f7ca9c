package io.serviceaccountbot.chat;

import io.serviceaccountbot.audit.AuditLog;
import io.serviceaccountbot.audit.AuditRecord;
import io.serviceaccountbot.audit.ChainCheck;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.teams.BotMessage;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code audit verify}: recomputes the audit log's hash chain and says whether it is intact, or which entry was the
 * first to be changed or removed. The check itself is audited.
 */
@Component
class AuditVerifyAnswer implements CommandAnswer<Command.AuditVerify> {

    private final AuditLog log;
    private final ApplicationEventPublisher events;
    private final DirectoryPeople people;

    AuditVerifyAnswer(AuditLog log, ApplicationEventPublisher events, DirectoryPeople people) {
        this.log = log;
        this.events = events;
        this.people = people;
    }

    @Override
    public Class<Command.AuditVerify> commandType() {
        return Command.AuditVerify.class;
    }

    @Override
    public BotMessage answer(Command.AuditVerify command, Caller caller) {
        ChainCheck check = log.verify();
        String answer;
        if (check.intact() && check.entries() == 0) {
            answer = "The audit log is empty, so there is nothing to check yet.";
        } else if (check.intact()) {
            answer = "✅ The audit log is intact: all " + String.format("%,d", check.entries())
                    + " entries, from " + ApprovalCards.when(check.first()) + " to " + ApprovalCards.when(check.last())
                    + ", are as they were recorded, and none is missing.";
        } else {
            answer = "❌ The audit log was tampered with: " + check.problem() + ". Entries before " + check.firstBroken()
                    + " are intact. Keep the database as it is and tell your security team; the export"
                    + " (/admin/audit) shows the entries as they are now.";
        }
        events.publishEvent(new AuditRecord(
                caller.aadObjectId(),
                people.nameOf(caller),
                "audit.verify",
                null,
                null,
                check.intact() ? "intact" : "broken",
                check.intact()
                        ? check.entries() + " entries checked"
                        : "first broken entry " + check.firstBroken() + ": " + check.problem(),
                List.of(),
                null));
        return BotMessage.text(answer);
    }
}
