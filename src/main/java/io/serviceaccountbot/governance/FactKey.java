package io.serviceaccountbot.governance;

import java.util.Locale;
import java.util.Objects;

/**
 * One thing about a grant that the bot keeps as it was approved, e.g. the members of the role group that holds
 * ApplicationImpersonation; its values are read from the tenant by {@link TenantFacts}.
 *
 * @param kind what is read
 * @param name of what: an account's sign-in name, a group's or role group's name, an app id
 */
public record FactKey(Kind kind, String name) implements Comparable<FactKey> {

    /** What a fact reads. */
    public enum Kind {
        /** The account itself: whether it exists, is enabled and has its mailbox. */
        ACCOUNT("account"),
        /** The members of a role group. */
        ROLE_GROUP_MEMBERS("role-group-members"),
        /** The management roles of a role group. */
        ROLE_GROUP_ROLES("role-group-roles"),
        /** The members of a mail-enabled security group: the accounts it lets in, or the mailboxes in a scope. */
        GROUP_MEMBERS("group-members"),
        /** An account's own ApplicationImpersonation assignments limited to a scope. */
        SCOPED_IMPERSONATION("scoped-impersonation"),
        /** The recipient filter of a management scope: which mailboxes a scoped role reaches. */
        SCOPE_FILTER("scope-filter"),
        /** An app's application roles of RBAC for Applications, each with its scope. */
        APP_ROLES("app-roles"),
        /** An app's tenant-wide application permissions, which reach every mailbox whatever its scope. */
        TENANT_WIDE("tenant-wide");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        static Kind ofPrefix(String prefix) {
            for (Kind kind : values()) {
                if (kind.prefix.equals(prefix)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("no such fact: " + prefix);
        }
    }

    public FactKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** How it is stored: {@code <kind>:<name>}. */
    public String text() {
        return kind.prefix + ":" + name;
    }

    static FactKey of(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a fact: " + text);
        }
        return new FactKey(Kind.ofPrefix(text.substring(0, colon)), text.substring(colon + 1));
    }

    /** The same fact whatever the case of its name, as Exchange and Entra compare names. */
    boolean sameAs(FactKey other) {
        return kind == other.kind && name.equalsIgnoreCase(other.name);
    }

    /** What it is, in words that follow "the …". */
    public String words() {
        return switch (kind) {
            case ACCOUNT -> "account " + name;
            case ROLE_GROUP_MEMBERS -> "members of role group '" + name + "'";
            case ROLE_GROUP_ROLES -> "roles of role group '" + name + "'";
            case GROUP_MEMBERS -> "members of group '" + name + "'";
            case SCOPED_IMPERSONATION -> "ApplicationImpersonation of " + name + " limited to a scope";
            case SCOPE_FILTER -> "filter of management scope '" + name + "'";
            case APP_ROLES -> "application roles of app " + name;
            case TENANT_WIDE -> "tenant-wide permissions of app " + name;
        };
    }

    @Override
    public int compareTo(FactKey other) {
        return text().toLowerCase(Locale.ROOT).compareTo(other.text().toLowerCase(Locale.ROOT));
    }
}
