package io.serviceaccountbot.command;

import java.util.Objects;
import java.util.Optional;

/**
 * Canonical free text (justifications, comments, reasons, display names): normalised like input, so that a command
 * equals what its text parses back to.
 */
final class FreeText {

    private FreeText() {}

    /** Required text: normalised, and not blank. */
    static String required(String text, String what) {
        Objects.requireNonNull(text, what);
        String canonical = InputText.normalise(text);
        if (canonical.isEmpty()) {
            throw new IllegalArgumentException(what + " can't be blank");
        }
        return canonical;
    }

    /** Optional text: normalised; blank becomes empty. */
    static Optional<String> optional(Optional<String> text, String what) {
        Objects.requireNonNull(text, what);
        return text.map(InputText::normalise).filter(value -> !value.isEmpty());
    }
}
