package io.serviceaccountbot.provisioning;

import io.serviceaccountbot.retry.Backoff;
import java.time.Clock;
import java.time.Duration;

/**
 * Waits for Exchange to create a new account's mailbox: asks the directory, then again after a growing pause (about
 * a second, doubling, at most a minute), until the mailbox is there or the configured limit has passed.
 */
final class MailboxWait {

    private static final Backoff PAUSES = new Backoff(
            Duration.ofSeconds(1),
            Duration.ofMinutes(1),
            Backoff.Jitter.EQUAL,
            Backoff.ServerAsk.AT_LEAST,
            Clock.systemUTC());

    private final Directory directory;
    private final Duration limit;
    private final StepRetry.Sleeper sleeper;

    MailboxWait(Directory directory, Duration limit, StepRetry.Sleeper sleeper) {
        this.directory = directory;
        this.limit = limit;
        this.sleeper = sleeper;
    }

    /** Words for the plan, e.g. "Wait up to 30 minutes for Exchange to create the mailbox". */
    String words() {
        return "Wait up to " + Durations.inWords(limit) + " for Exchange to create the mailbox";
    }

    StepOutcome await(DirectoryUser user) {
        long started = System.nanoTime();
        for (int check = 1; ; check++) {
            if (directory.mailboxStatus(user.id()) == MailboxStatus.READY) {
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                return StepOutcome.done(
                        check == 1
                                ? "The mailbox of " + user.userPrincipalName() + " is ready"
                                : "The mailbox of " + user.userPrincipalName() + " is ready, after "
                                        + Durations.inWords(waited));
            }
            Duration left = limit.minusNanos(System.nanoTime() - started);
            if (left.isNegative() || left.isZero()) {
                return StepOutcome.failed(
                        "Exchange has not created the mailbox of " + user.userPrincipalName() + " within "
                                + Durations.inWords(limit),
                        "Exchange sometimes needs longer. Type verify " + user.mailNickname()
                                + " to check on it; once the mailbox is there, ask again: every step done so far is"
                                + " kept.");
            }
            Duration pause = PAUSES.pauseBefore(check, null).orWaitTheCap();
            try {
                sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return StepOutcome.failed(
                        "The bot was stopped while waiting for the mailbox of " + user.userPrincipalName(),
                        "Ask again once the bot is running; every step done so far is kept.");
            }
        }
    }
}
