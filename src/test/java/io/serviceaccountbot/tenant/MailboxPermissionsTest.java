package io.serviceaccountbot.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tenant-wide application permissions reach mailboxes, and so add to any scope of RBAC for Applications. */
class MailboxPermissionsTest {

    private static TenantWidePermission graph(String permission) {
        return new TenantWidePermission(
                "a-" + permission, MailboxPermissions.MICROSOFT_GRAPH, "Microsoft Graph", permission);
    }

    private static TenantWidePermission exchange(String permission) {
        return new TenantWidePermission(
                "e-" + permission, MailboxPermissions.EXCHANGE_ONLINE, "Office 365 Exchange Online", permission);
    }

    @Test
    void graphPermissionsOnMailCalendarsContactsAndMailboxSettingsReachMailboxes() {
        assertThat(List.of(
                        "Mail.Read",
                        "Mail.ReadWrite",
                        "Mail.Send",
                        "Calendars.ReadWrite",
                        "Contacts.ReadWrite",
                        "MailboxSettings.Read",
                        "MailboxFolder.Read.All",
                        "MailboxItem.Read.All"))
                .allSatisfy(permission -> assertThat(MailboxPermissions.reachesMailboxes(graph(permission)))
                        .as(permission)
                        .isTrue());
    }

    @Test
    void graphPermissionsOnTheDirectoryDoNot() {
        assertThat(List.of("User.Read.All", "Group.Read.All", "Directory.Read.All", "MailPolicy.Read"))
                .noneSatisfy(permission -> assertThat(MailboxPermissions.reachesMailboxes(graph(permission)))
                        .isTrue());
    }

    @Test
    void exchangeOnlinesFullAccessAsAppAndItsMailPermissionsReachMailboxes() {
        assertThat(MailboxPermissions.of(List.of(
                        exchange("full_access_as_app"),
                        exchange("Mail.Read"),
                        exchange("Exchange.ManageAsApp"),
                        graph("User.Read.All"))))
                .extracting(TenantWidePermission::permission)
                .containsExactly("full_access_as_app", "Mail.Read");
    }

    @Test
    void theSameNamesOnAnotherApiReachNoMailbox() {
        assertThat(MailboxPermissions.reachesMailboxes(new TenantWidePermission(
                        "x", "11111111-0000-4000-8000-000000000000", "Contoso API", "Mail.Read")))
                .isFalse();
    }
}
