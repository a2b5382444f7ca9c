package io.serviceaccountbot.command;

/**
 * Stops reading a command as soon as an argument is wrong. Internal to the package: {@link Grammar} turns it into a
 * {@link ParseResult.Rejected}, so it never reaches a caller. It carries no stack trace; it is a result, not a fault.
 */
final class Rejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ParseError error;

    Rejection(ParseError error) {
        super(null, null, false, false);
        this.error = error;
    }

    ParseError error() {
        return error;
    }
}
