package io.serviceaccountbot.command;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a message was not understood, with a {@link #message()} written for a Teams admin: what went wrong and an
 * example that works. Messages never contain exception text, and echo at most {@value #ECHO_LIMIT} characters of what
 * was typed.
 */
public sealed interface ParseError {

    /** The most characters of the admin's own text a message repeats. */
    int ECHO_LIMIT = 60;

    /** The message to show in Teams. */
    String message();

    /** Nothing was typed, or only pleasantries. */
    record Empty() implements ParseError {

        @Override
        public String message() {
            return "Type help to see what I can do.";
        }
    }

    /** The message was longer than {@link CommandParser#MAX_LENGTH} characters. */
    record TooLong(int length) implements ParseError {

        @Override
        public String message() {
            return String.format(
                    Locale.ROOT,
                    "That message is %,d characters long; I only read commands of up to %,d characters."
                            + " Type help to see what I can do.",
                    length,
                    CommandParser.MAX_LENGTH);
        }
    }

    /**
     * The message holds a character that does not show but would change what was typed, e.g. a zero-width space
     * inside an alias.
     *
     * @param character the character's code point and name, e.g. "U+200B ZERO WIDTH SPACE"
     * @param after the visible word right before it, or empty when it comes first
     */
    record InvisibleCharacter(String character, String after) implements ParseError {

        @Override
        public String message() {
            String where = after.isEmpty() ? " at the start" : " after '" + echo(after) + "'";
            return "Your message contains an invisible character (" + character + ")" + where
                    + "; retype it without it. I read nothing else in it, so nothing was done.";
        }
    }

    /** No command starts like that; {@code nearest} is the command it most resembles, if any is close. */
    record UnknownCommand(String text, Optional<CommandSpec> nearest) implements ParseError {

        public UnknownCommand {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(nearest, "nearest");
        }

        @Override
        public String message() {
            String opening = "I don't know '" + echo(text) + "'.";
            return nearest.map(spec -> opening + " Did you mean " + spec.keyword() + "? For example: "
                            + spec.examples().get(0))
                    .orElse(opening + " Type help to see what I can do.");
        }
    }

    /**
     * A value breaks a rule.
     *
     * @param what what the value is, e.g. "alias"
     * @param value the value as typed
     * @param rule the broken rule in plain words, e.g. "an alias can be at most 64 characters long"
     * @param example a value that works
     */
    record InvalidArgument(String what, String value, String rule, String example) implements ParseError {

        @Override
        public String message() {
            return "'" + echo(value) + "' is not a valid " + what + ": " + rule + ". For example: " + example;
        }
    }

    /** The command was recognised but something it needs is missing, e.g. a reason for reject. */
    record Incomplete(CommandSpec spec, String missing) implements ParseError {

        @Override
        public String message() {
            return spec.keyword() + " needs " + missing + ". For example: "
                    + spec.examples().get(0);
        }
    }

    /** The command was recognised but words follow that it does not take. */
    record UnexpectedText(CommandSpec spec, String text) implements ParseError {

        @Override
        public String message() {
            return "I understood " + spec.keyword() + ", but not '" + echo(text) + "'. For example: "
                    + spec.examples().get(spec.examples().size() - 1);
        }
    }

    /** A safety net that should never be seen: the parser failed in a way it did not expect. */
    record Unreadable() implements ParseError {

        @Override
        public String message() {
            return "Sorry, I couldn't read that. Type help to see what I can do.";
        }
    }

    /** At most {@link #ECHO_LIMIT} characters of {@code text}, never splitting a character, with … if cut. */
    private static String echo(String text) {
        if (text.codePointCount(0, text.length()) <= ECHO_LIMIT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, ECHO_LIMIT)) + "…";
    }
}
