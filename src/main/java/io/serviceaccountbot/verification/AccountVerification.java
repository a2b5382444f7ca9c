package io.serviceaccountbot.verification;

import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeReads;
import io.serviceaccountbot.tenant.ImpersonationProbe;
import io.serviceaccountbot.tenant.MailboxStatus;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretNames;
import io.serviceaccountbot.tenant.SecretStore;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.VerifiedDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a service account against the tenant: that it exists and is enabled, does not have to change its password,
 * has a password that never expires, has a usage location and an Exchange licence, has a mailbox, effectively holds
 * ApplicationImpersonation (or that the organisation no longer has that role), and, against a named mailbox, that
 * impersonation really works (the live probe through Exchange Web Services). A check the tenant cannot answer fails
 * with the reason; it never passes by default.
 */
public class AccountVerification {

    static final String IMPERSONATION = "ApplicationImpersonation";

    static final String PROBE = "Impersonation works (live probe)";

    private final AccountDirectory directory;
    private final ExchangeAdmin exchange;
    private final ImpersonationProbe probe;
    private final SecretStore secrets;

    public AccountVerification(
            AccountDirectory directory, ExchangeAdmin exchange, ImpersonationProbe probe, SecretStore secrets) {
        this.directory = directory;
        this.exchange = exchange;
        this.probe = probe;
        this.secrets = secrets;
    }

    /** Every check of the report, without the live probe. */
    public VerificationReport verify(AccountRef account) {
        return verify(account, Optional.empty());
    }

    /** Every check of the report; with a mailbox, the live impersonation probe against it too. */
    public VerificationReport verify(AccountRef account, Optional<String> mailbox) {
        ExchangeReads reads = ExchangeReads.none()
                .account(account.value())
                .role(IMPERSONATION)
                .effectiveHolders(IMPERSONATION);
        ExchangeReads.Kept read;
        try {
            read = exchange.readTogether(mailbox.isPresent() ? reads : reads.acceptedDomains());
        } catch (TenantException e) {
            read = ExchangeReads.Kept.NOTHING; // each check asks again and says what failed
        }
        try (ExchangeReads.Kept kept = read) {
            return verifyChecks(account, mailbox);
        }
    }

    private VerificationReport verifyChecks(AccountRef account, Optional<String> mailbox) {
        List<Check> checks = new ArrayList<>();
        Optional<DirectoryUser> user = accountChecks(account, checks);
        user.ifPresent(found -> {
            Check holds = impersonation(found);
            checks.add(holds);
            exchange.lastServer()
                    .ifPresent(server -> checks.add(Check.passed("Exchange Server answered", server.describe())));
            checks.add(probe(found, mailbox, holds));
        });
        boolean mailboxComing = user.filter(DirectoryUser::exchangePlanEnabled).isPresent()
                && checks.stream()
                        .anyMatch(check -> MAILBOX.equals(check.name()) && NO_MAILBOX_YET.equals(check.detail()));
        return new VerificationReport(
                user.map(DirectoryUser::userPrincipalName).orElse(account.value()), checks, mailboxComing);
    }

    /**
     * The Remote Connectivity Analyzer's test, run by the bot: the account signs in to Exchange Web Services with the
     * password this bot stored when it created it, and opens the mailbox's inbox as its owner.
     */
    private Check probe(DirectoryUser user, Optional<String> mailbox, Check holds) {
        String upn = user.userPrincipalName();
        if (holds.result() == Check.Result.NOT_APPLICABLE) {
            return Check.notApplicable(
                    PROBE,
                    "Without ApplicationImpersonation there is no impersonation to probe; Exchange Online's"
                            + " replacement is checked with Test-ServicePrincipalAuthorization (grant app access).");
        }
        if (mailbox.isEmpty()) {
            return Check.notApplicable(
                    PROBE,
                    "To try it, name a mailbox of your organisation: verify " + user.mailNickname()
                            + " against someone@" + defaultDomain(user));
        }
        Optional<Secret> password = secrets.get(SecretNames.forPassword(user.mailNickname()));
        if (password.isEmpty()) {
            return Check.notApplicable(
                    PROBE,
                    "This bot did not create " + upn + ", so it does not know its password; run the Exchange Web"
                            + " Services impersonation test of the Microsoft Remote Connectivity Analyzer instead.");
        }
        String target = mailbox.get();
        try {
            ImpersonationProbe.ProbeResult result = probe.probe(upn, password.get(), target);
            return switch (result.outcome()) {
                case IMPERSONATED ->
                    Check.passed(
                            PROBE,
                            upn + " opened the inbox of " + target + " as its owner through Exchange Web Services");
                case DENIED ->
                    Check.failed(
                            PROBE,
                            "Exchange refused " + upn + " to impersonate " + target + " (" + result.code() + ")",
                            holds.result() == Check.Result.PASSED
                                    ? "Exchange can take up to an hour to apply a new role assignment; try again"
                                            + " later."
                                    : "Type: grant impersonation to " + user.mailNickname());
                case SIGN_IN_REFUSED ->
                    Check.failed(
                            PROBE,
                            "Exchange Web Services did not accept the sign-in of " + upn
                                    + " with the password in the secret store",
                            "Check that the stored password is the account's current one, and that the EWS virtual"
                                    + " directory allows Windows authentication (NTLM or Negotiate) on Exchange"
                                    + " Server.");
                case NO_SUCH_MAILBOX ->
                    Check.failed(PROBE, "There is no mailbox " + target, "Check the address of the mailbox to try.");
                case OTHER_ERROR ->
                    Check.failed(
                            PROBE,
                            "Exchange answered " + result.code()
                                    + (result.message() == null ? "" : ": " + result.message()),
                            "Try again; if it persists, run the Remote Connectivity Analyzer's EWS impersonation"
                                    + " test.");
            };
        } catch (TenantException e) {
            return Check.failed(PROBE, "Could not run it: " + e.getMessage(), retry(e));
        }
    }

    /** The checks that say whether an account can serve as a service account at all, for {@code use … as}. */
    public VerificationReport verifyAccountOnly(AccountRef account) {
        List<Check> checks = new ArrayList<>();
        Optional<DirectoryUser> user = accountChecks(account, checks);
        return new VerificationReport(user.map(DirectoryUser::userPrincipalName).orElse(account.value()), checks);
    }

    private Optional<DirectoryUser> accountChecks(AccountRef account, List<Check> checks) {
        Optional<DirectoryUser> found;
        try {
            found = account instanceof AccountRef.ByUpn
                    ? directory.findUser(account.value())
                    : directory.findUserByAlias(account.value());
        } catch (TenantException e) {
            checks.add(
                    Check.failed("Account exists and is enabled", "Could not look it up: " + e.getMessage(), retry(e)));
            return Optional.empty();
        }
        if (found.isEmpty()) {
            checks.add(Check.failed(
                    "Account exists and is enabled",
                    "No user " + account.value() + " in " + (directory.licensed() ? "the directory" : directory.name()),
                    "Check the name, or create it: create service account " + aliasOf(account)));
            return Optional.empty();
        }
        DirectoryUser user = found.get();
        checks.add(
                user.accountEnabled()
                        ? Check.passed(
                                "Account exists and is enabled",
                                user.userPrincipalName() + " (" + user.displayName() + ")")
                        : Check.failed(
                                "Account exists and is enabled",
                                user.userPrincipalName() + " is disabled",
                                directory.licensed()
                                        ? "Enable the account in the Microsoft 365 admin center (Users > Active"
                                                + " users)."
                                        : "Enable the account in Active Directory (Enable-ADAccount)."));
        checks.add(PasswordChecks.noForcedChange(user));
        checks.add(PasswordChecks.neverExpires(user, directory.licensed()));
        if (directory.licensed()) {
            checks.add(licenceCheck(user));
        }
        checks.add(mailboxCheck(user));
        return found;
    }

    private static Check licenceCheck(DirectoryUser user) {
        String name = "Usage location and Exchange licence";
        if (user.usageLocation() == null || user.usageLocation().isBlank()) {
            return Check.failed(
                    name,
                    "No usage location, so no licence can be assigned",
                    "Set the usage location (e.g. US) in the Microsoft 365 admin center, then assign an E1 licence.");
        }
        return user.exchangePlanEnabled()
                ? Check.passed(name, "Usage location " + user.usageLocation() + "; a licence with Exchange is assigned")
                : Check.failed(
                        name,
                        "Usage location " + user.usageLocation() + "; no licence with an enabled Exchange plan",
                        "Assign Office 365 E1 or above with its Exchange Online plan enabled.");
    }

    static final String MAILBOX = "Mailbox provisioned";
    static final String NO_MAILBOX_YET = "There is no mailbox yet";

    private Check mailboxCheck(DirectoryUser user) {
        String name = MAILBOX;
        try {
            return directory.mailboxStatus(user) == MailboxStatus.READY
                    ? Check.passed(name, "The mailbox exists")
                    : Check.failed(
                            name,
                            NO_MAILBOX_YET,
                            user.exchangePlanEnabled()
                                    ? "Exchange creates it a few minutes after the licence is assigned; check again"
                                            + " shortly."
                                    : "Assign a licence with Exchange; the mailbox follows a few minutes later.");
        } catch (TenantException e) {
            return Check.failed(name, "Could not check: " + e.getMessage(), retry(e));
        }
    }

    private Check impersonation(DirectoryUser user) {
        String name = "Holds ApplicationImpersonation";
        try {
            if (exchange.managementRole(IMPERSONATION).isEmpty()) {
                return Check.notApplicable(
                        name,
                        "This organisation has no ApplicationImpersonation role: Exchange Online removed it in"
                                + " February 2025. Use grant app access (RBAC for Applications) instead.");
            }
            return exchange.effectiveAssignments(IMPERSONATION).stream()
                    .filter(assignment -> sameUser(assignment.user(), user))
                    .findFirst()
                    .map(assignment -> Check.passed(
                            name,
                            "Through role group " + assignment.assignee()
                                    + (assignment.via() == null ? "" : ", as a member of " + assignment.via())))
                    .orElseGet(() -> Check.failed(
                            name,
                            user.userPrincipalName() + " does not hold ApplicationImpersonation",
                            "Type: grant impersonation to " + user.mailNickname()));
        } catch (TenantException e) {
            if (e.kind() == TenantException.Kind.ROLE_NOT_FOUND) {
                return Check.notApplicable(
                        name,
                        "This organisation has no ApplicationImpersonation role (Exchange Online removed it in"
                                + " February 2025). Use grant app access instead.");
            }
            return Check.failed(name, "Could not check: " + e.getMessage(), retry(e));
        }
    }

    /**
     * The organisation's default verified domain, for examples the admin can follow; when the directory cannot say, the
     * account's own domain, which is one of the organisation's too.
     */
    private String defaultDomain(DirectoryUser user) {
        String own = user.userPrincipalName().substring(user.userPrincipalName().indexOf('@') + 1);
        try {
            return directory.domains().stream()
                    .filter(VerifiedDomain::isDefault)
                    .map(VerifiedDomain::name)
                    .findFirst()
                    .orElse(own);
        } catch (TenantException e) {
            return own;
        }
    }

    private static boolean sameUser(String effectiveUser, DirectoryUser user) {
        return effectiveUser != null
                && (effectiveUser.equalsIgnoreCase(user.mailNickname())
                        || effectiveUser.equalsIgnoreCase(user.userPrincipalName())
                        || effectiveUser.equalsIgnoreCase(user.displayName())
                        || effectiveUser.equalsIgnoreCase(user.id()));
    }

    private static String retry(TenantException e) {
        return e.isTransient()
                ? "Try again in a few minutes."
                : "Check that the bot's app has the permissions listed in deploy/README.md.";
    }

    private static String aliasOf(AccountRef account) {
        String value = account.value();
        int at = value.indexOf('@');
        return at < 0 ? value : value.substring(0, at);
    }
}
