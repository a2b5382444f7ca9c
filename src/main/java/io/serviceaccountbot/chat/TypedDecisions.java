package io.serviceaccountbot.chat;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.Decision;
import io.serviceaccountbot.approval.DecisionResult;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.approval.RequestChangedConcurrently;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import org.springframework.stereotype.Component;

/**
 * {@code approve R-…} and {@code reject R-… <reason>} typed in chat: the same rules as the buttons on the card (the
 * typed command carries no card version, so it always decides the request as it stands).
 */
final class TypedDecisions {

    private TypedDecisions() {}

    static BotMessage decide(
            Approvals approvals, RequestId number, Person decider, Decision.Verdict verdict, String comment) {
        DecisionResult result;
        try {
            result = approvals.decide(number, decider, verdict, comment, null);
        } catch (RequestChangedConcurrently e) {
            return BotMessage.text("Request " + number + " was being changed by someone else at the same moment, so"
                    + " your decision was not recorded. Please try again.");
        }
        String message = UserText.forMarkdown(result.message());
        return BotMessage.text(
                switch (result.kind()) {
                    case RECORDED -> message;
                    case NOT_FOUND ->
                        message + " Type **requests pending** to see the requests waiting for a decision.";
                    case REFUSED, ALREADY_DECIDED, STALE_CARD -> message + " Nothing was changed.";
                });
    }

    /** {@code approve <request id> [comment]}. */
    @Component
    static class ApproveAnswer implements CommandAnswer<Command.Approve> {

        private final Approvals approvals;
        private final DirectoryPeople people;

        ApproveAnswer(Approvals approvals, DirectoryPeople people) {
            this.approvals = approvals;
            this.people = people;
        }

        @Override
        public Class<Command.Approve> commandType() {
            return Command.Approve.class;
        }

        @Override
        public BotMessage answer(Command.Approve command, Caller caller) {
            return decide(
                    approvals,
                    command.id(),
                    people.of(caller),
                    Decision.Verdict.APPROVE,
                    command.comment().orElse(null));
        }
    }

    /** {@code reject <request id> <reason>}. */
    @Component
    static class RejectAnswer implements CommandAnswer<Command.Reject> {

        private final Approvals approvals;
        private final DirectoryPeople people;

        RejectAnswer(Approvals approvals, DirectoryPeople people) {
            this.approvals = approvals;
            this.people = people;
        }

        @Override
        public Class<Command.Reject> commandType() {
            return Command.Reject.class;
        }

        @Override
        public BotMessage answer(Command.Reject command, Caller caller) {
            return decide(approvals, command.id(), people.of(caller), Decision.Verdict.REJECT, command.reason());
        }
    }
}
