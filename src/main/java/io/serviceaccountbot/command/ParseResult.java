package io.serviceaccountbot.command;

import java.util.Objects;

/** What {@link CommandParser#parse(String)} made of a message: a command, or an error to show the admin. */
public sealed interface ParseResult {

    /** The message was understood. */
    record Parsed(Command command) implements ParseResult {

        public Parsed {
            Objects.requireNonNull(command, "command");
        }
    }

    /** The message was not understood; {@code error.message()} says why, in words for the admin. */
    record Rejected(ParseError error) implements ParseResult {

        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }
}
