package io.serviceaccountbot.sandbox;

import java.util.Optional;

/**
 * What simulated Exchange needs to know of the simulated directory: which users have a mailbox (a mailbox exists
 * only once a licence with Exchange was assigned and the mailbox delay has passed).
 */
interface Recipients {

    /** The user with a ready mailbox whose alias, user principal name, display name or object id this is. */
    Optional<MailboxUser> mailboxUser(String identity);

    /**
     * A user with a mailbox.
     *
     * @param objectId the Entra object id
     * @param alias the alias (mailNickname)
     * @param userPrincipalName the sign-in name, also the primary SMTP address here
     * @param displayName the display name
     */
    record MailboxUser(String objectId, String alias, String userPrincipalName, String displayName) {}
}
