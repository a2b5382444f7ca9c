package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.approval.ApprovalEvent;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Decision;
import io.serviceaccountbot.chat.ApprovalCards;
import io.serviceaccountbot.chat.PeopleNames;
import io.serviceaccountbot.teams.UserText;
import java.util.Optional;

/**
 * What the requester is told when their request changes, in the conversation where they asked. The card shows the
 * rest; a cancellation is answered by the {@code cancel} command itself (only the requester can cancel), and the end of
 * the execution by the provisioning report.
 */
final class RequesterNotices {

    private RequesterNotices() {}

    static Optional<String> about(ApprovalEvent event, ApprovalRequest request) {
        String what = "**" + request.number() + "** (" + UserText.forMarkdown(ApprovalCards.asked(request)) + ")";
        if (event instanceof ApprovalEvent.Approved) {
            return Optional.of("✅ Your request " + what + " was approved by " + UserText.forMarkdown(approvers(request))
                    + " and is now being carried out. I'll post the report here when it is done.");
        }
        if (event instanceof ApprovalEvent.Rejected rejected) {
            return Optional.of("❌ Your request " + what + " was rejected by "
                    + UserText.forMarkdown(rejected.approver().name()) + ": "
                    + (rejected.reason() == null ? "no reason given" : UserText.forMarkdown(rejected.reason()))
                    + ". Nothing was changed.");
        }
        if (event instanceof ApprovalEvent.Expired) {
            return Optional.of("⌛ Your request " + what + " expired on " + ApprovalCards.when(request.expiresAt())
                    + " before enough approvers agreed, so nothing was changed. If you still need it, ask again: "
                    + UserText.forMarkdown(request.commandText()));
        }
        if (event instanceof ApprovalEvent.ApprovalGiven given) {
            return Optional.of("👍 " + UserText.forMarkdown(given.approver().name()) + " approved your request " + what
                    + " (" + given.approvals() + " of " + given.quorum() + " approvals).");
        }
        if (event instanceof ApprovalEvent.ApprovalWithdrawn withdrawn) {
            return Optional.of("↩️ " + UserText.forMarkdown(withdrawn.approver().name())
                    + "'s approval of your request " + what + " no longer counts ("
                    + UserText.forMarkdown(withdrawn.reason()) + "), so it waits for approval again.");
        }
        return Optional.empty();
    }

    private static String approvers(ApprovalRequest request) {
        return PeopleNames.join(request.decisions().stream()
                .filter(decision -> decision.verdict() == Decision.Verdict.APPROVE)
                .map(decision -> decision.approver().name())
                .toList());
    }
}
