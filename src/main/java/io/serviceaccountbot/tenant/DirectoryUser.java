package io.serviceaccountbot.tenant;

import java.util.List;
import java.util.Set;

/**
 * A user in the directory, with what the bot checks about a service account.
 *
 * @param id the Entra object id
 * @param displayName the name people see
 * @param userPrincipalName the sign-in name
 * @param mailNickname the alias
 * @param accountEnabled whether the account can sign in
 * @param usageLocation the ISO country code, or null when not set
 * @param forceChangePasswordNextSignIn whether the next sign-in must change the password; null when the directory
 *     does not say
 * @param licenseSkuIds the ids of the licences assigned
 * @param exchangePlanEnabled whether an assigned licence has an enabled Exchange Online service plan
 * @param passwordPolicies the user's password policies ({@value #DISABLE_PASSWORD_EXPIRATION}, {@code
 *     DisableStrongPassword}); empty when it has none, so its password follows the organisation's expiration policy
 */
public record DirectoryUser(
        String id,
        String displayName,
        String userPrincipalName,
        String mailNickname,
        boolean accountEnabled,
        String usageLocation,
        Boolean forceChangePasswordNextSignIn,
        List<String> licenseSkuIds,
        boolean exchangePlanEnabled,
        Set<String> passwordPolicies) {

    /** The password policy that keeps the user's password from expiring, whatever the organisation's policy says. */
    public static final String DISABLE_PASSWORD_EXPIRATION = "DisablePasswordExpiration";

    public DirectoryUser {
        passwordPolicies = passwordPolicies == null ? Set.of() : Set.copyOf(passwordPolicies);
    }

    /** Whether the password never expires: a service's password that expires stops it, silently, months later. */
    public boolean passwordNeverExpires() {
        return passwordPolicies.stream().anyMatch(DISABLE_PASSWORD_EXPIRATION::equalsIgnoreCase);
    }
}
