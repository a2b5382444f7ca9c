package io.serviceaccountbot.tenant;

import java.util.List;
import java.util.Locale;

/**
 * Which tenant-wide application permissions reach mailboxes: on Microsoft Graph those on mail, calendars, contacts,
 * mailbox settings, folders and items (Mail.Read, Calendars.ReadWrite, MailboxSettings.Read, …); on Office 365 Exchange
 * Online {@code full_access_as_app} (EWS on every mailbox) and its own mail, calendar, contacts and mailbox-settings
 * permissions. A scope of RBAC for Applications restricts none of them: they add to it.
 */
public final class MailboxPermissions {

    /** Microsoft Graph's application id, the same in every tenant. */
    public static final String MICROSOFT_GRAPH = "00000003-0000-0000-c000-000000000000";

    /** Office 365 Exchange Online's application id, the same in every tenant. */
    public static final String EXCHANGE_ONLINE = "00000002-0000-0ff1-ce00-000000000000";

    private static final List<String> GRAPH_PREFIXES =
            List.of("mail.", "calendars.", "contacts.", "mailboxsettings.", "mailboxfolder.", "mailboxitem.");

    private static final List<String> EXCHANGE_PREFIXES =
            List.of("mail.", "calendars.", "contacts.", "mailboxsettings.");

    private MailboxPermissions() {}

    /** Whether the permission lets the app into mailboxes. */
    public static boolean reachesMailboxes(TenantWidePermission permission) {
        String value =
                permission.permission() == null ? "" : permission.permission().toLowerCase(Locale.ROOT);
        if (MICROSOFT_GRAPH.equalsIgnoreCase(permission.resourceAppId())) {
            return GRAPH_PREFIXES.stream().anyMatch(value::startsWith);
        }
        if (EXCHANGE_ONLINE.equalsIgnoreCase(permission.resourceAppId())) {
            return value.equals("full_access_as_app")
                    || EXCHANGE_PREFIXES.stream().anyMatch(value::startsWith);
        }
        return false;
    }

    /** Of these permissions, those that reach mailboxes. */
    public static List<TenantWidePermission> of(List<TenantWidePermission> permissions) {
        return permissions.stream().filter(MailboxPermissions::reachesMailboxes).toList();
    }
}
