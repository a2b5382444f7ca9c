package io.serviceaccountbot.tenant;

/** Whether a user's mailbox exists yet: Exchange creates it some minutes after an Exchange licence is assigned. */
public enum MailboxStatus {
    /** The mailbox exists. */
    READY,
    /** Graph answers {@code MailboxNotEnabledForRESTAPI}: no mailbox (yet). */
    NOT_PROVISIONED
}
