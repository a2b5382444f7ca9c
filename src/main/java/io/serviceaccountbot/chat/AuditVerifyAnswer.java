package io.serviceaccountbot.chat;

import io.serviceaccountbot.audit.ChainCheck;
import io.serviceaccountbot.audit.ChainVerification;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.teams.BotMessage;
import org.springframework.stereotype.Component;

/**
 * {@code audit verify}: recomputes the audit log's hash chain and says whether it is intact, or which entry was the
 * first to be changed or removed. The check itself is audited.
 */
@Component
class AuditVerifyAnswer implements CommandAnswer<Command.AuditVerify> {

    private final ChainVerification chain;
    private final DirectoryPeople people;

    AuditVerifyAnswer(ChainVerification chain, DirectoryPeople people) {
        this.chain = chain;
        this.people = people;
    }

    @Override
    public Class<Command.AuditVerify> commandType() {
        return Command.AuditVerify.class;
    }

    @Override
    public BotMessage answer(Command.AuditVerify command, Caller caller) {
        ChainCheck check = chain.verify(people.of(caller));
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
        return BotMessage.text(answer);
    }
}
