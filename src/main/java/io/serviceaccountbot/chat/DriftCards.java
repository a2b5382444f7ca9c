package io.serviceaccountbot.chat;

import io.serviceaccountbot.governance.Difference;
import io.serviceaccountbot.governance.DriftFound;
import io.serviceaccountbot.governance.DriftWatch;
import io.serviceaccountbot.governance.GrantReview;
import io.serviceaccountbot.governance.WatchedGrant;
import io.serviceaccountbot.teams.AdaptiveCards;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cards of drift: the one posted when a grant drifts, with "Restore as approved" (a new request, which approvers
 * decide) and "Accept" (approvers only: what the tenant holds now becomes what is approved), and the answer of {@code
 * drift}. A card carries only the grant's name and the fingerprint of the drift it shows; the server reads the grant
 * and the tenant again on a click.
 */
public final class DriftCards {

    static final String RESTORE = "restore-grant";
    static final String ACCEPT = "accept-drift";
    static final String GRANT = "grant";
    static final String DRIFT = "drift";

    private DriftCards() {}

    /** Posted once per drift, to the grant's requester and the approvals channel. */
    public static BotMessage found(DriftFound found) {
        WatchedGrant grant = found.grant();
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading(
                found.widened()
                        ? "Mailbox access grew outside the bot"
                        : "Mailbox access differs from what was approved"));
        body.add(AdaptiveCards.text((found.widened() ? "⚠️ " : "ℹ️ ") + UserText.forMarkdown(grant.title()) + " ("
                + UserText.forMarkdown(grant.approvedHow()) + ", " + ApprovalCards.when(grant.approvedAt())
                + ") is not as approved:"));
        found.drift().forEach(difference -> body.add(line(difference)));
        body.add(AdaptiveCards.subtle("Found on " + ApprovalCards.when(grant.checkedAt()) + ". Restore as approved asks"
                + " for the plan that puts it back, which an approver decides. Accept records the tenant as it is now"
                + " as approved; only an approver can."));
        ObjectNode card = AdaptiveCards.card(body);
        ObjectNode restore = AdaptiveCards.object();
        restore.put(GRANT, grant.name());
        ObjectNode accept = AdaptiveCards.object();
        accept.put(GRANT, grant.name());
        accept.put(DRIFT, DriftWatch.fingerprint(found.drift()));
        AdaptiveCards.actions(
                card,
                AdaptiveCards.execute("Restore as approved", RESTORE, restore),
                AdaptiveCards.execute("Accept", ACCEPT, accept));
        return BotMessage.card("Drift: " + grant.title(), card);
    }

    /**
     * The answer of {@code drift}: the access reviews no one answered, then every grant under watch, checked just now,
     * with those that drifted.
     */
    static BotMessage list(List<WatchedGrant> grants, List<GrantReview> unanswered) {
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading("Drift"));
        unanswered.forEach(review -> body.add(AdaptiveCards.text(ReviewCards.unanswered(review))));
        if (grants.isEmpty()) {
            body.add(AdaptiveCards.text("I am not watching any grant yet: a grant the bot makes is watched from the"
                    + " moment its plan has run."));
            return BotMessage.card("Drift", AdaptiveCards.card(body));
        }
        List<WatchedGrant> drifted =
                grants.stream().filter(WatchedGrant::drifted).toList();
        List<WatchedGrant> unchecked =
                grants.stream().filter(grant -> grant.checkFailure() != null).toList();
        body.add(AdaptiveCards.subtle(
                drifted.isEmpty()
                        ? "All " + grants.size() + (grants.size() == 1 ? " grant" : " grants")
                                + " the bot made are as approved, checked just now."
                        : drifted.size() + " of " + grants.size() + (grants.size() == 1 ? " grant" : " grants")
                                + " differ from what was approved, checked just now."));
        for (WatchedGrant grant : drifted) {
            body.add(AdaptiveCards.text("**" + UserText.forMarkdown(grant.title()) + "** ("
                            + UserText.forMarkdown(grant.approvedHow()) + ")")
                    .put("spacing", "Medium"));
            grant.drift().forEach(difference -> body.add(line(difference)));
            body.add(AdaptiveCards.subtle(
                    "To put it back: restore " + UserText.forMarkdown(grant.name()) + " as approved"));
        }
        for (WatchedGrant grant : unchecked) {
            body.add(AdaptiveCards.text("⚠️ **Not checked:** " + UserText.forMarkdown(grant.title()) + ": "
                    + UserText.forMarkdown(grant.checkFailure())));
        }
        return BotMessage.card("Drift", AdaptiveCards.card(body));
    }

    private static ObjectNode line(Difference difference) {
        return AdaptiveCards.text("• " + UserText.forMarkdown(difference.words()));
    }
}
