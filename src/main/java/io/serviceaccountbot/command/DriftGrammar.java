package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.Drift;

/** {@code drift}, also "show drift", "what drifted". */
final class DriftGrammar extends Grammar<Drift> {

    DriftGrammar() {
        super(
                Drift.class,
                Lead.all("[show|list] [the] drift|drifts", "what [has] drifted", "show [the] drifted grants"),
                Clauses.NONE,
                CommandSpec.draft("drift")
                        .syntax("drift")
                        .summary("Checks every grant the bot made against the tenant now and lists those that differ"
                                + " from what was approved; changes nothing.")
                        .examples("drift")
                        .allowedTo(Role.PROVISIONING_ADMIN, Role.APPROVER)
                        .manifest("Drift", "List grants that differ from what was approved, e.g. drift"));
    }

    @Override
    Drift read(Lead.Match match) {
        expectEnd(match.rest());
        return new Drift();
    }

    @Override
    String render(Drift command) {
        return "drift";
    }
}
