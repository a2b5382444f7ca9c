package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.sandbox.Recipients.MailboxUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Active Directory side of the simulated organisation, as Exchange Server sees it through the runner: the users
 * New-Mailbox created (each with its mailbox at once, as on premises), and which accounts' passwords never expire
 * (Set-ADUser -PasswordNeverExpires). It also renders a mailbox user the way Get-Mailbox, Get-User and Get-ADUser show
 * it. Not thread-safe: {@link SimulatedExchange} owns it and calls it under its own lock.
 */
final class ActiveDirectoryAccounts {

    /** sAMAccountName holds at most 20 characters; New-Mailbox cuts the alias to fit. */
    private static final int SAM_ACCOUNT_NAME_LENGTH = 20;

    private static final String DOMAIN_SID = "S-1-5-21-3623811015-3361044348-30300820";

    private final String domain;
    private final Map<String, SavedAccount> accounts = new LinkedHashMap<>();
    private final Set<String> neverExpire = new TreeSet<>();

    ActiveDirectoryAccounts(String domain) {
        this.domain = domain;
    }

    /**
     * A user New-Mailbox created.
     *
     * @param objectId its objectGUID
     * @param name its Name (the CN)
     * @param alias its Exchange alias
     * @param userPrincipalName its sign-in name
     * @param displayName its display name
     * @param organizationalUnit the OU it was created in, as given (canonical or distinguished name)
     */
    record SavedAccount(
            String objectId,
            String name,
            String alias,
            String userPrincipalName,
            String displayName,
            String organizationalUnit) {

        MailboxUser mailboxUser() {
            return new MailboxUser(objectId, alias, userPrincipalName, displayName);
        }
    }

    List<SavedAccount> saved() {
        return List.copyOf(accounts.values());
    }

    List<String> savedNeverExpire() {
        return List.copyOf(neverExpire);
    }

    void restore(List<SavedAccount> saved, List<String> passwordNeverExpires) {
        accounts.clear();
        neverExpire.clear();
        saved.forEach(account -> accounts.put(account.objectId(), account));
        passwordNeverExpires.forEach(id -> neverExpire.add(id.toLowerCase(Locale.ROOT)));
    }

    void add(SavedAccount account) {
        accounts.put(account.objectId(), account);
    }

    /** The created user whose object id, alias, user principal name, name or display name this is. */
    Optional<SavedAccount> find(String identity) {
        String wanted = SimulatedExchange.key(identity);
        return accounts.values().stream()
                .filter(account -> account.objectId().equals(wanted)
                        || SimulatedExchange.key(account.alias()).equals(wanted)
                        || SimulatedExchange.key(account.userPrincipalName()).equals(wanted)
                        || SimulatedExchange.key(account.name()).equals(wanted)
                        || SimulatedExchange.key(account.displayName()).equals(wanted))
                .findFirst();
    }

    /** Removes the created user of that identity ({@link #find}), as Remove-Mailbox does; the one removed. */
    Optional<SavedAccount> remove(String identity) {
        Optional<SavedAccount> found = find(identity);
        found.ifPresent(account -> {
            accounts.remove(account.objectId());
            neverExpire.remove(account.objectId().toLowerCase(Locale.ROOT));
        });
        return found;
    }

    Optional<SavedAccount> byObjectId(String objectId) {
        return Optional.ofNullable(accounts.get(objectId.toLowerCase(Locale.ROOT)));
    }

    boolean passwordNeverExpires(String objectId) {
        return neverExpire.contains(objectId.toLowerCase(Locale.ROOT));
    }

    void passwordNeverExpires(String objectId, boolean never) {
        if (never) {
            neverExpire.add(objectId.toLowerCase(Locale.ROOT));
        } else {
            neverExpire.remove(objectId.toLowerCase(Locale.ROOT));
        }
    }

    /** What New-Mailbox makes the sAMAccountName: the alias, cut to 20 characters. */
    static String samAccountName(String alias) {
        return alias.length() <= SAM_ACCOUNT_NAME_LENGTH ? alias : alias.substring(0, SAM_ACCOUNT_NAME_LENGTH);
    }

    /** Whether the password meets Active Directory's default policy: 7 characters, 3 of the 4 kinds. */
    static boolean complex(String password) {
        if (password == null || password.length() < 7) {
            return false;
        }
        int kinds = 0;
        kinds += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        kinds += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        return kinds >= 3;
    }

    /** The directory's distinguished name, e.g. {@code DC=example,DC=com}. */
    String domainDistinguishedName() {
        List<String> parts = new ArrayList<>();
        for (String label : domain.split("\\.")) {
            parts.add("DC=" + label);
        }
        return String.join(",", parts);
    }

    /** Get-Mailbox's output for a mailbox user. */
    Map<String, Object> mailboxRow(MailboxUser user, String distinguishedName) {
        Map<String, Object> row = new LinkedHashMap<>();
        String name = name(user);
        row.put("Name", name);
        row.put("Alias", user.alias());
        row.put("DisplayName", user.displayName());
        row.put("UserPrincipalName", user.userPrincipalName());
        row.put("SamAccountName", samAccountName(user.alias()));
        row.put("PrimarySmtpAddress", primaryAddress(user));
        row.put("EmailAddresses", List.of("SMTP:" + primaryAddress(user)));
        row.put("RecipientType", "UserMailbox");
        row.put("RecipientTypeDetails", "UserMailbox");
        row.put("OrganizationalUnit", organizationalUnit(user));
        row.put("DistinguishedName", distinguishedName);
        row.put("Identity", name);
        row.put("Guid", user.objectId());
        row.put("ExternalDirectoryObjectId", user.objectId());
        row.put("IsMailboxEnabled", true);
        row.put("HiddenFromAddressListsEnabled", false);
        return row;
    }

    /** Get-User's output for a mailbox user; UserAccountControl says whether the password expires. */
    Map<String, Object> userRow(MailboxUser user, String distinguishedName) {
        Map<String, Object> row = new LinkedHashMap<>();
        String name = name(user);
        row.put("Name", name);
        row.put("DisplayName", user.displayName());
        row.put("FirstName", "");
        row.put("LastName", "");
        row.put("UserPrincipalName", user.userPrincipalName());
        row.put("SamAccountName", samAccountName(user.alias()));
        row.put("WindowsEmailAddress", primaryAddress(user));
        row.put("RecipientType", "UserMailbox");
        row.put("RecipientTypeDetails", "UserMailbox");
        row.put(
                "UserAccountControl",
                passwordNeverExpires(user.objectId()) ? "NormalAccount, DontExpirePassword" : "NormalAccount");
        row.put("OrganizationalUnit", organizationalUnit(user));
        row.put("DistinguishedName", distinguishedName);
        row.put("Identity", name);
        row.put("Guid", user.objectId());
        row.put("IsValid", true);
        return row;
    }

    /**
     * Get-ADUser's output: its default properties, and those named in {@code -Properties} ({@code *} for all the
     * simulator knows: PasswordNeverExpires, DisplayName, EmailAddress).
     */
    Map<String, Object> adUserRow(MailboxUser user, String distinguishedName, List<String> properties) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("DistinguishedName", distinguishedName);
        row.put("Enabled", true);
        row.put("GivenName", null);
        row.put("Name", name(user));
        row.put("ObjectClass", "user");
        row.put("ObjectGUID", user.objectId());
        row.put("SamAccountName", samAccountName(user.alias()));
        row.put("SID", sid(user.objectId()));
        row.put("Surname", null);
        row.put("UserPrincipalName", user.userPrincipalName());
        for (String property : properties) {
            boolean all = property.equals("*");
            if (all || property.equalsIgnoreCase("PasswordNeverExpires")) {
                row.put("PasswordNeverExpires", passwordNeverExpires(user.objectId()));
            }
            if (all || property.equalsIgnoreCase("DisplayName")) {
                row.put("DisplayName", user.displayName());
            }
            if (all || property.equalsIgnoreCase("EmailAddress")) {
                row.put("EmailAddress", primaryAddress(user));
            }
            if (!all
                    && !Set.of("passwordneverexpires", "displayname", "emailaddress")
                            .contains(property.toLowerCase(Locale.ROOT))) {
                throw CmdletFailure.invalid(
                        "System.ArgumentException", "One or more properties are invalid.\nParameter name: " + property);
            }
        }
        return row;
    }

    /** Whether Get-ADUser -Identity names this user: its distinguished name, objectGUID, SID or sAMAccountName. */
    boolean adIdentityMatches(MailboxUser user, String distinguishedName, String identity) {
        String wanted = SimulatedExchange.key(identity);
        return SimulatedExchange.key(distinguishedName).equals(wanted)
                || user.objectId().equalsIgnoreCase(wanted)
                || SimulatedExchange.key(sid(user.objectId())).equals(wanted)
                || SimulatedExchange.key(samAccountName(user.alias())).equals(wanted);
    }

    /** Get-ADUser's failure for an identity that names no user. */
    CmdletFailure identityNotFound(String identity) {
        return new CmdletFailure(
                org.springframework.http.HttpStatus.NOT_FOUND,
                "Microsoft.ActiveDirectory.Management.ADIdentityNotFoundException",
                "Cannot find an object with identity: '" + identity + "' under: '" + domainDistinguishedName() + "'.");
    }

    /**
     * The user's primary SMTP address: for a user New-Mailbox made, its alias at the organisation's domain (the email
     * address policy's); for a user of the directory, its user principal name, as the simulated Exchange Online has
     * always shown it.
     */
    String primaryAddress(MailboxUser user) {
        return byObjectId(user.objectId()).isPresent() ? user.alias() + "@" + domain : user.userPrincipalName();
    }

    /** The user's Name: what New-Mailbox was given, or a directory user's alias. */
    String name(MailboxUser user) {
        return byObjectId(user.objectId()).map(SavedAccount::name).orElse(user.alias());
    }

    private String organizationalUnit(MailboxUser user) {
        return byObjectId(user.objectId())
                .map(SavedAccount::organizationalUnit)
                .filter(ou -> ou != null && !ou.isBlank())
                .orElse(domain + "/Users");
    }

    /** A stable SID in the simulated domain, its relative id drawn from the object id. */
    private static String sid(String objectId) {
        int rid = 1100 + Math.floorMod(objectId.toLowerCase(Locale.ROOT).hashCode(), 900_000);
        return DOMAIN_SID + "-" + rid;
    }
}
