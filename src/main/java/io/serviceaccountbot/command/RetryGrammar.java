package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.Retry;

/** {@code retry <request id>}. */
final class RetryGrammar extends Grammar<Retry> {

    RetryGrammar() {
        super(
                Retry.class,
                Lead.all("retry|resume [the] [my] [request]"),
                Clauses.NONE,
                CommandSpec.draft("retry")
                        .syntax("retry <request id>")
                        .summary("Runs an approved request that failed again, from the step where it stopped, once"
                                + " you have fixed the cause.")
                        .examples("retry R-7K2Q")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest(
                                "Retry request",
                                "Run a failed request again from where it stopped, e.g. retry R-7K2Q"));
    }

    @Override
    Retry read(Lead.Match match) {
        Phrase.Slice id = match.rest().token().orElseThrow(() -> missing("the id of the request, such as R-7K2Q"));
        RequestId valid = Arguments.requestId(id.value());
        expectEnd(id.rest());
        return new Retry(valid);
    }

    @Override
    String render(Retry command) {
        return "retry " + command.id();
    }
}
