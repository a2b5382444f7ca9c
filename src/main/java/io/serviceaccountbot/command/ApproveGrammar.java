package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.Approve;
import java.util.Optional;
import java.util.Set;

/** {@code approve <request id> [comment]}. */
final class ApproveGrammar extends Grammar<Approve> {

    ApproveGrammar() {
        super(
                Approve.class,
                Lead.all("approve|accept [the] [request]"),
                Clauses.NONE,
                CommandSpec.draft("approve")
                        .syntax("approve <request id> [comment]")
                        .summary("Approves a pending request; a comment is optional.")
                        .examples("approve R-7K2Q", "approve R-7K2Q checked with the mailbox owner")
                        .allowedTo(Role.APPROVER)
                        .manifest("Approve request", "Approve a pending request, e.g. approve R-7K2Q looks good"));
    }

    @Override
    Approve read(Lead.Match match) {
        Phrase.Slice id = match.rest().token().orElseThrow(() -> missing("the id of the request, such as R-7K2Q"));
        RequestId valid = Arguments.requestId(id.value());
        String comment = id.rest().restValue();
        return new Approve(valid, comment.isBlank() ? Optional.empty() : Optional.of(comment));
    }

    @Override
    String render(Approve command) {
        return "approve " + command.id()
                + command.comment()
                        .map(text -> " " + Quoting.freeText(text, Set.of()))
                        .orElse("");
    }
}
