package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.Help;
import java.util.Optional;
import java.util.Set;

/** {@code help [<command>]}, and "what can you do". */
final class HelpGrammar extends Grammar<Help> {

    private static final Set<String> TOPIC_FILLERS = Set.of("me", "with", "on", "about", "for");

    HelpGrammar() {
        super(
                Help.class,
                Lead.all("help [me] [with|on|about|for]", "what can you do", "[show|list] [all] commands"),
                Clauses.NONE,
                CommandSpec.draft("help")
                        .syntax("help [<command>]")
                        .summary("Lists what I can do, or explains one command.")
                        .examples("help", "help grant")
                        .allowedToEveryone()
                        .manifest("Help", "See every command with an example. help <command> explains one command."));
    }

    @Override
    Help read(Lead.Match match) {
        if (match.lead() != 0) {
            expectEnd(match.rest());
            return new Help(Optional.empty());
        }
        return new Help(Optional.of(match.rest().restValue()));
    }

    @Override
    String render(Help help) {
        return help.topic()
                .map(topic -> "help " + Quoting.freeText(topic, TOPIC_FILLERS))
                .orElse("help");
    }
}
