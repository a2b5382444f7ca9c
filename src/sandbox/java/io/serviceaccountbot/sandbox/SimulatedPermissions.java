package io.serviceaccountbot.sandbox;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The application permissions the simulated tenant has granted the bot, all of them unless some are refused
 * (configuration {@code bot.sandbox.refused-permissions}, or {@code PUT /sandbox/control/permissions}): a call that
 * needs a refused permission is answered as Microsoft 365 answers it, 403 {@code Authorization_RequestDenied} from
 * Graph, 401 from Exchange. Each Graph call needs the least-privileged permission the bot is registered with for it.
 */
class SimulatedPermissions {

    static final String USERS = "User.ReadWrite.All";
    static final String LICENCES = "LicenseAssignment.ReadWrite.All";
    static final String MAILBOX_SETTINGS = "MailboxSettings.Read";
    static final String GROUP_MEMBERS = "GroupMember.Read.All";
    static final String DOMAINS = "Domain.Read.All";
    static final String APPLICATIONS = "Application.Read.All";
    static final String EXCHANGE = "Exchange.ManageAsApp";
    static final String APP_ROLE_ASSIGNMENTS = "AppRoleAssignment.ReadWrite.All";

    /** Every permission the simulated tenant can refuse. */
    static final Set<String> ALL = Set.of(
            USERS, LICENCES, MAILBOX_SETTINGS, GROUP_MEMBERS, DOMAINS, APPLICATIONS, EXCHANGE, APP_ROLE_ASSIGNMENTS);

    private final Set<String> refused = new ConcurrentSkipListSet<>(String.CASE_INSENSITIVE_ORDER);

    SimulatedPermissions(Collection<String> refused) {
        refuse(refused);
    }

    /** Refuses exactly these (unknown names are refused too, and change nothing). */
    void refuse(Collection<String> permissions) {
        refused.clear();
        refused.addAll(permissions);
    }

    Set<String> refused() {
        return new TreeSet<>(refused);
    }

    boolean refuses(String permission) {
        return refused.contains(permission);
    }

    /** The permission a Graph call needs, from its method and its path below {@code /v1.0}. */
    static Optional<String> forGraph(String method, String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith("/checkmembergroups") || lower.startsWith("/groups")) {
            return Optional.of(GROUP_MEMBERS);
        }
        if (lower.endsWith("/assignlicense") || lower.startsWith("/subscribedskus")) {
            return Optional.of(LICENCES);
        }
        if (lower.endsWith("/mailboxsettings")) {
            return Optional.of(MAILBOX_SETTINGS);
        }
        if (lower.startsWith("/users")) {
            return Optional.of(USERS);
        }
        if (lower.startsWith("/domains")) {
            return Optional.of(DOMAINS);
        }
        if ("DELETE".equalsIgnoreCase(method) && lower.contains("/approleassignments/")) {
            return Optional.of(APP_ROLE_ASSIGNMENTS);
        }
        if (lower.startsWith("/serviceprincipals")) {
            return Optional.of(APPLICATIONS);
        }
        return Optional.empty();
    }

    /** The refused permission this Graph call needs, if it needs one. */
    Optional<String> refusedFor(String method, String path) {
        return forGraph(method, path).filter(this::refuses);
    }
}
