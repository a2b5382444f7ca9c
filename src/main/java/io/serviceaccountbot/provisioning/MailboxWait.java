package io.serviceaccountbot.provisioning;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Waiting for Exchange to create an account's mailbox, up to {@code bot.provisioning.mailbox-wait}: the account must
 * be there, enabled and licensed for Exchange (waiting cures none of these), and then the mailbox comes when Exchange
 * has made it, usually within minutes. Each check is one read of the directory; the plan holds no thread in between
 * ({@link TenantWait}).
 */
final class MailboxWait {

    private final AccountDirectory directory;
    private final Duration limit;

    MailboxWait(AccountDirectory directory, Duration limit) {
        this.directory = directory;
        this.limit = limit;
    }

    /** Words for the plan, e.g. "Wait up to 30 minutes for Exchange to create the mailbox". */
    String words() {
        return "Wait up to " + Durations.inWords(limit) + " for Exchange to create the mailbox";
    }

    /** Words for a plan on an account that exists, e.g. when granting it impersonation. */
    String wordsFor(String upn) {
        return "Check that " + upn + " is enabled and has a mailbox, waiting up to " + Durations.inWords(limit)
                + " for Exchange to create it";
    }

    /** The wait for the mailbox of an account this plan has just created or licensed. */
    TenantWait forNewAccount(Supplier<DirectoryUser> account) {
        return new Waiting(account, this::mailboxReady);
    }

    /** The wait for the mailbox of an account that exists: it must still be there, enabled and licensed. */
    TenantWait forExistingAccount(DirectoryUser account) {
        return new Waiting(() -> account, this::accountReady);
    }

    private Optional<StepOutcome> mailboxReady(DirectoryUser user, Duration waited) {
        if (directory.mailboxStatus(user.id()) != MailboxStatus.READY) {
            return Optional.empty();
        }
        return Optional.of(
                StepOutcome.done("The mailbox of " + user.userPrincipalName() + " is ready" + after(waited)));
    }

    private Optional<StepOutcome> accountReady(DirectoryUser known, Duration waited) {
        DirectoryUser now = directory.findUser(known.id()).orElse(null);
        if (now == null) {
            return Optional.of(StepOutcome.failed(
                    known.userPrincipalName() + " is no longer in the directory", "Check the name and ask again."));
        }
        if (!now.accountEnabled()) {
            return Optional.of(StepOutcome.failed(
                    now.userPrincipalName() + " is disabled",
                    "Enable it in the Microsoft 365 admin center (Users > Active users), then ask again."));
        }
        if (directory.mailboxStatus(now.id()) == MailboxStatus.READY) {
            return Optional.of(
                    StepOutcome.done(now.userPrincipalName() + " is enabled and has a mailbox" + after(waited)));
        }
        if (!now.exchangePlanEnabled()) {
            return Optional.of(StepOutcome.failed(
                    now.userPrincipalName() + " has no mailbox and no licence with Exchange, and Exchange only lets"
                            + " mailboxes into its groups",
                    "Assign a licence with Exchange (Office 365 E1 or above), then ask again; the plan waits for the"
                            + " mailbox."));
        }
        return Optional.empty();
    }

    private static String after(Duration waited) {
        return waited.compareTo(Duration.ofSeconds(1)) >= 0
                ? ", after waiting " + Durations.inWords(waited) + " for Exchange"
                : "";
    }

    /** One account's wait, with the check that says whether it is over. */
    private final class Waiting implements TenantWait {
        private final Supplier<DirectoryUser> account;
        private final BiFunction<DirectoryUser, Duration, Optional<StepOutcome>> check;

        Waiting(Supplier<DirectoryUser> account, BiFunction<DirectoryUser, Duration, Optional<StepOutcome>> check) {
            this.account = account;
            this.check = check;
        }

        @Override
        public Optional<StepOutcome> check(Duration waited) {
            return check.apply(account.get(), waited);
        }

        @Override
        public Duration limit() {
            return limit;
        }

        @Override
        public StepOutcome gaveUp() {
            DirectoryUser user = account.get();
            return StepOutcome.failed(
                    "Exchange has not created the mailbox of " + user.userPrincipalName() + " within "
                            + Durations.inWords(limit),
                    "Exchange sometimes needs longer. Type verify " + user.mailNickname()
                            + " to check on it; once the mailbox is there, ask again: every step done so far is kept.");
        }
    }
}
