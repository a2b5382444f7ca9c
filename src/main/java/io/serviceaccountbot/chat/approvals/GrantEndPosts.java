package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.chat.ApprovalCards;
import io.serviceaccountbot.chat.GrantEndCards;
import io.serviceaccountbot.chat.ReportCards;
import io.serviceaccountbot.governance.GrantEndCancelled;
import io.serviceaccountbot.governance.GrantEndsSoon;
import io.serviceaccountbot.governance.GrantExpired;
import io.serviceaccountbot.governance.GrantExpiries;
import io.serviceaccountbot.governance.GrantExpiryScheduled;
import io.serviceaccountbot.plans.GrantTerms;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the requester of a time-bound grant, in the conversation where they asked, when the bot will revoke it, and
 * then what the revoke did. Queued on the request's card queue, after its report.
 */
@Component
class GrantEndPosts {

    private final Approvals approvals;
    private final ApprovalCardUpdates updates;

    GrantEndPosts(Approvals approvals, ApprovalCardUpdates updates) {
        this.approvals = approvals;
        this.updates = updates;
    }

    @EventListener
    void on(GrantExpiryScheduled scheduled) {
        String holder = UserText.forMarkdown(scheduled.account());
        boolean app = GrantExpiries.isApp(scheduled.account());
        String text = scheduled.endsAt() == null
                ? "⚠️ I could not arrange the end of the grant of **" + scheduled.number() + "**: " + holder
                        + (app
                                ? " keeps its application roles until someone removes them."
                                : " keeps ApplicationImpersonation until someone types revoke impersonation from "
                                        + holder + ".")
                : "⏳ The grant of **" + scheduled.number() + "** lasts " + GrantTerms.words(scheduled.lasting())
                        + (app
                                ? ": I will take the application roles of app " + holder + " away on "
                                : ": I will take ApplicationImpersonation away from " + holder + " on ")
                        + ApprovalCards.when(scheduled.endsAt()) + ", as it was approved, and tell you here.";
        updates.enqueue(
                scheduled.number().value(),
                () -> approvals
                        .find(scheduled.number())
                        .ifPresent(request -> updates.tellRequester(request, BotMessage.text(text))));
    }

    @EventListener
    void on(GrantEndCancelled cancelled) {
        String text = "ℹ️ The end that the grant of **" + cancelled.earlierGrant() + "** had for "
                + UserText.forMarkdown(cancelled.account()) + " no longer applies: "
                + UserText.forMarkdown(cancelled.why()) + ".";
        updates.enqueue(
                cancelled.number().value(),
                () -> approvals
                        .find(cancelled.number())
                        .ifPresent(request -> updates.tellRequester(request, BotMessage.text(text))));
    }

    @EventListener
    void on(GrantEndsSoon soon) {
        updates.enqueue(
                soon.number().value(),
                () -> approvals
                        .find(soon.number())
                        .ifPresent(request ->
                                updates.tellRequester(request, GrantEndCards.endsSoon(request, soon.endsAt()))));
    }

    @EventListener
    void on(GrantExpired expired) {
        updates.enqueue(
                expired.number().value(),
                () -> approvals
                        .find(expired.number())
                        .ifPresent(request -> updates.tellRequester(
                                request,
                                ReportCards.provisioning(expired.number().value(), expired.report()))));
    }
}
