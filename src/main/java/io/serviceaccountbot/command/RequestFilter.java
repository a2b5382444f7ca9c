package io.serviceaccountbot.command;

import java.util.Locale;

/** Which approval requests {@code requests} lists. */
public enum RequestFilter {
    /** Requests I made. */
    MINE,
    /** Requests still waiting for a decision (the default). */
    PENDING,
    /** Every request. */
    ALL;

    /** The word that selects this filter in a command, e.g. "mine". */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
