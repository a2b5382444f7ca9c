package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.MailboxStatus;
import io.serviceaccountbot.tenant.NewUser;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import io.serviceaccountbot.tenant.VerifiedDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Service accounts on Exchange Server: users in Active Directory with a mailbox, made and read through the runner, as
 * the article does by hand. {@code New-Mailbox} creates the user and its mailbox at once, with its password read by the
 * runbook from Key Vault by name (never a job parameter) and no change at next logon; {@code Set-ADUser
 * -PasswordNeverExpires} keeps the password from expiring; {@code Get-User} (with {@code Get-Mailbox} in the same job)
 * reads an account back. The domain is the default accepted domain ({@code Get-AcceptedDomain}).
 *
 * <p>{@code Get-User} shows {@code UserAccountControl} as Exchange's flags: as their names ("NormalAccount,
 * DontExpirePassword") or, depending on how the runbook's JSON renders an enum, as Active Directory's number (0x2
 * disabled, 0x10000 the password never expires); both are read.
 */
final class ExchangeServerAccounts implements AccountDirectory {

    private static final long ACCOUNT_DISABLED = 0x2;
    private static final long DONT_EXPIRE_PASSWORD = 0x10000;

    private final CmdletTransport exchange;

    ExchangeServerAccounts(CmdletTransport exchange) {
        this.exchange = exchange;
    }

    @Override
    public String name() {
        return "Active Directory";
    }

    @Override
    public boolean licensed() {
        return false;
    }

    @Override
    public List<VerifiedDomain> domains() {
        List<VerifiedDomain> domains = new ArrayList<>();
        for (JsonNode row : run(getAcceptedDomain())) {
            String name = text(row, "DomainName");
            if (name != null && !"ExternalRelay".equalsIgnoreCase(text(row, "DomainType"))) {
                domains.add(new VerifiedDomain(name, row.path("Default").asBoolean(false)));
            }
        }
        domains.sort((a, b) -> Boolean.compare(b.isDefault(), a.isDefault()));
        return domains;
    }

    @Override
    public Optional<DirectoryUser> findUser(String objectIdOrUpn) {
        Optional<JsonNode> user =
                ifFound(() -> run(getUser(objectIdOrUpn)).stream().findFirst());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> mailbox =
                ifFound(() -> run(getMailbox(objectIdOrUpn)).stream().findFirst());
        return Optional.of(user(user.get(), mailbox));
    }

    @Override
    public Optional<DirectoryUser> findUserByAlias(String alias) {
        Optional<JsonNode> mailbox = ifFound(() -> run(getMailbox(alias)).stream()
                .filter(row -> alias.equalsIgnoreCase(text(row, "Alias")))
                .findFirst());
        return mailbox.flatMap(found -> findUser(text(found, "Guid")));
    }

    @Override
    public List<DirectoryUser> findUsersByUpnOrAlias(String userPrincipalName, String alias) {
        List<DirectoryUser> found = new ArrayList<>();
        findUser(userPrincipalName).ifPresent(found::add);
        findUserByAlias(alias)
                .filter(user -> found.stream().noneMatch(same -> same.id().equalsIgnoreCase(user.id())))
                .ifPresent(found::add);
        return found;
    }

    /**
     * {@code New-Mailbox -Name <alias> -Alias -UserPrincipalName -DisplayName -Password <from Key Vault>
     * -ResetPasswordOnNextLogon:$false}, then {@code Set-ADUser -PasswordNeverExpires:$true}. A retried create whose
     * first answer was lost finds the account made then.
     */
    @Override
    public DirectoryUser createUser(NewUser user) {
        JsonNode created;
        try {
            created = run(Cmdlet.named("New-Mailbox")
                            .with("Name", user.alias())
                            .with("Alias", user.alias())
                            .with("UserPrincipalName", user.userPrincipalName())
                            .with("DisplayName", user.displayName())
                            .with("ResetPasswordOnNextLogon", false)
                            .withSecret("Password", user.secretName()))
                    .stream()
                    .findFirst()
                    .orElseThrow(() -> noOutput("New-Mailbox"));
        } catch (TenantException e) {
            if (e.kind() != Kind.ALREADY_EXISTS) {
                throw e;
            }
            created = null;
        }
        DirectoryUser found = findUser(user.userPrincipalName()).orElseThrow(() -> noOutput("New-Mailbox"));
        if (!found.passwordNeverExpires()) {
            setPasswordPolicies(found.id(), Set.of(DirectoryUser.DISABLE_PASSWORD_EXPIRATION));
            found = findUser(found.id()).orElse(found);
        }
        return found;
    }

    @Override
    public void setPasswordPolicies(String userId, Set<String> policies) {
        boolean never = policies.stream().anyMatch(DirectoryUser.DISABLE_PASSWORD_EXPIRATION::equalsIgnoreCase);
        run(Cmdlet.named("Set-ADUser").with("Identity", userId).with("PasswordNeverExpires", never));
    }

    /** Get-User reads the mailbox with the account ({@link #user}), so one just read says whether it has one. */
    @Override
    public MailboxStatus mailboxStatus(DirectoryUser justRead) {
        return justRead.exchangePlanEnabled() ? MailboxStatus.READY : MailboxStatus.NOT_PROVISIONED;
    }

    @Override
    public MailboxStatus mailboxStatus(String userId) {
        return ifFound(() -> run(getMailbox(userId)).stream().findFirst()).isPresent()
                ? MailboxStatus.READY
                : MailboxStatus.NOT_PROVISIONED;
    }

    /**
     * How an account the admin named is read first: {@code Get-User} by sign-in name (its mailbox is read in the same
     * job), or {@code Get-Mailbox} by alias, which is where Exchange keeps aliases.
     */
    static Cmdlet lookup(String upnOrAlias) {
        return upnOrAlias.contains("@") ? getUser(upnOrAlias) : getMailbox(upnOrAlias);
    }

    static Cmdlet getAcceptedDomain() {
        return Cmdlet.named("Get-AcceptedDomain");
    }

    private static Cmdlet getUser(String identity) {
        return Cmdlet.named("Get-User").with("Identity", identity);
    }

    private static Cmdlet getMailbox(String identity) {
        return Cmdlet.named("Get-Mailbox").with("Identity", identity);
    }

    /** The account as Get-User and Get-Mailbox show it. */
    static DirectoryUser user(JsonNode user, Optional<JsonNode> mailbox) {
        String alias = mailbox.map(row -> text(row, "Alias")).orElse(text(user, "SamAccountName"));
        String control = user.path("UserAccountControl").isMissingNode()
                ? ""
                : user.path("UserAccountControl").asString("");
        boolean disabled = flag(user.path("UserAccountControl"), control, "AccountDisabled", ACCOUNT_DISABLED);
        boolean neverExpires =
                flag(user.path("UserAccountControl"), control, "DontExpirePassword", DONT_EXPIRE_PASSWORD);
        return new DirectoryUser(
                text(user, "Guid"),
                Optional.ofNullable(text(user, "DisplayName")).orElse(text(user, "Name")),
                text(user, "UserPrincipalName"),
                alias,
                !disabled,
                null,
                null,
                List.of(),
                mailbox.isPresent(),
                neverExpires ? Set.of(DirectoryUser.DISABLE_PASSWORD_EXPIRATION) : Set.of());
    }

    private static boolean flag(JsonNode value, String text, String name, long bit) {
        if (value.isNumber()) {
            return (value.asLong() & bit) != 0;
        }
        for (String part : text.split(",")) {
            if (part.strip().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private List<JsonNode> run(Cmdlet cmdlet) {
        return exchange.invoke(cmdlet).rows();
    }

    private static String text(JsonNode row, String property) {
        JsonNode value = row.path(property);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private TenantException noOutput(String cmdlet) {
        return new TenantException(
                Kind.UNAVAILABLE,
                exchange.service(),
                "NoOutput",
                null,
                exchange.service() + " ran " + cmdlet + " but returned no account",
                null);
    }

    private static <T> Optional<T> ifFound(java.util.function.Supplier<Optional<T>> lookup) {
        try {
            return lookup.get();
        } catch (TenantException e) {
            if (e.kind() == Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
