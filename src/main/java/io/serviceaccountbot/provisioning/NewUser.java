package io.serviceaccountbot.provisioning;

/**
 * A user to create as a service account: enabled, and never forced to change its password at first sign-in.
 *
 * @param alias the mailNickname
 * @param displayName the name people see
 * @param userPrincipalName the sign-in name, in a verified domain
 * @param usageLocation the ISO country code, needed before a licence is assigned
 * @param password the initial password; it is stored in the secret store, never shown
 */
public record NewUser(
        String alias, String displayName, String userPrincipalName, String usageLocation, Secret password) {}
