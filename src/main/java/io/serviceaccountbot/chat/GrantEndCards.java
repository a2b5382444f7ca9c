package io.serviceaccountbot.chat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.teams.AdaptiveCards;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import java.time.Instant;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The warning before a time-bound grant ends, with {@code extend}: a new request for the same grant, for as long, that
 * approvers decide again. The card carries only the request's number; the click is checked against the server's own
 * request.
 */
public final class GrantEndCards {

    static final String EXTEND = "extend";

    private GrantEndCards() {}

    /** What a grant gives, in words: ApplicationImpersonation, or an app's application roles. */
    public static String access(ApprovalRequest grant) {
        return grant.command() instanceof Command.GrantImpersonation
                        || grant.command() instanceof Command.SetupExchangeSync
                ? "ApplicationImpersonation"
                : "The mailbox access";
    }

    /** The warning, for the grant's requester. */
    public static BotMessage endsSoon(ApprovalRequest grant, Instant endsAt) {
        String account = UserText.forMarkdown(grant.target());
        String lasting = grant.command() instanceof Command.TimeBound timeBound
                        && timeBound.duration().isPresent()
                ? timeBound.duration().get().words()
                : null;
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading("Your grant ends soon"));
        body.add(AdaptiveCards.text("⏳ " + access(grant) + " of " + account + " ends on " + ApprovalCards.when(endsAt)
                + " (request **" + grant.number() + "**), and I revoke it then."));
        body.add(AdaptiveCards.subtle(
                lasting == null
                        ? "To keep it, ask for it again; approvers decide again."
                        : "Extend asks for it again for " + lasting + ", a new request that approvers decide again."));
        ObjectNode card = AdaptiveCards.card(body);
        if (lasting != null) {
            ObjectNode data = AdaptiveCards.object();
            data.put(ApprovalCards.REQUEST, grant.number().value());
            AdaptiveCards.actions(card, AdaptiveCards.execute("Extend for " + lasting, EXTEND, data));
        }
        return BotMessage.card("Your grant of " + grant.target() + " ends soon", card);
    }
}
