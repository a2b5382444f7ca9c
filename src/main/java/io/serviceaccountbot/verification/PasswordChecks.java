package io.serviceaccountbot.verification;

import io.serviceaccountbot.tenant.DirectoryUser;
import java.util.Set;
import java.util.TreeSet;

/**
 * The two things about a service account's password that stop a service, read from the directory user: a change
 * forced at the next sign-in, and a password that can expire. A service cannot change its password, so either one
 * ends its sign-ins, the second silently and months later.
 */
final class PasswordChecks {

    static final String NO_FORCED_CHANGE = "No password change at next sign-in";
    static final String NEVER_EXPIRES = "Password never expires";

    private PasswordChecks() {}

    static Check noForcedChange(DirectoryUser user) {
        if (user.forceChangePasswordNextSignIn() == null) {
            return Check.notApplicable(NO_FORCED_CHANGE, "The directory does not say for this account");
        }
        return user.forceChangePasswordNextSignIn()
                ? Check.failed(
                        NO_FORCED_CHANGE,
                        "The account must change its password at next sign-in, which a service cannot do",
                        "Reset the password with \"Require this user to change their password\" unchecked.")
                : Check.passed(NO_FORCED_CHANGE, "Not required");
    }

    /**
     * Passed when the account has the password policy DisablePasswordExpiration. Without it the password follows the
     * organisation's expiration policy; the fix keeps the policies the account has, because Graph replaces them all.
     */
    static Check neverExpires(DirectoryUser user) {
        return neverExpires(user, true);
    }

    /**
     * @param entra whether the account is in Entra ID (the fix is Update-MgUser) or in Active Directory on premises
     *     (the fix is Set-ADUser -PasswordNeverExpires)
     */
    static Check neverExpires(DirectoryUser user, boolean entra) {
        if (user.passwordNeverExpires() && !entra) {
            return Check.passed(NEVER_EXPIRES, "Set never to expire (PasswordNeverExpires in Active Directory)");
        }
        if (!entra) {
            return Check.failed(
                    NEVER_EXPIRES,
                    "The password can expire: PasswordNeverExpires is not set on the account in Active Directory, so"
                            + " the domain's password policy applies to it, and a service cannot change an expired"
                            + " password",
                    "On a machine with the ActiveDirectory module, as someone who may change the account, run:"
                            + " Set-ADUser -Identity " + user.mailNickname() + " -PasswordNeverExpires $true");
        }
        if (user.passwordNeverExpires()) {
            return Check.passed(
                    NEVER_EXPIRES, "Set never to expire (" + DirectoryUser.DISABLE_PASSWORD_EXPIRATION + ")");
        }
        Set<String> policies = new TreeSet<>(user.passwordPolicies());
        policies.add(DirectoryUser.DISABLE_PASSWORD_EXPIRATION);
        String value = policies.size() == 1 ? policies.iterator().next() : "\"" + String.join(", ", policies) + "\"";
        return Check.failed(
                NEVER_EXPIRES,
                "The password can expire: the account does not have the password policy "
                        + DirectoryUser.DISABLE_PASSWORD_EXPIRATION
                        + ", so the organisation's password expiration policy applies to it, and a service cannot"
                        + " change an expired password",
                "In Microsoft Graph PowerShell, signed in as at least a User Administrator, run: Update-MgUser -UserId "
                        + user.userPrincipalName() + " -PasswordPolicies " + value
                        + ". An organisation whose password expiration policy is set to never expire (Microsoft 365"
                        + " admin center > Settings > Org settings > Security & privacy) keeps it from expiring too.");
    }
}
