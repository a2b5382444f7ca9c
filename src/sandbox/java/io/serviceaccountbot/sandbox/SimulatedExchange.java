package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.sandbox.Recipients.MailboxUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The simulated Exchange organisation's recipients: users with a ready mailbox (asked of {@link Recipients}), the
 * users New-Mailbox made through the Exchange Server runner ({@link ActiveDirectoryAccounts}), and the mail-enabled
 * groups made with New-DistributionGroup. Exchange's rules apply: group names and addresses are unique,
 * and only mail-enabled recipients can be members. Role groups ({@link SimulatedRoleGroups}) reserve their names here
 * too, because Exchange keeps both kinds of group in the same place. Thread-safe: every operation holds this object's
 * lock, and this class calls no other simulated service.
 */
final class SimulatedExchange {

    private final Recipients recipients;
    private final String domain;
    private final ActiveDirectoryAccounts accounts;
    private final Map<String, MailGroup> groups = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();

    SimulatedExchange(Recipients recipients, String domain) {
        this.recipients = recipients;
        this.domain = domain;
        this.accounts = new ActiveDirectoryAccounts(domain);
    }

    /**
     * The organisation's mail-enabled groups and the names taken, as saved and restored.
     *
     * @param groups the groups made with New-DistributionGroup
     * @param names the names taken by any kind of group, role groups included
     * @param mailboxes the users New-Mailbox made (none in a file written before the runner existed)
     * @param passwordNeverExpires the object ids of the users whose password never expires (Set-ADUser)
     */
    record Saved(
            List<SavedGroup> groups,
            List<String> names,
            List<ActiveDirectoryAccounts.SavedAccount> mailboxes,
            List<String> passwordNeverExpires) {

        Saved {
            groups = List.copyOf(groups);
            names = List.copyOf(names);
            mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
            passwordNeverExpires = passwordNeverExpires == null ? List.of() : List.copyOf(passwordNeverExpires);
        }

        Saved(List<SavedGroup> groups, List<String> names) {
            this(groups, names, List.of(), List.of());
        }

        static Saved empty() {
            return new Saved(List.of(), List.of());
        }

        /** An organisation that holds these mail-enabled security groups of the seed, and nothing else. */
        static Saved seeded(List<TenantSeed.SeedMailGroup> groups) {
            return new Saved(
                    groups.stream()
                            .map(group -> new SavedGroup(
                                    group.id().toLowerCase(Locale.ROOT),
                                    group.name(),
                                    group.alias(),
                                    true,
                                    group.members().stream()
                                            .map(id -> "user:" + id.toLowerCase(Locale.ROOT))
                                            .toList()))
                            .toList(),
                    groups.stream()
                            .map(group -> group.name().toLowerCase(Locale.ROOT))
                            .toList());
        }
    }

    /** A mail-enabled group as saved; its members are recipient keys ({@code user:<id>}, {@code group:<id>}). */
    record SavedGroup(String id, String name, String alias, boolean security, List<String> members) {}

    synchronized Saved saved() {
        return new Saved(
                groups.values().stream()
                        .map(group -> new SavedGroup(
                                group.id, group.name, group.alias, group.security, List.copyOf(group.members)))
                        .toList(),
                List.copyOf(names),
                accounts.saved(),
                accounts.savedNeverExpire());
    }

    synchronized void restore(Saved saved) {
        groups.clear();
        names.clear();
        for (SavedGroup savedGroup : saved.groups()) {
            MailGroup group =
                    new MailGroup(savedGroup.id(), savedGroup.name(), savedGroup.alias(), savedGroup.security());
            group.members.addAll(savedGroup.members());
            groups.put(key(group.name), group);
        }
        names.addAll(saved.names());
        accounts.restore(saved.mailboxes(), saved.passwordNeverExpires());
    }

    synchronized CmdletOutput newDistributionGroup(String name, String alias, String type, List<String> members) {
        requireName(name);
        boolean security = "Security".equalsIgnoreCase(type);
        if (type != null && !security && !"Distribution".equalsIgnoreCase(type)) {
            throw CmdletFailure.invalid(
                    "System.Management.Automation.ParameterBindingException",
                    "Cannot process argument transformation on parameter 'Type'. Cannot convert value \"" + type
                            + "\" to type \"Microsoft.Exchange.Data.Directory.Recipient.GroupType\".");
        }
        if (names.contains(key(name))) {
            throw CmdletFailure.alreadyExists(distinguishedName(name));
        }
        String mailNickname = alias == null || alias.isBlank() ? defaultAlias(name) : alias;
        String address = mailNickname + "@" + domain;
        if (findGroup(address) != null || mailboxUser(address).isPresent()) {
            throw CmdletFailure.invalid(
                    "Microsoft.Exchange.Data.Directory.ProxyAddressExistsException",
                    "The proxy address \"SMTP:" + address + "\" is already being used by the proxy addresses or"
                            + " LegacyExchangeDN. Please choose another proxy address.");
        }
        List<String> memberKeys = new ArrayList<>();
        for (String member : members) {
            memberKeys.add(memberKey(member));
        }
        MailGroup group = new MailGroup(UUID.randomUUID().toString(), name, mailNickname, security);
        group.members.addAll(memberKeys);
        groups.put(key(name), group);
        names.add(key(name));
        return CmdletOutput.of(groupRow(group));
    }

    synchronized CmdletOutput distributionGroup(String identity) {
        return CmdletOutput.of(groupRow(group(identity)));
    }

    synchronized CmdletOutput distributionGroupMembers(String identity) {
        return CmdletOutput.of(
                group(identity).members.stream().map(this::recipientRow).toList());
    }

    synchronized CmdletOutput addDistributionGroupMember(String identity, String member) {
        MailGroup group = group(identity);
        String memberKey = memberKey(member);
        if (memberKey.equals("group:" + group.id)) {
            throw CmdletFailure.invalid(
                    "Microsoft.Exchange.Management.Tasks.RecipientTaskException",
                    "The group \"" + group.name + "\" can't be a member of itself.");
        }
        if (!group.members.add(memberKey)) {
            throw CmdletFailure.memberAlreadyExists(member, group.name);
        }
        return CmdletOutput.none();
    }

    synchronized CmdletOutput removeDistributionGroupMember(String identity, String member) {
        MailGroup group = group(identity);
        if (!group.members.remove(memberKey(member))) {
            throw CmdletFailure.memberNotFound(member, group.name);
        }
        return CmdletOutput.none();
    }

    /** Claims a group name for a role group; names are unique among all groups. */
    synchronized void reserveName(String name) {
        requireName(name);
        if (!names.add(key(name))) {
            throw CmdletFailure.alreadyExists(distinguishedName(name));
        }
    }

    /**
     * The key of a mail-enabled recipient: {@code user:<object id>} for a user with a ready mailbox, {@code
     * group:<id>} for a group made here.
     */
    synchronized String memberKey(String identity) {
        Optional<MailboxUser> user = mailboxUser(identity);
        if (user.isPresent()) {
            return userKey(user.get());
        }
        MailGroup group = findGroup(identity);
        if (group != null) {
            return "group:" + group.id;
        }
        throw CmdletFailure.noSuchRecipient(identity);
    }

    /**
     * A mail-enabled group made here, by its object id (the ExternalDirectoryObjectId Entra knows it by): its name and
     * its member keys, as Graph lists the group's members; empty when there is no such group.
     */
    synchronized Optional<GroupById> groupByObjectId(String id) {
        return Optional.ofNullable(groupById(id == null ? "" : id.toLowerCase(Locale.ROOT)))
                .map(group -> new GroupById(group.id, group.name, List.copyOf(group.members)));
    }

    /** A mail-enabled group as Graph sees it: its object id, name and member keys. */
    record GroupById(String id, String name, List<String> memberKeys) {}

    /** A deleted user's memberships go with it, as Exchange drops a removed recipient from its groups. */
    /**
     * Deletes a user New-Mailbox made, with its mailbox (as Remove-Mailbox does, or an admin in Active Directory); its
     * object id, when there was one.
     */
    synchronized Optional<String> deleteMailboxUser(String identity) {
        return accounts.remove(identity).map(ActiveDirectoryAccounts.SavedAccount::objectId);
    }

    synchronized void forgetUser(String objectId) {
        String key = "user:" + objectId.toLowerCase(Locale.ROOT);
        groups.values().forEach(group -> group.members.remove(key));
    }

    /** Mailboxes and mail-enabled security groups can hold permissions; distribution groups cannot. */
    synchronized boolean isSecurityPrincipal(String memberKey) {
        return !memberKey.startsWith("group:") || groupById(memberKey.substring(6)).security;
    }

    /** A group's member keys; none for a user. */
    synchronized List<String> memberKeysOf(String memberKey) {
        if (!memberKey.startsWith("group:")) {
            return List.of();
        }
        MailGroup group = groupById(memberKey.substring(6));
        return group == null ? List.of() : List.copyOf(group.members);
    }

    /** A recipient as Get-DistributionGroupMember and Get-RoleGroupMember show it. */
    synchronized Map<String, Object> recipientRow(String memberKey) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (memberKey.startsWith("group:")) {
            Map<String, Object> full = groupRow(groupById(memberKey.substring(6)));
            for (String field : List.of(
                    "Name",
                    "DisplayName",
                    "Alias",
                    "PrimarySmtpAddress",
                    "RecipientType",
                    "RecipientTypeDetails",
                    "ExternalDirectoryObjectId",
                    "Identity")) {
                row.put(field, full.get(field));
            }
            return row;
        }
        String objectId = memberKey.substring("user:".length());
        Optional<MailboxUser> user = mailboxUser(objectId);
        String type = user.isPresent() ? "UserMailbox" : "User";
        row.put("Name", user.map(accounts::name).orElse(objectId));
        row.put("DisplayName", user.map(MailboxUser::displayName).orElse(objectId));
        row.put("Alias", user.map(MailboxUser::alias).orElse(null));
        row.put("PrimarySmtpAddress", user.map(accounts::primaryAddress).orElse(null));
        row.put("RecipientType", type);
        row.put("RecipientTypeDetails", type);
        row.put("ExternalDirectoryObjectId", objectId);
        row.put("Identity", user.map(accounts::name).orElse(objectId));
        return row;
    }

    /**
     * The properties a recipient filter sees for a mailbox user; MemberOfGroup holds the distinguished names and ids
     * of the groups the user belongs to directly, as Exchange's memberOf does.
     */
    synchronized Map<String, List<String>> filterProperties(MailboxUser user) {
        List<String> memberOf = new ArrayList<>();
        for (MailGroup group : groups.values()) {
            if (group.members.contains(userKey(user))) {
                memberOf.add(distinguishedName(group.name));
                memberOf.add(group.id);
            }
        }
        Map<String, List<String>> properties = new LinkedHashMap<>();
        properties.put("memberofgroup", memberOf);
        properties.put("primarysmtpaddress", List.of(accounts.primaryAddress(user)));
        properties.put("userprincipalname", List.of(user.userPrincipalName()));
        properties.put("alias", List.of(user.alias()));
        properties.put("name", List.of(accounts.name(user)));
        properties.put("displayname", List.of(user.displayName()));
        properties.put("externaldirectoryobjectid", List.of(user.objectId()));
        properties.put("recipienttypedetails", List.of("UserMailbox"));
        return properties;
    }

    /** A mailbox user, as {@code -Resource} names one. */
    synchronized MailboxUser mailbox(String identity) {
        return mailboxUser(identity).orElseThrow(() -> CmdletFailure.noSuchRecipient(identity));
    }

    /**
     * New-Mailbox on Exchange Server: a user in Active Directory with its mailbox, at once. The password is only
     * checked against the domain's policy, never kept. The alias defaults to the left side of the user principal
     * name, the primary address is the alias at the organisation's domain, and Name, user principal name and address
     * must each be free.
     */
    synchronized CmdletOutput newMailbox(
            String name,
            String alias,
            String userPrincipalName,
            String displayName,
            String organizationalUnit,
            String password) {
        requireName(name);
        int at = userPrincipalName.indexOf('@');
        if (at <= 0 || at == userPrincipalName.length() - 1) {
            throw CmdletFailure.invalid(
                    "System.Management.Automation.ParameterBindingException",
                    "Cannot bind parameter 'UserPrincipalName'. \"" + userPrincipalName
                            + "\" isn't a valid SMTP address.");
        }
        String mailNickname = alias == null || alias.isBlank() ? userPrincipalName.substring(0, at) : alias;
        if (mailboxUser(name).isPresent() || names.contains(key(name))) {
            throw CmdletFailure.alreadyExists(distinguishedName(name));
        }
        if (mailboxUser(userPrincipalName).isPresent()) {
            throw CmdletFailure.invalid(
                    "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
                    "The value \"" + userPrincipalName + "\" of property \"UserPrincipalName\" is used by another"
                            + " recipient object. Please specify a unique value.");
        }
        String address = mailNickname + "@" + domain;
        if (findGroup(address) != null
                || mailboxUser(address).isPresent()
                || mailboxUser(mailNickname).isPresent()) {
            throw CmdletFailure.invalid(
                    "Microsoft.Exchange.Data.Directory.ProxyAddressExistsException",
                    "The proxy address \"SMTP:" + address + "\" is already being used by the proxy addresses or"
                            + " LegacyExchangeDN. Please choose another proxy address.");
        }
        if (!ActiveDirectoryAccounts.complex(password)) {
            throw CmdletFailure.invalid(
                    "Microsoft.Exchange.Data.Directory.ADInvalidPasswordException",
                    "Active Directory operation failed on " + CmdletFailure.SERVER + ". This error is not retriable."
                            + " Additional information: The password does not meet the length, complexity, or history"
                            + " requirement of the domain.");
        }
        ActiveDirectoryAccounts.SavedAccount account = new ActiveDirectoryAccounts.SavedAccount(
                UUID.randomUUID().toString(),
                name,
                mailNickname,
                userPrincipalName,
                displayName == null || displayName.isBlank() ? name : displayName,
                organizationalUnit);
        accounts.add(account);
        MailboxUser user = account.mailboxUser();
        return CmdletOutput.of(accounts.mailboxRow(user, userDistinguishedName(user)));
    }

    /** Get-AcceptedDomain on Exchange Server: the organisation's one authoritative domain, its default. */
    synchronized CmdletOutput acceptedDomains() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Name", domain);
        row.put("DomainName", domain);
        row.put("DomainType", "Authoritative");
        row.put("Default", true);
        row.put("Identity", domain);
        return CmdletOutput.of(row);
    }

    /**
     * The account New-Mailbox created whose user principal name, alias, name or primary address this is, or whose
     * {@code DOMAIN\alias} (the NetBIOS domain is not checked); empty for any other user.
     */
    synchronized Optional<MailboxUser> serverAccount(String identity) {
        String name = identity.contains("\\") ? identity.substring(identity.lastIndexOf('\\') + 1) : identity;
        Optional<ActiveDirectoryAccounts.SavedAccount> account = accounts.find(name);
        if (account.isEmpty() && name.endsWith("@" + domain)) {
            account = accounts.find(name.substring(0, name.length() - domain.length() - 1));
        }
        return account.map(ActiveDirectoryAccounts.SavedAccount::mailboxUser);
    }

    /** The Name Exchange shows for a mailbox user, by which effective users are listed. */
    synchronized String name(MailboxUser user) {
        return accounts.name(user);
    }

    /** Get-Mailbox -Identity on Exchange Server. */
    synchronized CmdletOutput getMailbox(String identity) {
        MailboxUser user = mailboxUser(identity).orElseThrow(() -> CmdletFailure.notFound(identity));
        return CmdletOutput.of(accounts.mailboxRow(user, userDistinguishedName(user)));
    }

    /** Get-User -Identity on Exchange Server; only users with a mailbox are known to the simulator. */
    synchronized CmdletOutput getUser(String identity) {
        MailboxUser user = mailboxUser(identity).orElseThrow(() -> CmdletFailure.notFound(identity));
        return CmdletOutput.of(accounts.userRow(user, userDistinguishedName(user)));
    }

    /** Get-ADUser -Identity [-Properties]: the identity is a distinguished name, GUID, SID or sAMAccountName. */
    synchronized CmdletOutput getAdUser(String identity, List<String> properties) {
        MailboxUser user = adUser(identity);
        return CmdletOutput.of(accounts.adUserRow(user, userDistinguishedName(user), properties));
    }

    /** Set-ADUser -Identity [-PasswordNeverExpires]: records the flag; Set-ADUser writes no output. */
    synchronized CmdletOutput setAdUser(String identity, Boolean passwordNeverExpires) {
        MailboxUser user = adUser(identity);
        if (passwordNeverExpires != null) {
            accounts.passwordNeverExpires(user.objectId(), passwordNeverExpires);
        }
        return CmdletOutput.none();
    }

    /**
     * The user Get-ADUser and Set-ADUser -Identity name: Active Directory accepts a distinguished name, objectGUID, SID
     * or sAMAccountName, not a user principal name or display name.
     */
    private MailboxUser adUser(String identity) {
        List<MailboxUser> candidates = new ArrayList<>();
        mailboxUser(identity).ifPresent(candidates::add);
        if (identity.regionMatches(true, 0, "CN=", 0, 3)) {
            mailboxUser(identity.substring(3).split("(?<!\\\\),")[0].replace("\\", ""))
                    .ifPresent(candidates::add);
        }
        accounts.saved().forEach(account -> candidates.add(account.mailboxUser()));
        return candidates.stream()
                .filter(user -> accounts.adIdentityMatches(user, userDistinguishedName(user), identity))
                .findFirst()
                .orElseThrow(() -> accounts.identityNotFound(identity));
    }

    private String userDistinguishedName(MailboxUser user) {
        return distinguishedName(accounts.byObjectId(user.objectId())
                .map(ActiveDirectoryAccounts.SavedAccount::name)
                .orElse(user.alias()));
    }

    /** A user with a mailbox: from the directory (tests may put their own first), or made by New-Mailbox. */
    private Optional<MailboxUser> mailboxUser(String identity) {
        return recipients
                .mailboxUser(identity)
                .or(() -> accounts.find(identity).map(ActiveDirectoryAccounts.SavedAccount::mailboxUser));
    }

    String distinguishedName(String name) {
        String escaped = name.replaceAll("([,+\"\\\\<>;=#])", "\\\\$1");
        return "CN=" + escaped + ",OU=" + domain
                + ",OU=Microsoft Exchange Hosted Organizations,DC=SANDBOX01A001,DC=PROD,DC=OUTLOOK,DC=COM";
    }

    static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw CmdletFailure.invalid(
                    "System.Management.Automation.ParameterBindingException",
                    "Cannot validate argument on parameter 'Name'. The name must be 1 to 64 characters long.");
        }
    }

    static String key(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    private MailGroup group(String identity) {
        MailGroup group = findGroup(identity);
        if (group == null) {
            throw CmdletFailure.notFound(identity);
        }
        return group;
    }

    private MailGroup findGroup(String identity) {
        String wanted = key(identity);
        for (MailGroup group : groups.values()) {
            if (key(group.name).equals(wanted)
                    || key(group.alias).equals(wanted)
                    || key(group.alias + "@" + domain).equals(wanted)
                    || group.id.equals(wanted)
                    || key(distinguishedName(group.name)).equals(wanted)) {
                return group;
            }
        }
        return null;
    }

    private MailGroup groupById(String id) {
        return groups.values().stream().filter(g -> g.id.equals(id)).findFirst().orElse(null);
    }

    private static String userKey(MailboxUser user) {
        return "user:" + user.objectId().toLowerCase(Locale.ROOT);
    }

    /** What New-DistributionGroup makes of a name when no alias is given: spaces removed, others as '?'. */
    private static String defaultAlias(String name) {
        StringBuilder alias = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c) || "!#%*+-/=?^_~.".indexOf(c) >= 0) {
                alias.append(c);
            } else if (!Character.isWhitespace(c)) {
                alias.append('?');
            }
        }
        return alias.toString();
    }

    private Map<String, Object> groupRow(MailGroup group) {
        String type = group.security ? "MailUniversalSecurityGroup" : "MailUniversalDistributionGroup";
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Name", group.name);
        row.put("DisplayName", group.name);
        row.put("Alias", group.alias);
        row.put("PrimarySmtpAddress", group.alias + "@" + domain);
        row.put("EmailAddresses", List.of("SMTP:" + group.alias + "@" + domain));
        row.put("GroupType", group.security ? "Universal, SecurityEnabled" : "Universal");
        row.put("RecipientType", type);
        row.put("RecipientTypeDetails", type);
        row.put("Guid", group.id);
        row.put("ExternalDirectoryObjectId", group.id);
        row.put("DistinguishedName", distinguishedName(group.name));
        row.put("Identity", group.name);
        row.put("ManagedBy", List.of());
        return row;
    }

    private static final class MailGroup {
        final String id;
        final String name;
        final String alias;
        final boolean security;
        final Set<String> members = new LinkedHashSet<>();

        MailGroup(String id, String name, String alias, boolean security) {
            this.id = id;
            this.name = name;
            this.alias = alias;
            this.security = security;
        }
    }
}
