package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Exchange Online's path in chat: Alex asks for app access to a group's mailboxes, Megan approves, and after the
 * report Alex gets check 8, Test-ServicePrincipalAuthorization on each mailbox of the group, asked of Exchange afresh.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.exchange-flavour=exchange-online",
            "bot.salesforce.app-id=" + AppAccessConversationIT.APP,
            "bot.provisioning.step-backoff=50ms",
            "bot.teams.sends-per-thirty-seconds=1000",
            "bot.teams.sends-per-second=100"
        })
@Import(ApprovalTestSupport.class)
class AppAccessConversationIT {

    static final String APP = "5a1e5f0c-e5c0-4a5e-9c1e-00000000a5f1";

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
    void afterTheAppAccessPlanAlexGetsTestServicePrincipalAuthorizationForEachMailbox() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        exchange.ensureSecurityGroup("Conversation Mailboxes");
        exchange.addGroupMember("Conversation Mailboxes", "pattif@example.com");

        String number = ApprovalChat.numberOn(chat.alexSays("grant app access to " + APP
                + " for group \"Conversation Mailboxes\" because Salesforce Exchange Sync for sales"));
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, number), null);

        FakeConnector.Call verification = connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card())
                                .contains("Verification of app " + APP + " on the mailboxes of 'Conversation"
                                        + " Mailboxes'"),
                Duration.ofSeconds(30));
        assertThat(ApprovalChat.text(verification.card()))
                .contains("Every check passed.")
                .contains("Test-ServicePrincipalAuthorization for pattif@example.com: In scope for Application"
                        + " Mail.ReadWrite");
    }

    @Test
    void salesforcesSetUpTypedInChatIsApprovedRunAndVerifiedWithSalesforcesRoles() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        exchange.ensureSecurityGroup("Sales Conversation");
        exchange.addGroupMember("Sales Conversation", "lynner@example.com");

        FakeConnector.Call asked = chat.alexSays(
                "setup exchange sync for group \"Sales Conversation\" because Einstein Activity Capture for sales");
        String number = ApprovalChat.numberOn(asked);
        FakeConnector.Call card = chat.cardPostedTo(MEGAN_CHAT, number);
        assertThat(ApprovalChat.text(card.card()))
                .contains("setup exchange sync for group \"Sales Conversation\"")
                .contains("Application Calendars.ReadWrite")
                .contains("Einstein Activity Capture for sales");
        chat.meganClicks("approve", card, null);

        FakeConnector.Call verification = connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card())
                                .contains("Verification of app " + APP + " on the mailboxes of 'Sales Conversation'"),
                Duration.ofSeconds(30));
        assertThat(ApprovalChat.text(verification.card()))
                .contains("Every check passed.")
                .contains("Test-ServicePrincipalAuthorization for lynner@example.com: In scope for Application"
                        + " Mail.Read");
        FakeConnector.Call report = connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("What happens next"),
                Duration.ofSeconds(30));
        assertThat(ApprovalChat.text(report.card()))
                .contains("about two hours")
                .contains("Salesforce Setup")
                .contains("Activity Capture configuration");
    }
}
