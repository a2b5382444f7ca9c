package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.sandbox.SimulatorControlClient;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code review mailbox access} on the simulated tenant's default Exchange Server: the seeded organisation's legacy CRM
 * account, and an account an admin put into another role group holding ApplicationImpersonation, outside the bot, are
 * listed with their role group and the command that revokes it; the apps holding Microsoft Graph mail permissions tenant-wide are listed too, with what they reach here. When
 * the bot may not read the apps, the card says so and still lists the impersonation holder.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bot.sandbox.runner.job-start-delay=0ms", "bot.exchange-server.runner.poll-interval=20ms"})
class MailboxAccessReviewIT {

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

    @AfterEach
    void everyPermissionGrantedAgain() {
        new SimulatorControlClient(port).refusePermissions();
    }

    @Test
    void anImpersonationHolderMadeOutsideTheBotIsListedWithItsRoleGroupAndTheRevokeCommand() throws Exception {
        exchange.ensureRoleGroup("Legacy EWS Impersonation", List.of("ApplicationImpersonation"), List.of("pattif"));

        String card = ApprovalChat.text(new ApprovalChat(connector, port)
                .alexSays("review mailbox access")
                .card());

        assertThat(card)
                .contains("Who can read other people's mailboxes")
                .contains("ApplicationImpersonation (Exchange Server)")
                .contains("**svc-legacy-crm**: ApplicationImpersonation through role group 'Legacy CRM Impersonation',"
                        + " over every mailbox")
                .contains("revoke impersonation from svc-legacy-crm")
                .contains("**pattif**: ApplicationImpersonation through role group 'Legacy EWS Impersonation', over"
                        + " every mailbox")
                .contains("revoke impersonation from pattif")
                .contains("Apps with tenant-wide mailbox permissions")
                .contains("Salesforce Activity Capture (app c55d6177-918e-4745-96d3-1715194bc7e8)")
                .contains("Microsoft Graph Mail.Read")
                .contains("reach the mailboxes in Exchange Online only")
                .contains("This review only reads: nothing was changed.")
                .doesNotContain("Not read");
    }

    @Test
    void anApproverMayReviewToo() throws Exception {
        String card = ApprovalChat.text(new ApprovalChat(connector, port)
                .meganSays("review mailbox access")
                .card());

        assertThat(card).contains("Who can read other people's mailboxes").contains("Salesforce Activity Capture");
    }

    @Test
    void whatTheBotMayNotReadIsNamedAndTheRestIsStillListed() throws Exception {
        exchange.ensureRoleGroup("Legacy EWS Impersonation", List.of("ApplicationImpersonation"), List.of("pattif"));
        new SimulatorControlClient(port).refusePermissions("Application.Read.All");

        String card = ApprovalChat.text(new ApprovalChat(connector, port)
                .alexSays("review mailbox access")
                .card());

        assertThat(card)
                .contains("Not read:")
                .contains("I could not read the apps holding Microsoft Graph permissions")
                .contains("Application.Read.All")
                .contains("revoke impersonation from pattif")
                .contains("in what I could read")
                .doesNotContain("Salesforce Activity Capture");
    }
}
