package io.serviceaccountbot.tenant;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the organisation's service accounts live, and how they get a mailbox: Microsoft Entra ID with Exchange Online
 * (Graph; a licence brings the mailbox minutes later), or Active Directory with Exchange Server (New-Mailbox through
 * the runner; the mailbox exists at once). The people who chat with the bot and approve stay in Entra ID ({@link
 * Directory}) either way. Every method that changes something is safe to repeat; failures are {@link
 * TenantException}s.
 */
public interface AccountDirectory {

    /** The Entra ID accounts of {@code directory}: the organisation runs Exchange Online. */
    static AccountDirectory entra(Directory directory) {
        return new EntraAccounts(directory);
    }

    /** Where accounts are created, for the words of plans and reports: "Microsoft Entra ID", "Active Directory". */
    String name();

    /**
     * Whether an account needs a usage location and a Microsoft 365 licence with Exchange for its mailbox (Entra ID
     * with Exchange Online); on Exchange Server the mailbox comes with the account.
     */
    boolean licensed();

    /** The domains accounts may be created in, the default first where the organisation says which. */
    List<VerifiedDomain> domains();

    /** The account with this object id or user principal name. */
    Optional<DirectoryUser> findUser(String objectIdOrUpn);

    /** The account with this alias. */
    Optional<DirectoryUser> findUserByAlias(String alias);

    /** In one lookup where the directory allows, the accounts whose sign-in name or alias is one of these. */
    List<DirectoryUser> findUsersByUpnOrAlias(String userPrincipalName, String alias);

    /**
     * Creates the account (enabled, no forced password change, a password that never expires) unless one with that
     * user principal name exists, and returns it as the directory now has it.
     */
    DirectoryUser createUser(NewUser user);

    /**
     * Sets the account's password policies to exactly these; only {@link DirectoryUser#DISABLE_PASSWORD_EXPIRATION}
     * means something on every directory.
     */
    void setPasswordPolicies(String userId, Set<String> policies);

    /** Whether the account's mailbox exists yet. */
    MailboxStatus mailboxStatus(String userId);

    /**
     * Whether the mailbox of an account just read exists, where reading the account said so already (Active Directory:
     * Get-Mailbox rides with Get-User); else asked.
     */
    default MailboxStatus mailboxStatus(DirectoryUser justRead) {
        return mailboxStatus(justRead.id());
    }
}
