package io.serviceaccountbot.tenant;

import java.time.Duration;

/** Makes accounts with a ready mailbox in the simulated tenant, through the directory port, as an admin would. */
public final class MailboxAccounts {

    private final Directory directory;

    public MailboxAccounts(Directory directory) {
        this.directory = directory;
    }

    /** alias@example.com, licensed with E1, once its mailbox is ready (the tests' sandbox makes it in a second). */
    public DirectoryUser withMailbox(String alias) {
        DirectoryUser user = directory.createUser(new NewUser(
                alias, "Test " + alias, alias + "@example.com", "US", Secret.of("Test-Passw0rd-For-" + alias)));
        directory.assignLicense(user.id(), "STANDARDPACK");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (directory.mailboxStatus(user.id()) != MailboxStatus.READY) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no mailbox for " + alias);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return directory.findUser(user.id()).orElseThrow();
    }
}
