package io.serviceaccountbot.verification;

/**
 * A verification asked for while the account's mailbox was still coming has run now.
 *
 * @param replyTo where it was asked, as the asker named it
 * @param report the report
 * @param mailboxStillMissing whether it ran because the wait was over although the mailbox had not come
 */
public record FollowUpVerified(String replyTo, VerificationReport report, boolean mailboxStillMissing) {}
