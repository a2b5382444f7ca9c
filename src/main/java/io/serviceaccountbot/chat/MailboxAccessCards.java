package io.serviceaccountbot.chat;

import io.serviceaccountbot.governance.MailboxAccessReview;
import io.serviceaccountbot.governance.MailboxAccessReview.Finding;
import io.serviceaccountbot.governance.MailboxAccessReview.Kind;
import io.serviceaccountbot.teams.AdaptiveCards;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The card of {@code review mailbox access}: one section per kind of access, each line with what narrows it. */
final class MailboxAccessCards {

    private static final String TITLE = "Who can read other people's mailboxes";

    private MailboxAccessCards() {}

    static BotMessage review(MailboxAccessReview review) {
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading(TITLE));
        body.add(AdaptiveCards.subtle(summary(review)));
        for (Kind kind : Kind.values()) {
            List<Finding> findings =
                    review.findings().stream().filter(f -> f.kind() == kind).toList();
            if (findings.isEmpty()) {
                continue;
            }
            body.add(AdaptiveCards.text("**" + section(kind) + "**").put("spacing", "Medium"));
            findings.forEach(finding -> body.add(line(finding)));
        }
        review.unread().forEach(text -> body.add(AdaptiveCards.text("⚠️ **Not read:** " + UserText.forMarkdown(text))));
        review.notes().forEach(text -> body.add(AdaptiveCards.subtle(UserText.forMarkdown(text))));
        body.add(AdaptiveCards.subtle("This review only reads: nothing was changed."));
        return BotMessage.card(TITLE, AdaptiveCards.card(body));
    }

    private static String summary(MailboxAccessReview review) {
        int count = review.findings().size();
        String found = count == 0
                ? "Nobody outside their own mailbox was found"
                : count + (count == 1 ? " holder" : " holders") + " of access to other people's mailboxes";
        return found + (review.unread().isEmpty() ? ", across the whole organisation." : ", in what I could read.");
    }

    private static String section(Kind kind) {
        return switch (kind) {
            case IMPERSONATION -> "ApplicationImpersonation (Exchange Server)";
            case TENANT_WIDE -> "Apps with tenant-wide mailbox permissions";
            case APPLICATION_ROLE -> "Apps with application roles of RBAC for Applications";
            case EWS -> "Apps still using Exchange Web Services";
        };
    }

    private static ObjectNode line(Finding finding) {
        ObjectNode line = AdaptiveCards.container(AdaptiveCards.text("• **" + UserText.forMarkdown(finding.holder())
                + "**: " + UserText.forMarkdown(finding.access())
                + (finding.since() == null ? "" : " (since " + UserText.forMarkdown(finding.since()) + ")")));
        ArrayNode items = (ArrayNode) line.get("items");
        if (finding.narrowWith() != null) {
            items.add(AdaptiveCards.subtle("Narrow it: " + UserText.inCodeSpan(finding.narrowWith())));
        }
        if (finding.advice() != null) {
            items.add(AdaptiveCards.subtle(UserText.forMarkdown(finding.advice())));
        }
        return line.put("spacing", "Small");
    }
}
