package io.serviceaccountbot.plans;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.AuthorizationResult;
import io.serviceaccountbot.tenant.ExchangeAdmin.MailEnabledGroup;
import io.serviceaccountbot.tenant.ExchangeAdmin.ManagementScope;
import io.serviceaccountbot.tenant.TenantException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which group's mailboxes Salesforce reads, asked of Exchange rather than remembered: the application roles
 * Salesforce's app holds ({@code Test-ServicePrincipalAuthorization} without a mailbox), the management scope of each
 * ({@code Get-ManagementScope}), and the group that scope's {@code MemberOfGroup} filter names, found by its
 * distinguished name. A set-up made by hand the way Salesforce's KB describes is found as well as one the bot made.
 */
public class SalesforceSyncGroups {

    /** {@code MemberOfGroup -eq '<distinguished name>'}, as the set-up writes it, with or without brackets. */
    private static final Pattern MEMBER_OF_GROUP = Pattern.compile(
            "^\\s*\\(?\\s*MemberOfGroup\\s+-eq\\s+(?:'((?:[^']|'')*)'|\"([^\"]*)\")\\s*\\)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** What stands in for the group in a suggested command. */
    private static final String GROUP_STAND_IN = "<group of the mailboxes to sync>";

    private final ExchangeAdmin exchange;
    private final SalesforceProperties salesforce;

    public SalesforceSyncGroups(ExchangeAdmin exchange, SalesforceProperties salesforce) {
        this.exchange = exchange;
        this.salesforce = salesforce;
    }

    /**
     * One scope of Salesforce's app.
     *
     * @param scope the management scope's name
     * @param filter its recipient filter
     * @param roles the application roles Salesforce holds within it
     * @param group the mail-enabled security group its filter names; empty when the filter is of another kind, or
     *     names a group Exchange no longer has
     */
    public record SyncScope(String scope, String filter, List<String> roles, Optional<MailEnabledGroup> group) {

        public SyncScope {
            roles = List.copyOf(roles);
        }
    }

    /** What a lookup of the group came to. */
    public sealed interface Lookup {}

    /** Salesforce reads the mailboxes of this group, through this scope. */
    public record Found(SyncScope scope, MailEnabledGroup group) implements Lookup {}

    /**
     * There is no one group to act on.
     *
     * @param why in words for the chat
     * @param suggestion a command to type instead, or null
     */
    public record NotFound(String why, String suggestion) implements Lookup {}

    /**
     * Every scope Salesforce's app holds roles in; empty when the app is not registered in Exchange or holds no scoped
     * role.
     *
     * @throws TenantException when Exchange cannot be read just now
     */
    public List<SyncScope> scopes() {
        Optional<List<AuthorizationResult>> roles = exchange.servicePrincipalRoles(salesforce.appId());
        if (roles.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> byScope = new LinkedHashMap<>();
        for (AuthorizationResult role : roles.get()) {
            if (role.scope() == null || "Organization".equalsIgnoreCase(role.scope())) {
                continue;
            }
            byScope.computeIfAbsent(role.scope(), scope -> new ArrayList<>()).add(role.role());
        }
        List<SyncScope> scopes = new ArrayList<>();
        byScope.forEach((name, scopeRoles) -> {
            String filter = exchange.managementScope(name)
                    .map(ManagementScope::recipientRestrictionFilter)
                    .orElse(null);
            Optional<MailEnabledGroup> group = distinguishedName(filter).flatMap(exchange::securityGroup);
            scopes.add(new SyncScope(name, filter, scopeRoles, group));
        });
        return scopes;
    }

    /**
     * The group whose mailboxes Salesforce reads: the one named, or the only one there is.
     *
     * @param named the group the admin named, if any
     * @throws TenantException when Exchange cannot be read just now
     */
    public Lookup find(Optional<String> named) {
        List<SyncScope> scopes = scopes();
        List<Found> found = scopes.stream()
                .filter(scope -> scope.group().isPresent())
                .map(scope -> new Found(scope, scope.group().get()))
                .toList();
        if (named.isPresent()) {
            String wanted = named.get().toLowerCase(Locale.ROOT);
            return found.stream()
                    .filter(one -> one.group().name().toLowerCase(Locale.ROOT).equals(wanted)
                            || (one.group().alias() != null
                                    && one.group()
                                            .alias()
                                            .toLowerCase(Locale.ROOT)
                                            .equals(wanted)))
                    .<Lookup>map(one -> one)
                    .findFirst()
                    .orElseGet(() -> new NotFound(
                            "Salesforce's app has no scope on the mailboxes of '" + named.get() + "'"
                                    + (found.isEmpty() ? "." : "; it reads the mailboxes of " + names(found) + "."),
                            found.isEmpty() ? setup(named.get()) : null));
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            return new NotFound(
                    scopes.isEmpty()
                            ? "Salesforce's sync is not set up in this organisation: Salesforce's app (app id "
                                    + salesforce.appId() + ") holds no scoped role in Exchange. Set it up first, for"
                                    + " the group of the mailboxes Salesforce may read."
                            : "Salesforce's app holds roles only in scopes that name no group ("
                                    + String.join(
                                            ", ",
                                            scopes.stream().map(this::described).toList())
                                    + "), so there is no group to change. Change those scopes in Exchange, or set up"
                                    + " the sync for a group.",
                    setup(GROUP_STAND_IN));
        }
        return new NotFound(
                "Salesforce reads the mailboxes of several groups: " + names(found) + ". Say which one with"
                        + " for group \"<group>\".",
                null);
    }

    /** The distinguished name a {@code MemberOfGroup} filter names. */
    static Optional<String> distinguishedName(String filter) {
        if (filter == null) {
            return Optional.empty();
        }
        Matcher matcher = MEMBER_OF_GROUP.matcher(filter);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) != null ? matcher.group(1).replace("''", "'") : matcher.group(2));
    }

    private String described(SyncScope scope) {
        return "'" + scope.scope() + "'" + (scope.filter() == null ? "" : " (" + scope.filter() + ")");
    }

    private static String names(List<Found> found) {
        return String.join(
                ", ", found.stream().map(one -> "'" + one.group().name() + "'").toList());
    }

    private static String setup(String group) {
        return CommandText.of(new Command.SetupSalesforceSync(group, List.of(), Optional.empty()));
    }
}
