package io.serviceaccountbot.chat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Decision;
import io.serviceaccountbot.governance.GrantReview;
import io.serviceaccountbot.governance.ReviewDecided;
import io.serviceaccountbot.governance.ReviewOpened;
import io.serviceaccountbot.teams.AdaptiveCards;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cards of access reviews: the question to the approvers (who holds what, since when, approved by whom and why),
 * with Keep and Revoke; the same question escalated when no one answered; and what was decided. A card carries only
 * the review's id: a click is checked against the server's own review and the clicker's roles.
 */
public final class ReviewCards {

    static final String KEEP = "keep-grant";
    static final String REVOKE = "revoke-grant";
    static final String REVIEW = "review";

    private ReviewCards() {}

    /** The review, for the approvers and the approvals channel. */
    public static BotMessage question(ReviewOpened opened, Optional<ApprovalRequest> request) {
        GrantReview review = opened.review();
        ArrayNode body = AdaptiveCards.body();
        body.add(
                AdaptiveCards.heading(opened.escalated() ? "Overdue access review" : "Access review: keep or revoke?"));
        if (opened.escalated()) {
            body.add(AdaptiveCards.text("⚠️ No one answered this review in time. If no one answers by "
                    + ApprovalCards.when(review.deadline()) + ", it is reported as unanswered; it is never kept"
                    + " without an answer."));
        }
        ObjectNode facts = AdaptiveCards.factSet();
        AdaptiveCards.fact(facts, "Holds", UserText.forMarkdown(review.title()));
        AdaptiveCards.fact(
                facts,
                "Since",
                ApprovalCards.when(opened.grant().approvedAt()) + " ("
                        + UserText.forMarkdown(opened.grant().approvedHow()) + ")");
        request.ifPresent(asked -> {
            AdaptiveCards.fact(
                    facts, "Asked by", UserText.forMarkdown(asked.requester().name()));
            List<String> approvers = asked.decisions().stream()
                    .filter(decision -> decision.verdict() == Decision.Verdict.APPROVE)
                    .map(decision -> decision.approver().name())
                    .toList();
            if (!approvers.isEmpty()) {
                AdaptiveCards.fact(facts, "Approved by", UserText.forMarkdown(String.join(", ", approvers)));
            }
            AdaptiveCards.fact(facts, "Why", UserText.forMarkdown(asked.justification()));
        });
        AdaptiveCards.fact(facts, "Answer by", ApprovalCards.when(review.deadline()));
        body.add(facts);
        body.add(AdaptiveCards.subtle("Keep leaves it as it is until the next review. Revoke takes the access away now,"
                + " and the report follows. Only an approver may answer."));
        ObjectNode card = AdaptiveCards.card(body);
        ObjectNode data = AdaptiveCards.object();
        data.put(REVIEW, review.id().toString());
        AdaptiveCards.actions(
                card,
                AdaptiveCards.execute("Keep", KEEP, data),
                AdaptiveCards.execute("Revoke", REVOKE, data.deepCopy()));
        return BotMessage.card(
                (opened.escalated() ? "Overdue access review: " : "Access review: ") + review.title(), card);
    }

    /** What was decided, for the requester and the approvals channel. */
    public static BotMessage decided(ReviewDecided decided) {
        GrantReview review = decided.review();
        if (!decided.revoked()) {
            return BotMessage.text("✅ Access review: "
                    + UserText.forMarkdown(review.decidedBy().name()) + " kept " + UserText.forMarkdown(review.title())
                    + " (request **" + review.number() + "**).");
        }
        return ReportCards.provisioning(review.number().value(), decided.report());
    }

    /** The answer of {@code drift} about reviews no one answered. */
    static String unanswered(GrantReview review) {
        return "⚠️ **Review not answered:** " + UserText.forMarkdown(review.title()) + " (opened "
                + ApprovalCards.when(review.openedAt()) + "); an approver can still keep or revoke it on its card.";
    }
}
