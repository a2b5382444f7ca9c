package io.serviceaccountbot.tenant;

/**
 * A user to create as a service account: enabled, never forced to change its password at first sign-in, and with a
 * password that never expires (a service cannot change it when it does).
 *
 * @param alias the mailNickname
 * @param displayName the name people see
 * @param userPrincipalName the sign-in name, in a verified domain
 * @param usageLocation the ISO country code, needed before a licence is assigned (Entra ID only)
 * @param password the initial password; it is stored in the secret store, never shown
 * @param secretName the name the password is stored under in the secret store, for a directory that must fetch it
 *     itself (Exchange Server's runner reads it from Key Vault by name; a job never carries the value)
 */
public record NewUser(
        String alias,
        String displayName,
        String userPrincipalName,
        String usageLocation,
        Secret password,
        String secretName) {

    /** A user whose password is stored under its alias's usual name ({@link SecretNames#forPassword}). */
    public NewUser(String alias, String displayName, String userPrincipalName, String usageLocation, Secret password) {
        this(alias, displayName, userPrincipalName, usageLocation, password, SecretNames.forPassword(alias));
    }
}
