package io.serviceaccountbot.command;

import java.util.Objects;

/**
 * Writes a command back as the text that would produce it, e.g. to prefill a suggested command on a card or to show
 * what a {@code plan} would run. For every command c, {@code CommandParser.parse(CommandText.of(c))} gives c back.
 */
public final class CommandText {

    private CommandText() {}

    /** The canonical text of {@code command}. */
    public static String of(Command command) {
        Objects.requireNonNull(command, "command");
        return CommandCatalog.standard().specFor(command).grammar().renderCommand(command);
    }
}
