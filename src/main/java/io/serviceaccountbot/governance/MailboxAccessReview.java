package io.serviceaccountbot.governance;

import java.util.List;

/**
 * Who can read other people's mailboxes, as {@code review mailbox access} found it.
 *
 * @param findings one line per holder, in the order of {@link Kind}
 * @param unread what could not be read, and why, in words; the findings are then incomplete
 * @param notes what the reader should know about what is not listed (e.g. a role this Exchange does not have)
 */
public record MailboxAccessReview(List<Finding> findings, List<String> unread, List<String> notes) {

    public MailboxAccessReview {
        findings = List.copyOf(findings);
        unread = List.copyOf(unread);
        notes = List.copyOf(notes);
    }

    /** The kinds of access the sweep looks for, in the order it lists them. */
    public enum Kind {
        /** An account holding ApplicationImpersonation (Exchange Server): it can act as any mailbox user. */
        IMPERSONATION,
        /** An app holding application permissions that reach every mailbox, granted tenant-wide at admin consent. */
        TENANT_WIDE,
        /** An app holding an application role of RBAC for Applications (Exchange Online), with its scope. */
        APPLICATION_ROLE,
        /** An app holding Exchange Web Services' full access, which Exchange Online is switching off. */
        EWS
    }

    /**
     * One holder of mailbox access.
     *
     * @param kind what sort of access
     * @param holder who holds it: an account's sign-in name, or an app's name and app id
     * @param access what it holds and through what, in words
     * @param since when it was granted, as the tenant says (an ISO date), or null when it does not say
     * @param narrowWith the bot command that narrows it, or null when no command of the bot does
     * @param advice what else to do about it, or null
     */
    public record Finding(Kind kind, String holder, String access, String since, String narrowWith, String advice) {}
}
