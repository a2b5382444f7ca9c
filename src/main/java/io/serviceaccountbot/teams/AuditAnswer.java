package io.serviceaccountbot.teams;

import io.serviceaccountbot.audit.AuditEntry;
import io.serviceaccountbot.audit.AuditLog;
import io.serviceaccountbot.audit.AuditRecord;
import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.command.Command;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code audit [<account>]}: the newest entries of the audit log as a card, one line each (when, who, what, the
 * outcome), for everything or for one account; the export endpoint has the rest.
 */
@Component
class AuditAnswer implements CommandAnswer<Command.Audit> {

    /** Teams cards are limited in size; the card shows this many and says when there are more. */
    static final int SHOWN = 20;

    private final AuditLog log;

    AuditAnswer(AuditLog log) {
        this.log = log;
    }

    @Override
    public Class<Command.Audit> commandType() {
        return Command.Audit.class;
    }

    @Override
    public BotMessage answer(Command.Audit command, Caller caller) {
        List<AuditEntry> entries = log.latest(command.account().map(AccountRef::value), SHOWN + 1);
        String about =
                command.account().map(account -> " for " + account.value()).orElse("");
        if (entries.isEmpty()) {
            return BotMessage.text("The audit log has no entries" + about + " yet.");
        }
        String title = "Audit log" + about + ", newest first";
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading(title));
        for (AuditEntry entry : entries.subList(0, Math.min(SHOWN, entries.size()))) {
            AuditRecord record = entry.record();
            body.add(AdaptiveCards.container(
                            AdaptiveCards.text("**#" + entry.seq() + "** · " + ApprovalCards.when(entry.recordedAt())
                                    + " · " + who(record) + " · " + record.action() + " · **" + record.outcome()
                                    + "**"),
                            AdaptiveCards.subtle(what(record)))
                    .put("spacing", "Small")
                    .put("separator", true));
        }
        if (entries.size() > SHOWN) {
            body.add(AdaptiveCards.subtle("Showing the " + SHOWN + " newest. The whole log: /admin/audit?format=csv")
                    .put("spacing", "Medium"));
        }
        body.add(AdaptiveCards.subtle("Type audit verify to check that no entry was changed or removed.")
                .put("spacing", "Medium"));
        return BotMessage.card(title, AdaptiveCards.card(body));
    }

    private static String who(AuditRecord record) {
        return record.actorName() == null ? AuditRecord.BOT : record.actorName();
    }

    private static String what(AuditRecord record) {
        StringBuilder line = new StringBuilder();
        if (record.requestNumber() != null) {
            line.append(record.requestNumber()).append(" · ");
        }
        if (record.target() != null) {
            line.append(record.target()).append(" · ");
        }
        String detail = record.detail() == null ? "" : record.detail();
        line.append(detail.length() > 300 ? detail.substring(0, 299) + "…" : detail);
        if (!record.tenantRequestIds().isEmpty()) {
            line.append(" · tenant request ids: ")
                    .append(
                            record.tenantRequestIds().size() > 3
                                    ? String.join(
                                                    ", ",
                                                    record.tenantRequestIds().subList(0, 3)) + " and "
                                            + (record.tenantRequestIds().size() - 3) + " more"
                                    : String.join(", ", record.tenantRequestIds()));
        }
        return line.toString();
    }
}
