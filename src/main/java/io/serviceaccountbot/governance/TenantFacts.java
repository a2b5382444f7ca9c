package io.serviceaccountbot.governance;

import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeReads;
import io.serviceaccountbot.tenant.MailboxStatus;
import io.serviceaccountbot.tenant.TenantWidePermission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a grant's facts from the tenant as they are now (reading only): the account, the role groups and groups its
 * access goes through, an app's roles and tenant-wide permissions. Used to record what was approved right after an
 * approved plan ran, and to compare the tenant with it later.
 */
class TenantFacts {

    static final String IMPERSONATION = "ApplicationImpersonation";
    static final String EXISTS = "exists";
    static final String ENABLED = "enabled";
    static final String MAILBOX = "has a mailbox";
    static final String PASSWORD_KEPT = "password never expires";

    private final AccountDirectory accounts;
    private final Directory directory;
    private final ExchangeAdmin exchange;

    TenantFacts(AccountDirectory accounts, Directory directory, ExchangeAdmin exchange) {
        this.accounts = accounts;
        this.directory = directory;
        this.exchange = exchange;
    }

    /** The facts that make up an account's ApplicationImpersonation as it holds it now, with their values. */
    SortedMap<FactKey, SortedSet<String>> impersonationOf(String upn, Optional<String> scopeGroup) {
        List<FactKey> keys = new ArrayList<>();
        keys.add(new FactKey(FactKey.Kind.ACCOUNT, upn));
        try (ExchangeReads.Kept kept = exchange.readTogether(
                ExchangeReads.none().effectiveHolders(IMPERSONATION).account(upn))) {
            Optional<DirectoryUser> user = accounts.findUser(upn);
            for (ExchangeAdmin.EffectiveAssignment way : exchange.effectiveAssignments(IMPERSONATION)) {
                if (!isTheAccount(way.user(), upn, user)) {
                    continue;
                }
                if (way.name() != null) {
                    add(keys, new FactKey(FactKey.Kind.SCOPED_IMPERSONATION, upn));
                }
                if (way.recipientScope() != null) {
                    add(keys, new FactKey(FactKey.Kind.SCOPE_FILTER, way.recipientScope()));
                } else if (way.assignee() != null) {
                    add(keys, new FactKey(FactKey.Kind.ROLE_GROUP_MEMBERS, way.assignee()));
                    add(keys, new FactKey(FactKey.Kind.ROLE_GROUP_ROLES, way.assignee()));
                }
                if (way.via() != null) {
                    add(keys, new FactKey(FactKey.Kind.GROUP_MEMBERS, way.via()));
                }
            }
        }
        scopeGroup.ifPresent(group -> add(keys, new FactKey(FactKey.Kind.GROUP_MEMBERS, group)));
        return readAll(keys);
    }

    /** The facts of an app's access through RBAC for Applications, scoped to the mailboxes of a group. */
    SortedMap<FactKey, SortedSet<String>> appAccessOf(String appId, String group) {
        SortedMap<FactKey, SortedSet<String>> facts = readAll(List.of(
                new FactKey(FactKey.Kind.APP_ROLES, appId),
                new FactKey(FactKey.Kind.GROUP_MEMBERS, group),
                new FactKey(FactKey.Kind.TENANT_WIDE, appId)));
        List<FactKey> scopes = new ArrayList<>();
        for (String role : facts.get(new FactKey(FactKey.Kind.APP_ROLES, appId))) {
            String scope = appRoleScope(role);
            if (scope != null) {
                add(scopes, new FactKey(FactKey.Kind.SCOPE_FILTER, scope));
            }
        }
        facts.putAll(readAll(scopes));
        return facts;
    }

    private static void add(List<FactKey> keys, FactKey key) {
        if (keys.stream().noneMatch(key::sameAs)) {
            keys.add(key);
        }
    }

    /**
     * Each fact's values as the tenant holds them now, the Exchange reads asked together: on Exchange Server one
     * runner job reads them all, where each would otherwise be a job of its own.
     */
    SortedMap<FactKey, SortedSet<String>> readAll(Collection<FactKey> keys) {
        ExchangeReads reads = ExchangeReads.none();
        for (FactKey key : keys) {
            reads = switch (key.kind()) {
                case ACCOUNT -> reads.account(key.name());
                case ROLE_GROUP_MEMBERS, ROLE_GROUP_ROLES -> reads.roleGroup(key.name());
                case GROUP_MEMBERS -> reads.securityGroup(key.name());
                case SCOPED_IMPERSONATION ->
                    reads.effectiveHolders(IMPERSONATION).account(key.name());
                case APP_ROLES, TENANT_WIDE, SCOPE_FILTER -> reads;
            };
        }
        SortedMap<FactKey, SortedSet<String>> facts = new TreeMap<>();
        try (ExchangeReads.Kept kept = exchange.readTogether(reads)) {
            keys.forEach(key -> facts.put(key, read(key)));
        }
        return facts;
    }

    /** One fact's values as the tenant holds them now; an absent group or app has none. */
    SortedSet<String> read(FactKey key) {
        return switch (key.kind()) {
            case ACCOUNT -> account(key.name());
            case ROLE_GROUP_MEMBERS ->
                sorted(exchange.roleGroup(key.name())
                        .map(ExchangeAdmin.RoleGroup::members)
                        .orElse(List.of()));
            case ROLE_GROUP_ROLES ->
                sorted(exchange.roleGroup(key.name())
                        .map(ExchangeAdmin.RoleGroup::roles)
                        .orElse(List.of()));
            case GROUP_MEMBERS ->
                sorted(exchange.securityGroup(key.name())
                        .map(ExchangeAdmin.MailEnabledGroup::members)
                        .orElse(List.of()));
            case SCOPED_IMPERSONATION -> scopedImpersonation(key.name());
            case SCOPE_FILTER ->
                sorted(
                        exchange
                                .managementScope(key.name())
                                .map(ExchangeAdmin.ManagementScope::recipientRestrictionFilter)
                                .stream()
                                .toList());
            case APP_ROLES ->
                sorted(exchange.appRoleAssignments().stream()
                        .filter(grant -> key.name()
                                        .equalsIgnoreCase(grant.assignment().appId())
                                || (grant.app() != null
                                        && key.name()
                                                .equalsIgnoreCase(grant.app().appId())))
                        .map(grant -> appRole(grant.assignment()))
                        .toList());
            case TENANT_WIDE ->
                sorted(directory
                        .findServicePrincipal(key.name())
                        .map(app -> directory.tenantWidePermissions(app).stream()
                                .map(TenantWidePermission::label)
                                .toList())
                        .orElse(List.of()));
        };
    }

    /** An application role as a fact keeps it: the role, and the scope it is limited to. */
    static String appRole(ExchangeAdmin.AppRoleAssignment assignment) {
        return assignment.role() + (assignment.scope() == null ? EVERY_MAILBOX : IN_SCOPE + assignment.scope());
    }

    static final String EVERY_MAILBOX = " over every mailbox";
    static final String IN_SCOPE = " in scope ";
    static final String OVER_SCOPE = " over scope ";

    private SortedSet<String> account(String upn) {
        SortedSet<String> values = new TreeSet<>();
        Optional<DirectoryUser> user = accounts.findUser(upn);
        if (user.isEmpty()) {
            return values;
        }
        values.add(EXISTS);
        if (user.get().accountEnabled()) {
            values.add(ENABLED);
        }
        if (user.get().passwordNeverExpires()) {
            values.add(PASSWORD_KEPT);
        }
        if (accounts.mailboxStatus(user.get()) == MailboxStatus.READY) {
            values.add(MAILBOX);
        }
        return values;
    }

    private SortedSet<String> scopedImpersonation(String upn) {
        Optional<DirectoryUser> user = accounts.findUser(upn);
        return sorted(exchange.effectiveAssignments(IMPERSONATION).stream()
                .filter(way -> way.name() != null && isTheAccount(way.user(), upn, user))
                .map(way -> way.name() + OVER_SCOPE + way.recipientScope())
                .toList());
    }

    private static boolean isTheAccount(String holder, String upn, Optional<DirectoryUser> user) {
        if (holder == null) {
            return false;
        }
        String alias = upn.contains("@") ? upn.substring(0, upn.indexOf('@')) : upn;
        return holder.equalsIgnoreCase(upn)
                || holder.equalsIgnoreCase(alias)
                || user.map(found -> holder.equalsIgnoreCase(found.displayName())
                                || holder.equalsIgnoreCase(found.mailNickname()))
                        .orElse(false);
    }

    private static SortedSet<String> sorted(Collection<String> values) {
        SortedSet<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        values.stream().map(value -> value.strip()).forEach(sorted::add);
        return sorted;
    }

    static String appRoleName(String value) {
        return value.contains(TenantFacts.IN_SCOPE)
                ? before(value, TenantFacts.IN_SCOPE)
                : before(value, TenantFacts.EVERY_MAILBOX);
    }

    static String appRoleScope(String value) {
        return value.contains(TenantFacts.IN_SCOPE) ? after(value, TenantFacts.IN_SCOPE) : null;
    }

    static String before(String value, String separator) {
        int at = value.indexOf(separator);
        return at < 0 ? value : value.substring(0, at);
    }

    static String after(String value, String separator) {
        int at = value.indexOf(separator);
        return at < 0 ? "" : value.substring(at + separator.length());
    }
}
