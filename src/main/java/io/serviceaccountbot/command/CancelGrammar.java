package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.Cancel;

/** {@code cancel <request id>}. */
final class CancelGrammar extends Grammar<Cancel> {

    CancelGrammar() {
        super(
                Cancel.class,
                Lead.all("cancel|withdraw [the] [my] [request]"),
                Clauses.NONE,
                CommandSpec.draft("cancel")
                        .syntax("cancel <request id>")
                        .summary(
                                "Withdraws a request you made that is still waiting for approval, or abandons one of yours"
                                        + " that failed.")
                        .examples("cancel R-7K2Q")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest(
                                "Cancel request",
                                "Withdraw a request of yours that is still pending, e.g. cancel R-7K2Q"));
    }

    @Override
    Cancel read(Lead.Match match) {
        Phrase.Slice id = match.rest().token().orElseThrow(() -> missing("the id of the request, such as R-7K2Q"));
        RequestId valid = Arguments.requestId(id.value());
        expectEnd(id.rest());
        return new Cancel(valid);
    }

    @Override
    String render(Cancel command) {
        return "cancel " + command.id();
    }
}
