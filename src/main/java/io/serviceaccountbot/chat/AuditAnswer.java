package io.serviceaccountbot.chat;

import io.serviceaccountbot.audit.AuditEntry;
import io.serviceaccountbot.audit.AuditLog;
import io.serviceaccountbot.audit.AuditRecord;
import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.teams.AdaptiveCards;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code audit [<account>]}: the newest entries of the audit log as a card, one short line each (when, who, what, the
 * outcome, the start of the detail) under the request and account they concern, for everything or for one account. {@code audit <request id>}: one request's entries in full, oldest
 * first, with the tenant's request ids for Microsoft support. The list leaves those ids and the long details out, so
 * that it stays small; the export endpoint has everything.
 */
@Component
class AuditAnswer implements CommandAnswer<Command.Audit> {

    /** Teams cards are limited in size; the list shows this many and says when there are more. */
    static final int SHOWN = 20;

    /** The most entries of one request shown in full; a request retried many times has more, in the export. */
    static final int SHOWN_OF_A_REQUEST = 40;

    /** How much of an entry's detail the list shows. */
    static final int SUMMARY = 100;

    /** How much of an entry's detail the full view shows (entries hold up to 4,000 characters). */
    static final int DETAIL = 1_000;

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
        return command.request().map(this::request).orElseGet(() -> list(command));
    }

    private BotMessage list(Command.Audit command) {
        List<AuditEntry> entries = log.latest(command.account().map(AccountRef::value), SHOWN + 1);
        String about = command.account()
                .map(account -> " for " + UserText.forMarkdown(account.value()))
                .orElse("");
        if (entries.isEmpty()) {
            return BotMessage.text("The audit log has no entries" + about + " yet.");
        }
        String title = "Audit log" + about + ", newest first";
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading(title));
        List<AuditEntry> shown = entries.subList(0, Math.min(SHOWN, entries.size()));
        String group = null;
        for (AuditEntry entry : shown) {
            String concerns = about(entry.record(), "");
            if (!concerns.equals(group)) {
                body.add(AdaptiveCards.text(
                                concerns.isEmpty()
                                        ? "Neither a request nor an account"
                                        : "**" + UserText.forMarkdown(concerns) + "**")
                        .put("separator", true));
                group = concerns;
            }
            String summary = summary(entry.record());
            body.add(AdaptiveCards.text(
                            heading(entry) + (summary.isEmpty() ? "" : " · " + UserText.forMarkdown(summary)))
                    .put("spacing", "Small"));
        }
        if (entries.size() > SHOWN) {
            body.add(AdaptiveCards.subtle("Showing the " + SHOWN + " newest. The whole log: /admin/audit?format=csv")
                    .put("spacing", "Medium"));
        }
        String example = shown.stream()
                .map(entry -> entry.record().requestNumber())
                .filter(number -> number != null)
                .findFirst()
                .orElse("R-…");
        body.add(AdaptiveCards.subtle("Type audit " + example + " to see a request's entries in full, with the tenant"
                        + " request ids Microsoft support asks for; audit verify checks that no entry was changed or"
                        + " removed.")
                .put("spacing", "Medium"));
        return BotMessage.card(title, AdaptiveCards.card(body));
    }

    private BotMessage request(RequestId number) {
        List<AuditEntry> entries = log.ofRequest(number.value(), SHOWN_OF_A_REQUEST + 1);
        if (entries.isEmpty()) {
            return BotMessage.text("The audit log has no entries for " + number + ".");
        }
        String title = "Audit log of " + number + ", oldest first";
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading(title));
        for (AuditEntry entry : entries.subList(0, Math.min(SHOWN_OF_A_REQUEST, entries.size()))) {
            AuditRecord record = entry.record();
            ObjectNode container = entry(entry, about(record, cut(detail(record), DETAIL)));
            if (!record.tenantRequestIds().isEmpty()) {
                ((ArrayNode) container.get("items"))
                        .add(AdaptiveCards.subtle("Tenant request ids: "
                                        + UserText.forMarkdown(String.join(", ", record.tenantRequestIds())))
                                .put("fontType", "Monospace"));
            }
            body.add(container);
        }
        if (entries.size() > SHOWN_OF_A_REQUEST) {
            body.add(AdaptiveCards.subtle("Showing the first " + SHOWN_OF_A_REQUEST + " entries of " + number
                            + ". The whole log: /admin/audit?format=csv")
                    .put("spacing", "Medium"));
        }
        return BotMessage.card(title, AdaptiveCards.card(body));
    }

    /** One entry in full: who did what when and how it went, then the given line about it. */
    private static ObjectNode entry(AuditEntry entry, String about) {
        return AdaptiveCards.container(
                        AdaptiveCards.text(heading(entry)), AdaptiveCards.subtle(UserText.forMarkdown(about)))
                .put("spacing", "Small")
                .put("separator", true);
    }

    /** Which entry, when, who, what and how it went. */
    private static String heading(AuditEntry entry) {
        AuditRecord record = entry.record();
        return "**#" + entry.seq() + "** · " + ApprovalCards.when(entry.recordedAt()) + " · "
                + UserText.forMarkdown(who(record)) + " · " + UserText.forMarkdown(record.action()) + " · **"
                + UserText.forMarkdown(record.outcome()) + "**";
    }

    private static String who(AuditRecord record) {
        return record.actorName() == null ? AuditRecord.BOT : record.actorName();
    }

    /** The first part of the detail (the command, the step, the decision), shortened. */
    private static String summary(AuditRecord record) {
        String detail = detail(record);
        int firstPart = detail.indexOf(" | ");
        return cut(firstPart < 0 ? detail : detail.substring(0, firstPart), SUMMARY);
    }

    /** The request and the target, then the detail given. */
    private static String about(AuditRecord record, String detail) {
        return Stream.of(record.requestNumber(), record.target(), detail)
                .filter(part -> part != null && !part.isEmpty())
                .collect(Collectors.joining(" · "));
    }

    private static String detail(AuditRecord record) {
        return record.detail() == null ? "" : record.detail();
    }

    private static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length - 1) + "…" : text;
    }
}
