package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.WhoAmI;

/** {@code whoami}, also "who am I". */
final class WhoAmIGrammar extends Grammar<WhoAmI> {

    WhoAmIGrammar() {
        super(
                WhoAmI.class,
                Lead.all("whoami", "who am i"),
                Clauses.NONE,
                CommandSpec.draft("whoami")
                        .syntax("whoami")
                        .summary("Shows who I think you are and which commands you may run.")
                        .examples("whoami")
                        .allowedToEveryone()
                        .manifest("Who am I", "Show who I think you are and which commands you may run"));
    }

    @Override
    WhoAmI read(Lead.Match match) {
        expectEnd(match.rest());
        return new WhoAmI();
    }

    @Override
    String render(WhoAmI command) {
        return "whoami";
    }
}
