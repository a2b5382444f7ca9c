package io.serviceaccountbot.command;

/** Privileged commands for tests, written as an admin would type them. */
public final class PrivilegedCommands {

    private PrivilegedCommands() {}

    /** The privileged command {@code text} parses to; fails the test when it is anything else. */
    public static Command.Privileged parse(String text) {
        if (CommandParser.parse(text) instanceof ParseResult.Parsed parsed
                && parsed.command() instanceof Command.Privileged privileged) {
            return privileged;
        }
        throw new AssertionError("not a privileged command: " + text + " (" + CommandParser.parse(text) + ")");
    }
}
