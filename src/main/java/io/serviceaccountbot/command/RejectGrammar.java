package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.Reject;
import java.util.Set;

/** {@code reject <request id> <reason>}; the reason is required. */
final class RejectGrammar extends Grammar<Reject> {

    /** Words people put before a reason, which are not part of it. */
    private static final Set<String> REASON_FILLERS = Set.of("because", "reason", "reason:", ":", "-");

    RejectGrammar() {
        super(
                Reject.class,
                Lead.all("reject|deny|decline|refuse [the] [request]"),
                Clauses.NONE,
                CommandSpec.draft("reject")
                        .syntax("reject <request id> <reason>")
                        .summary("Rejects a pending request; the reason is required and is shown to the requester.")
                        .examples("reject R-7K2Q not approved by the mailbox owner")
                        .allowedTo(Role.APPROVER)
                        .manifest(
                                "Reject request",
                                "Reject a pending request with a reason, e.g. reject R-7K2Q not approved by the"
                                        + " owner"));
    }

    @Override
    Reject read(Lead.Match match) {
        Phrase.Slice id = match.rest().token().orElseThrow(() -> missing("the id of the request and a reason"));
        RequestId valid = Arguments.requestId(id.value());
        String reason = id.rest().skip(REASON_FILLERS).restValue();
        if (reason.isBlank()) {
            throw missing("a reason");
        }
        return new Reject(valid, reason);
    }

    @Override
    String render(Reject command) {
        return "reject " + command.id() + " " + Quoting.freeText(command.reason(), REASON_FILLERS);
    }
}
