package io.serviceaccountbot.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.MailboxPermissions;
import io.serviceaccountbot.tenant.ServicePrincipal;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantWidePermission;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The words approvers read about an app's tenant-wide consent, and what the step does when Graph refuses the bot: the
 * manual fix instead of an obscure failure. The directory is a stand-in answering only the two calls concerned.
 */
class TenantWideConsentTest {

    static final ServicePrincipal APP = new ServicePrincipal(
            "5e1f5a1e-0000-4000-8000-000000000002", "c55d6177-918e-4745-96d3-1715194bc7e8", "Salesforce");

    private final List<TenantWidePermission> held = new ArrayList<>(
            List.of(graph("a1", "Mail.Read"), graph("a2", "Calendars.ReadWrite"), graph("a3", "User.Read.All")));
    private final List<String> removed = new ArrayList<>();
    private TenantException.Kind readRefused;
    private TenantException.Kind removeRefused;

    private static TenantWidePermission graph(String id, String permission) {
        return new TenantWidePermission(id, MailboxPermissions.MICROSOFT_GRAPH, "Microsoft Graph", permission);
    }

    private static TenantException refused(TenantException.Kind kind) {
        return new TenantException(
                kind,
                "Microsoft Graph",
                "Authorization_RequestDenied",
                null,
                "Insufficient privileges to complete the operation.",
                null);
    }

    private final Directory directory = (Directory) Proxy.newProxyInstance(
            Directory.class.getClassLoader(), new Class<?>[] {Directory.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "tenantWidePermissions" -> {
                        if (readRefused != null) {
                            throw refused(readRefused);
                        }
                        return List.copyOf(held);
                    }
                    case "removeTenantWidePermission" -> {
                        if (removeRefused != null) {
                            throw refused(removeRefused);
                        }
                        removed.add((String) args[1]);
                        held.removeIf(permission -> permission.assignmentId().equals(args[1]));
                        return null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                }
            });

    private final TenantWideConsent consent = new TenantWideConsent(directory);

    @Test
    void theWordsSayWhatTheAppReadsTodayAndWhatItWillReadAfter() {
        String words = TenantWideConsent.words(APP, consent.find(APP), "Sales Team", 2);

        assertThat(words)
                .isEqualTo("Remove the tenant-wide permissions that let Salesforce read every mailbox: Microsoft Graph"
                        + " Mail.Read, Calendars.ReadWrite (granted at admin consent; they add to any scope). Salesforce"
                        + " can today read every mailbox in the organisation; after this only the 2 mailboxes of 'Sales"
                        + " Team'");
    }

    @Test
    void theStepRemovesOnlyThePermissionsOnMailboxesAndARetryRemovesNothingMore() {
        StepOutcome first = consent.remove(APP);
        StepOutcome again = consent.remove(APP);

        assertThat(removed).containsExactly("a1", "a2");
        assertThat(first.status()).isEqualTo(StepOutcome.Status.DONE);
        assertThat(again.status()).isEqualTo(StepOutcome.Status.ALREADY_DONE);
        assertThat(consent.remaining(APP)).isEmpty();
    }

    @Test
    void whenTheBotMayNotRemoveThemTheStepShowsTheManualFix() {
        removeRefused = TenantException.Kind.ACCESS_DENIED;

        StepOutcome outcome = consent.remove(APP);

        assertThat(outcome.status()).isEqualTo(StepOutcome.Status.FAILED);
        assertThat(outcome.fix())
                .contains("Enterprise applications > Salesforce > Permissions")
                .contains("Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId " + APP.id())
                .contains("AppRoleAssignment.ReadWrite.All");
        assertThat(consent.remaining(APP).orElseThrow().text()).contains("still holds tenant-wide");
    }

    @Test
    void whenTheBotMayNotReadThemThePlanStillHasTheStepWithTheManualFix() {
        readRefused = TenantException.Kind.ACCESS_DENIED;

        TenantWideConsent.Found found = consent.find(APP);

        assertThat(found.any()).isTrue();
        assertThat(TenantWideConsent.words(APP, found, "Sales Team", 1))
                .startsWith("Remove any tenant-wide permission that lets Salesforce read every mailbox")
                .contains("Enterprise applications > Salesforce > Permissions")
                .endsWith("after this only the 1 mailbox of 'Sales Team'");
        assertThat(consent.remove(APP).status()).isEqualTo(StepOutcome.Status.FAILED);
    }
}
