package io.serviceaccountbot.plans;

import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.Licences;
import io.serviceaccountbot.tenant.MailboxStatus;
import io.serviceaccountbot.tenant.NewUser;
import io.serviceaccountbot.tenant.PasswordGenerator;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretNames;
import io.serviceaccountbot.tenant.SecretStore;
import io.serviceaccountbot.tenant.StepCallKeys;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.VerifiedDomain;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The article's first step, one small step at a time: choose the sign-in name, create the user (or find the one this
 * bot created earlier, or, for a whole runbook, adopt the existing account that has the alias), set the usage
 * location, assign a licence with Exchange, make sure the password never expires, look at the mailbox. {@code create service account} and {@code setup
 * exchange sync} both run these, so they cannot drift apart. Each step only does what is still missing.
 */
final class AccountSteps {

    private final AccountDirectory accounts;
    private final Directory directory;
    private final SecretStore secrets;
    private final PasswordGenerator passwords;

    AccountSteps(AccountDirectory accounts, Directory directory, SecretStore secrets, PasswordGenerator passwords) {
        this.accounts = accounts;
        this.directory = directory;
        this.secrets = secrets;
        this.passwords = passwords;
    }

    /** What one run has learned about the account so far. */
    static final class Account {
        final String alias;
        final String displayName;
        final String licence;
        final String location;
        final String secretName;
        String upn;
        DirectoryUser user;
        String secretLocation;
        boolean adopted;
        boolean createdNow;

        Account(String alias, String displayName, String licence, String location) {
            this.alias = alias;
            this.displayName = displayName;
            this.licence = licence;
            this.location = location;
            this.secretName = SecretNames.forPassword(alias);
            this.upn = alias;
        }

        /** Where the password is, for the report, once the account exists. */
        String secretLocation() {
            if (secretLocation == null && user != null && !adopted) {
                return "the secret store, under " + secretName + " (stored when the account was created)";
            }
            return secretLocation;
        }
    }

    /** The sign-in name: the alias in the organisation's default verified domain. */
    StepOutcome chooseUserPrincipalName(Account account) {
        Optional<VerifiedDomain> domain =
                accounts.domains().stream().max(Comparator.comparing(VerifiedDomain::isDefault));
        if (domain.isEmpty()) {
            return accounts.licensed()
                    ? StepOutcome.failed(
                            "The organisation has no verified domain to create " + account.alias + " in",
                            "Verify a domain in the Microsoft 365 admin center, then run the command again.")
                    : StepOutcome.failed(
                            "Exchange Server has no accepted domain to create " + account.alias + " in",
                            "Add an authoritative accepted domain (New-AcceptedDomain), then run the command again.");
        }
        account.upn = account.alias + "@" + domain.get().name();
        return null;
    }

    /** Creates the user, or finds the one this bot created before; an account the bot did not create is refused. */
    StepOutcome createUnlessOurs(Account account) {
        return create(account, false);
    }

    /**
     * Creates the user, or uses the account that exists with that sign-in name or alias, whoever created it: an
     * approved runbook says in words that it will. Its password is left alone when this bot did not create it.
     */
    StepOutcome createOrAdopt(Account account) {
        return create(account, true);
    }

    private StepOutcome create(Account account, boolean adoptExisting) {
        List<DirectoryUser> standingInTheWay = accounts.findUsersByUpnOrAlias(account.upn, account.alias);
        Optional<DirectoryUser> existing = standingInTheWay.stream()
                .filter(found -> account.upn.equalsIgnoreCase(found.userPrincipalName()))
                .findFirst();
        boolean ours = secrets.get(account.secretName).isPresent();
        if (existing.isPresent() && ours) {
            account.user = existing.get();
            return StepOutcome.alreadyDone(account.upn + " exists already: this bot created it earlier");
        }
        if (adoptExisting && standingInTheWay.size() == 1) {
            return adopt(account, standingInTheWay.get(0));
        }
        if (existing.isPresent()) {
            return StepOutcome.failed(
                    account.upn + " already exists, and this bot did not create it",
                    "To make that existing account the service account, type: use " + account.upn
                            + " as service account");
        }
        if (!standingInTheWay.isEmpty()) {
            String owner = standingInTheWay.get(0).userPrincipalName();
            return StepOutcome.failed(
                    "The alias " + account.alias + " already belongs to " + owner,
                    "Choose another alias, or type: use " + owner + " as service account");
        }
        // A run taken over during this step may have stored the password and started the job that creates the
        // account with it (Exchange Server's runner reads it from the vault when the job runs): keep that password.
        Optional<Secret> stored = StepCallKeys.resuming() ? secrets.get(account.secretName) : Optional.empty();
        Secret password = stored.orElseGet(passwords::generate);
        account.secretLocation = secrets.put(account.secretName, password).location();
        account.user = accounts.createUser(new NewUser(
                account.alias, account.displayName, account.upn, account.location, password, account.secretName));
        account.createdNow = true;
        return StepOutcome.done("Created " + account.upn + " (" + account.user.displayName()
                + "): enabled, no password change at first sign-in"
                + (accounts.licensed() ? "" : ", with its mailbox, in " + accounts.name()));
    }

    /** Whether accounts need a usage location and a licence for their mailbox (Entra ID), or come with one. */
    boolean licensed() {
        return accounts.licensed();
    }

    /** Where accounts are made, in words: "Microsoft Entra ID", "Active Directory". */
    String directoryName() {
        return accounts.name();
    }

    /** Whether this bot created the account (it keeps its password in the secret store). */
    boolean createdByThisBot(Account account) {
        return secrets.get(account.secretName).isPresent();
    }

    /**
     * For a run that resumes after the account step was done: finds the account again (by sign-in name, then alias)
     * without changing anything, so the later steps have it.
     */
    void restore(Account account) {
        List<DirectoryUser> found = accounts.findUsersByUpnOrAlias(account.upn, account.alias);
        DirectoryUser user = found.stream()
                .filter(candidate -> account.upn.equalsIgnoreCase(candidate.userPrincipalName()))
                .findFirst()
                .or(() -> found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty())
                .orElseThrow(() -> new TenantException(
                        TenantException.Kind.NOT_FOUND,
                        accounts.name(),
                        null,
                        null,
                        "the account " + account.upn + " that an earlier attempt created or chose is gone",
                        null));
        account.user = user;
        account.upn = user.userPrincipalName();
        account.adopted = secrets.get(account.secretName).isEmpty();
    }

    private StepOutcome adopt(Account account, DirectoryUser found) {
        if (!found.accountEnabled()) {
            return StepOutcome.failed(
                    found.userPrincipalName() + " exists but is disabled",
                    "Enable it in the Microsoft 365 admin center (Users > Active users), then ask again.");
        }
        if (Boolean.TRUE.equals(found.forceChangePasswordNextSignIn())) {
            return StepOutcome.failed(
                    found.userPrincipalName() + " exists but must change its password at next sign-in, which a"
                            + " service cannot do",
                    "Reset its password with \"Require this user to change their password\" unchecked, then ask"
                            + " again.");
        }
        account.user = found;
        account.upn = found.userPrincipalName();
        account.adopted = secrets.get(account.secretName).isEmpty();
        return StepOutcome.alreadyDone("Using the existing account " + found.userPrincipalName() + " ("
                + found.displayName() + ")" + (account.adopted ? "; its password is left as it is" : ""));
    }

    StepOutcome ensureUsageLocation(Account account) {
        if (account.user.usageLocation() != null
                && !account.user.usageLocation().isBlank()) {
            return StepOutcome.alreadyDone("Usage location " + account.user.usageLocation());
        }
        directory.setUsageLocation(account.user.id(), account.location);
        return StepOutcome.done("Usage location set to " + account.location);
    }

    /** Assigns the chosen licence (nothing happens if the user has it already). */
    StepOutcome assignLicence(Account account) {
        directory.assignLicense(account.user.id(), account.licence);
        return StepOutcome.done("Licence " + Licences.describe(account.licence) + " assigned, with its Exchange plan");
    }

    /** Assigns the chosen licence unless the user has one with an enabled Exchange plan already. */
    StepOutcome ensureExchangeLicence(Account account) {
        if (account.user.exchangePlanEnabled()) {
            return StepOutcome.alreadyDone("A licence with Exchange is assigned already");
        }
        return assignLicence(account);
    }

    /**
     * Sets the password never to expire unless it is so already, keeping the account's other password policies (the
     * directory holds them as one value), and reads the account back to see that it took. A service cannot change an
     * expired password: it stops, silently, months later. A new account was created so.
     */
    StepOutcome ensurePasswordNeverExpires(Account account) {
        if (account.user.passwordNeverExpires()) {
            return StepOutcome.alreadyDone(
                    account.createdNow
                            ? "The password never expires (set when the account was created)"
                            : "The password never expires already");
        }
        Set<String> kept = new TreeSet<>(account.user.passwordPolicies());
        Set<String> policies = new TreeSet<>(kept);
        policies.add(DirectoryUser.DISABLE_PASSWORD_EXPIRATION);
        accounts.setPasswordPolicies(account.user.id(), policies);
        DirectoryUser readBack = accounts.findUser(account.user.id())
                .orElseThrow(() -> new TenantException(
                        TenantException.Kind.NOT_FOUND,
                        accounts.name(),
                        null,
                        null,
                        "the account " + account.upn + " is gone",
                        null));
        if (!readBack.passwordNeverExpires()) {
            throw new TenantException(
                    TenantException.Kind.UNAVAILABLE,
                    accounts.name(),
                    null,
                    null,
                    accounts.name() + " accepted the password policy of " + account.upn + " but does not show it yet",
                    null);
        }
        account.user = readBack;
        return StepOutcome.done("Password set never to expire"
                + (kept.isEmpty() ? "" : "; its other password policies are kept (" + String.join(", ", kept) + ")"));
    }

    /**
     * The account a grant is about to make a group member: it must still be there, enabled, and have a mailbox, since
     * Exchange lets only mailboxes into its groups. Read once; nothing here is waited for.
     */
    StepOutcome checkEnabledWithMailbox(DirectoryUser known) {
        DirectoryUser now = accounts.findUser(known.id()).orElse(null);
        if (now == null) {
            return StepOutcome.failed(
                    known.userPrincipalName() + " is no longer in " + accounts.name(), "Check the name and ask again.");
        }
        if (!now.accountEnabled()) {
            return StepOutcome.failed(
                    now.userPrincipalName() + " is disabled",
                    accounts.licensed()
                            ? "Enable it in the Microsoft 365 admin center (Users > Active users), then ask again."
                            : "Enable it in Active Directory Users and Computers (or with Enable-ADAccount), then ask"
                                    + " again.");
        }
        if (accounts.mailboxStatus(now) == MailboxStatus.READY) {
            return StepOutcome.done(now.userPrincipalName() + " is enabled and has a mailbox");
        }
        return StepOutcome.failed(
                now.userPrincipalName() + " has no mailbox, and Exchange lets only mailboxes into its groups",
                accounts.licensed()
                        ? "Assign it a licence with Exchange (Office 365 E1 or above); once Exchange has made the"
                                + " mailbox, ask again."
                        : "Give it a mailbox (Enable-Mailbox in the Exchange Management Shell), then ask again.");
    }

    StepOutcome checkMailbox(Account account) {
        return accounts.mailboxStatus(account.user.id()) == MailboxStatus.READY
                ? StepOutcome.done("Mailbox ready")
                : StepOutcome.waiting("Exchange is creating the mailbox; this usually takes a few minutes. Type"
                        + " verify " + account.alias + " to check on it.");
    }
}
