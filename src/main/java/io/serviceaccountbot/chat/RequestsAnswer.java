package io.serviceaccountbot.chat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.RequestFilter;
import io.serviceaccountbot.teams.AdaptiveCards;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code requests [mine|pending|all]}: a compact card of the newest requests, one line each, and what to type to
 * decide a pending one. Reads only the stored requests, so it answers quickly however many are waiting.
 */
@Component
class RequestsAnswer implements CommandAnswer<Command.Requests> {

    /** Teams cards are limited in size; the list shows this many and says when there are more. */
    static final int SHOWN = 20;

    private final Approvals approvals;
    private final DirectoryPeople people;

    RequestsAnswer(Approvals approvals, DirectoryPeople people) {
        this.approvals = approvals;
        this.people = people;
    }

    @Override
    public Class<Command.Requests> commandType() {
        return Command.Requests.class;
    }

    @Override
    public BotMessage answer(Command.Requests command, Caller caller) {
        RequestFilter filter = command.filter();
        List<ApprovalRequest> found = approvals.list(filter, people.of(caller), SHOWN + 1);
        String title = switch (filter) {
            case MINE -> "Your requests";
            case PENDING -> "Requests waiting for a decision";
            case ALL -> "All requests";
        };
        if (found.isEmpty()) {
            return BotMessage.text(
                    switch (filter) {
                        case MINE -> "You have not asked for anything that needs approval.";
                        case PENDING -> "No request is waiting for a decision.";
                        case ALL -> "Nobody has asked for anything that needs approval yet.";
                    });
        }
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading(title));
        for (ApprovalRequest request : found.subList(0, Math.min(SHOWN, found.size()))) {
            body.add(AdaptiveCards.container(
                            AdaptiveCards.text("**" + request.number() + "** · "
                                    + UserText.forMarkdown(ApprovalCards.asked(request))),
                            AdaptiveCards.subtle(line(request)))
                    .put("spacing", "Small")
                    .put("separator", true));
        }
        if (found.size() > SHOWN) {
            body.add(AdaptiveCards.subtle("Showing the " + SHOWN + " newest.").put("spacing", "Medium"));
        }
        if (found.stream().anyMatch(request -> request.status() == RequestStatus.PENDING)) {
            body.add(AdaptiveCards.subtle("Approvers decide with approve ‹request id› or reject ‹request id› ‹reason›;"
                            + " the requester withdraws with cancel ‹request id›.")
                    .put("spacing", "Medium"));
        }
        return BotMessage.card(title, AdaptiveCards.card(body));
    }

    private static String line(ApprovalRequest request) {
        String status = request.status() == RequestStatus.PENDING
                ? "waiting for approval (" + request.approvals() + " of " + request.quorum() + "), expires "
                        + ApprovalCards.when(request.expiresAt())
                : request.status().inWords();
        return UserText.forMarkdown(request.requester().name()) + ": " + UserText.forMarkdown(request.justification())
                + " · " + status;
    }
}
