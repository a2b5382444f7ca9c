package io.serviceaccountbot.provisioning;

import java.util.List;

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
        boolean exchangePlanEnabled) {}
