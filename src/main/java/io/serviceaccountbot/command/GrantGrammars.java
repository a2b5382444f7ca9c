package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Clauses.Clause;
import java.util.Optional;

/** What the commands that grant mailbox access share: how long the grant lasts. */
final class GrantGrammars {

    /** {@code for 30 days}, {@code for 12 hours}, {@code for 2 minutes}: the bot revokes the grant then. */
    static final Clause DURATION = Clause.slotted(
            "duration",
            "a number of days or hours after 'for', e.g. for 30 days",
            "for|lasting # day|days",
            "for|lasting # hour|hours",
            "for|lasting # minute|minutes");

    private GrantGrammars() {}

    static String lasting(Optional<GrantDuration> duration) {
        return duration.map(lasting -> " for " + lasting.words()).orElse("");
    }
}
