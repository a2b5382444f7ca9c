package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.sandbox.SimulatorControlClient;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.AuthorizationResult;
import io.serviceaccountbot.tenant.ServicePrincipal;
import io.serviceaccountbot.tenant.TenantWidePermission;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Salesforce's Activity Capture app, consented tenant-wide with Microsoft Graph Mail.Read, Calendars.ReadWrite and
 * Contacts.ReadWrite as the seed of the exchange-online flavour has it: the scope of RBAC for Applications restricts
 * nothing until that consent is gone. Alex asks for app access to the mailboxes of "Sales Team"; the card tells
 * Megan, in words she understands, that the app can today read every mailbox; once approved, the consent is removed,
 * Patti (a member) is in scope and Isaiah (not a member) is out of it, and nothing reaches him through consent. Each
 * test starts from the seed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.exchange-flavour=exchange-online",
            "bot.salesforce.propagation-check=2s",
            "bot.provisioning.run-poll-interval=1s",
            "bot.provisioning.step-backoff=50ms",
            "bot.teams.sends-per-thirty-seconds=1000",
            "bot.teams.sends-per-second=101"
        })
@Import(ApprovalTestSupport.class)
class TenantWideConsentIT {

    static final String SALESFORCE = "c55d6177-918e-4745-96d3-1715194bc7e8";

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    ExchangeAdmin exchange;

    @Autowired
    Directory directory;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @BeforeEach
    void fromTheSeed() {
        new SimulatorControlClient(port).reset();
    }

    @Test
    void theCardSaysSalesforceReadsEveryMailboxTodayAndAfterApprovalOnlySalesTeamIsInReach() throws Exception {
        assertThat(mailboxConsent())
                .extracting(TenantWidePermission::permission)
                .containsExactlyInAnyOrder("Mail.Read", "Calendars.ReadWrite", "Contacts.ReadWrite");
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();

        String number = ApprovalChat.numberOn(chat.alexSays("grant app access to " + SALESFORCE
                + " for group \"Sales Team\" because Activity Capture for the sales team"));
        FakeConnector.Call card = chat.cardPostedTo(MEGAN_CHAT, number);

        assertThat(ApprovalChat.text(card.card()))
                .contains("Remove the tenant-wide permissions that let Salesforce Activity Capture read every mailbox:"
                        + " Microsoft Graph Mail.Read, Calendars.ReadWrite, Contacts.ReadWrite (granted at admin"
                        + " consent; they add to any scope)")
                .contains("Salesforce Activity Capture can today read every mailbox in the organisation; after this"
                        + " only the 2 mailboxes of 'Sales Team'");
        List<FakeConnector.Call> before = connector.calls();
        chat.meganClicks("approve", card, null);
        awaitVerification(before);

        assertThat(mailboxConsent())
                .as("no tenant-wide permission on mailboxes is left")
                .isEmpty();
        assertThat(reach("pattif@example.com")).containsExactly(true);
        assertThat(reach("isaiahl@example.com"))
                .as("Isaiah is out of scope, and consent no longer reaches him")
                .containsExactly(false);
    }

    @Test
    void whenTheConsentWasRemovedAlreadyThePlanHasNoRemovalStepAndStillEndsInScope() throws Exception {
        ServicePrincipal app = directory.findServicePrincipal(SALESFORCE).orElseThrow();
        for (TenantWidePermission permission : directory.tenantWidePermissions(app)) {
            directory.removeTenantWidePermission(app, permission.assignmentId());
        }
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();

        String number = ApprovalChat.numberOn(chat.alexSays("grant app access to " + SALESFORCE
                + " for group \"Sales Team\" because Activity Capture, consent removed by hand"));
        FakeConnector.Call card = chat.cardPostedTo(MEGAN_CHAT, number);

        assertThat(ApprovalChat.text(card.card()))
                .contains("Register the app 'Salesforce Activity Capture'")
                .doesNotContain("tenant-wide permissions that let")
                .doesNotContain("can today read every mailbox");
        List<FakeConnector.Call> before = connector.calls();
        chat.meganClicks("approve", card, null);
        awaitVerification(before);

        assertThat(reach("pattif@example.com")).containsExactly(true);
        assertThat(reach("isaiahl@example.com")).containsExactly(false);
    }

    @Test
    void verifyExchangeSyncNamesTheConsentAndTheOutsiderItReachesThenPassesAfterSalesforcesSetUp() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        String verify = "verify exchange sync for group \"Sales Team\" against isaiahl@example.com";

        String before = ApprovalChat.text(chat.alexSays(verify).card());

        assertThat(before)
                .contains("Salesforce's access to the mailboxes of 'Sales Team'")
                .contains("Salesforce Activity Capture (app id " + SALESFORCE + ")")
                .contains("It holds Microsoft Graph Mail.Read")
                .contains("can read every mailbox whatever the scope says")
                .contains("isaiahl@example.com (outside the group): Could not run it")
                .contains("registered in Exchange");
        assertThat(before).doesNotContain("Every check passed");

        String number = ApprovalChat.numberOn(
                chat.alexSays("setup exchange sync for group \"Sales Team\" because Activity Capture for sales"));
        List<FakeConnector.Call> calls = connector.calls();
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, number), null);
        awaitVerification(calls);

        String after = ApprovalChat.text(chat.alexSays(verify).card());
        assertThat(after)
                .contains("Every check passed")
                .contains("only the scope of 'Sales Team' decides")
                .contains("Test-ServicePrincipalAuthorization for pattif@example.com: In scope for Application"
                        + " Mail.Read, Application Calendars.ReadWrite, Application Contacts.ReadWrite")
                .contains("isaiahl@example.com (outside the group): Out of reach");
    }

    @Test
    void afterThePropagationWindowTheRequesterIsToldConsentWasGrantedAgain() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        String number = ApprovalChat.numberOn(
                chat.alexSays("setup exchange sync for group \"Sales Team\" because Activity Capture, re-check"));
        List<FakeConnector.Call> calls = connector.calls();
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, number), null);
        awaitVerification(calls);

        new SimulatorControlClient(port).reset();

        FakeConnector.Call recheck = connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card())
                                .contains("Salesforce's set-up of request " + number + ", checked again"),
                FakeConnector.PATIENCE);
        assertThat(ApprovalChat.text(recheck.card()))
                .contains("It holds Microsoft Graph Mail.Read")
                .contains("Type setup exchange sync for group \"Sales Team\" to remove them");
    }

    private List<TenantWidePermission> mailboxConsent() {
        return directory.tenantWidePermissions(
                directory.findServicePrincipal(SALESFORCE).orElseThrow());
    }

    /** Whether Test-ServicePrincipalAuthorization finds the mailbox within the app's reach, line by line. */
    private List<Boolean> reach(String mailbox) {
        return exchange.testServicePrincipalAuthorization(SALESFORCE, mailbox).stream()
                .map(AuthorizationResult::inScope)
                .toList();
    }

    /** The verification Alex gets after the report, posted since {@code before} (not an earlier test's). */
    private void awaitVerification(List<FakeConnector.Call> before) throws Exception {
        FakeConnector.Call verification = connector.await(
                call -> !before.contains(call)
                        && call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card())
                                .contains("Verification of app " + SALESFORCE + " on the mailboxes of 'Sales Team'"),
                FakeConnector.PATIENCE);
        assertThat(ApprovalChat.text(verification.card())).contains("Every check passed.");
    }
}
