package io.serviceaccountbot.command;

import java.util.Objects;

/**
 * An existing account, named the way an admin names it: by alias (mailNickname) or by user principal name. Text with
 * an @ is a user principal name; anything else is an alias.
 */
public sealed interface AccountRef {

    /** The alias or user principal name, as typed. */
    String value();

    /**
     * Reads an alias or a user principal name.
     *
     * @throws IllegalArgumentException if it is neither
     */
    static AccountRef of(String text) {
        Objects.requireNonNull(text, "account");
        return text.indexOf('@') >= 0 ? new ByUpn(text) : new ByAlias(text);
    }

    /** An account named by its alias, e.g. {@code svc-sync}; follows {@link DirectoryRules#MAIL_NICKNAME}. */
    record ByAlias(String alias) implements AccountRef {

        public ByAlias {
            alias = DirectoryRules.MAIL_NICKNAME.require(alias);
        }

        @Override
        public String value() {
            return alias;
        }
    }

    /**
     * An account named by its user principal name, e.g. {@code svc-sync@contoso.com}; follows {@link
     * DirectoryRules#USER_PRINCIPAL_NAME}.
     */
    record ByUpn(String upn) implements AccountRef {

        public ByUpn {
            upn = DirectoryRules.USER_PRINCIPAL_NAME.require(upn);
        }

        @Override
        public String value() {
            return upn;
        }
    }
}
