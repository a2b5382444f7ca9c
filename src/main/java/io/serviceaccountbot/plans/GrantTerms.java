package io.serviceaccountbot.plans;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.GrantDuration;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How long a grant of mailbox access lasts, and whether it may last that long here: the command's {@code for <n>
 * days|hours}, or {@code bot.governance.default-grant} filled in when it says nothing; at most {@code
 * bot.governance.max-grant}; minutes only in the sandbox, where a grant that ends while you watch is worth trying.
 */
public final class GrantTerms {

    private final GrantProperties properties;
    private final boolean sandbox;

    public GrantTerms(GrantProperties properties, boolean sandbox) {
        this.properties = properties;
        this.sandbox = sandbox;
    }

    /** How long the grant lasts after its plan has run, as it was approved; empty for until it is revoked. */
    public Optional<Duration> lasting(Command.TimeBound grant) {
        return grant.duration().map(GrantDuration::duration);
    }

    /**
     * The command as it is asked for: a grant that says nothing of how long it lasts gets {@code
     * bot.governance.default-grant}, so that approvers read, and the request keeps, the end it will have.
     */
    Command.Privileged withDefault(Command.Privileged command) {
        if (properties.defaultGrant() == null
                || !(command instanceof Command.TimeBound grant)
                || grant.duration().isPresent()) {
            return command;
        }
        return grant.lasting(Optional.of(asGrantDuration(properties.defaultGrant())));
    }

    /** Why the grant may not last as asked, in words, or empty when it may. */
    Optional<String> refusal(Command.TimeBound grant) {
        if (grant.duration().isEmpty()) {
            return Optional.empty();
        }
        GrantDuration asked = grant.duration().get();
        if (asked.unit() == ChronoUnit.MINUTES && !sandbox) {
            return Optional.of("A grant lasts days or hours here; minutes are for trying it out in the sandbox.");
        }
        if (asked.duration().compareTo(properties.maxGrant()) > 0) {
            return Optional.of("A grant may last at most " + words(properties.maxGrant()) + " here (the bot's setting"
                    + " bot.governance.max-grant), and " + asked.words() + " is longer. Ask for "
                    + words(properties.maxGrant()) + " or less; it can be extended before it ends.");
        }
        return Optional.empty();
    }

    /** A duration as the admin would write it: whole days, else whole hours, else minutes. */
    public static String words(Duration duration) {
        return asGrantDuration(duration).words();
    }

    private static GrantDuration asGrantDuration(Duration duration) {
        if (duration.toMinutes() % (24 * 60) == 0 && duration.toDays() > 0) {
            return new GrantDuration(duration.toDays(), ChronoUnit.DAYS);
        }
        if (duration.toMinutes() % 60 == 0 && duration.toHours() > 0) {
            return new GrantDuration(duration.toHours(), ChronoUnit.HOURS);
        }
        return new GrantDuration(Math.max(1, duration.toMinutes()), ChronoUnit.MINUTES);
    }
}
