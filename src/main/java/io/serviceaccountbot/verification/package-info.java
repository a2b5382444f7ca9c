/**
 * The checks that tell whether a service account really works, and the report that says, line by line, what passes,
 * what fails and how to fix it. Checks ask the tenant itself (through the ports of {@code tenant}), so an account is
 * verified whether or not this bot provisioned it. A verification against a mailbox asked while the account's own
 * mailbox is still being made runs again once it is there ({@link io.serviceaccountbot.verification.MailboxFollowUps}),
 * a durable job on the application's scheduler.
 */
package io.serviceaccountbot.verification;
