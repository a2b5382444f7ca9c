package io.serviceaccountbot.provisioning;

/**
 * A user in the directory.
 *
 * @param id the Entra object id
 * @param displayName the name people see
 * @param userPrincipalName the sign-in name
 * @param mailNickname the alias
 * @param accountEnabled whether the account can sign in
 */
public record DirectoryUser(
        String id, String displayName, String userPrincipalName, String mailNickname, boolean accountEnabled) {}
