package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.ExchangeAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code review mailbox access} on Exchange Online, on the seeded organisation: Salesforce's Activity Capture holds
 * mail, calendars and contacts tenant-wide, narrowed by Salesforce's own set-up; the Contoso Mail Archiver holds EWS's
 * full access, listed again with the dates EWS stops; an application role of RBAC for Applications is listed with its
 * scope; and no account can hold ApplicationImpersonation.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bot.sandbox.exchange-flavour=exchange-online"})
class ExchangeOnlineMailboxAccessReviewIT {

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    ExchangeAdmin exchange;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @Test
    void anApplicationRoleIsListedWithItsScopeAndSalesforcesOwnNarrowingCommand() throws Exception {
        String app = "c55d6177-918e-4745-96d3-1715194bc7e8";
        exchange.ensureServicePrincipal(app, "5e1f5a1e-0000-4000-8000-000000000002", "Salesforce Activity Capture");
        exchange.ensureManagementScope("Reviewed Sales Scope", "Alias -eq 'pattif'");
        exchange.ensureAppRoleAssignment(app, "Application Mail.Read", "Reviewed Sales Scope");

        String card = ApprovalChat.text(new ApprovalChat(connector, port)
                .alexSays("review mailbox access")
                .card());

        assertThat(card)
                .contains("Apps with application roles of RBAC for Applications")
                .contains("**Salesforce Activity Capture (app " + app + ")**: Application Mail.Read, limited to the"
                        + " mailboxes of scope 'Reviewed Sales Scope'")
                .contains("remove <mailbox> from exchange sync");
    }

    @Test
    void salesforcesTenantWideConsentAndAnEwsAppAreListedEachWithTheCommandThatNarrowsIt() throws Exception {
        String card = ApprovalChat.text(new ApprovalChat(connector, port)
                .alexSays("review mailbox access")
                .card());

        assertThat(card)
                .contains("**Salesforce Activity Capture (app c55d6177-918e-4745-96d3-1715194bc7e8)**: Microsoft Graph"
                        + " Mail.Read, Microsoft Graph Calendars.ReadWrite, Microsoft Graph Contacts.ReadWrite, on every"
                        + " mailbox of the organisation (since 2026-02-16)")
                .contains("setup exchange sync for group \"<group of the mailboxes it needs>\"")
                .contains("Apps still using Exchange Web Services")
                .contains("Contoso Mail Archiver (app a4c8e1f0-0000-4000-8000-00000000c0de)")
                .contains("grant app access to a4c8e1f0-0000-4000-8000-00000000c0de for group")
                .contains("Exchange Web Services on every mailbox (full\\_access\\_as\\_app) (since 2025-06-02)")
                .contains("1 April 2027")
                .contains("Exchange Online no longer has the role")
                .doesNotContain("ApplicationImpersonation (Exchange Server)");
    }
}
