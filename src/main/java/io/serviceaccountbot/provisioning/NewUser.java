package io.serviceaccountbot.provisioning;

/**
 * A user to create as a service account: enabled, never forced to change its password at first sign-in, and with a
 * password that never expires (a service cannot change it when it does).
 *
 * @param alias the mailNickname
 * @param displayName the name people see
 * @param userPrincipalName the sign-in name, in a verified domain
 * @param usageLocation the ISO country code, needed before a licence is assigned
 * @param password the initial password; it is stored in the secret store, never shown
 */
public record NewUser(
        String alias, String displayName, String userPrincipalName, String usageLocation, Secret password) {}
