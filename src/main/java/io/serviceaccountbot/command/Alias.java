package io.serviceaccountbot.command;

/**
 * The alias of a service account the bot is about to create, e.g. {@code svc-sync}. It becomes the account's
 * mailNickname and the part of its user principal name before the @, so it follows {@link
 * DirectoryRules#NEW_ACCOUNT_ALIAS}.
 *
 * @param value the alias, as typed (aliases are not case-sensitive in Entra ID, so the case is kept for display)
 */
public record Alias(String value) {

    /** @throws IllegalArgumentException if the value is not a valid alias for a new account */
    public Alias {
        value = DirectoryRules.NEW_ACCOUNT_ALIAS.require(value);
    }

    public static Alias of(String value) {
        return new Alias(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
