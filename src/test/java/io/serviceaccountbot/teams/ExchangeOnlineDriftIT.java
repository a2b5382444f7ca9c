package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drift on the simulated tenant's Exchange Online: an app's access through RBAC for Applications is watched as its
 * application roles, the filter of their management scope, the members of the group and the absence of tenant-wide
 * permissions. A mailbox added to the group by hand, outside the bot, widens what the app reads: Alex gets one card,
 * and the restore, once Megan approves it, takes the mailbox out of the group again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.exchange-flavour=exchange-online",
            "bot.salesforce.app-id=" + ExchangeOnlineDriftIT.APP,
            "bot.provisioning.step-backoff=50ms",
            "bot.governance.drift-check-interval=2s",
            "bot.teams.sends-per-thirty-seconds=1000",
            "bot.teams.sends-per-second=100"
        })
class ExchangeOnlineDriftIT {

    static final String APP = "5a1e5f0c-e5c0-4a5e-9c1e-00000000a5f1";
    static final Duration PATIENCE = Eventually.PATIENCE;

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    ExchangeAdmin exchange;

    @Autowired
    Approvals approvals;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @Test
    void aMailboxAddedToTheAppsGroupByHandIsDriftAndTheRestoreTakesItOut() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        exchange.ensureSecurityGroup("Drift Pilot");
        exchange.addGroupMember("Drift Pilot", "pattif@example.com");
        String number = ApprovalChat.numberOn(
                chat.alexSays("grant app access to " + APP + " for group \"Drift Pilot\" because the pilot's mail"));
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, number), null);
        Eventually.holds(
                () -> approved().contains("scope-filter:"), "the app's grant is watched with its scope's filter");
        assertThat(approved())
                .contains("app-roles:" + APP)
                .contains("tenant-wide:" + APP)
                .contains("pattif");

        exchange.addGroupMember("Drift Pilot", "alexw@example.com");

        FakeConnector.Call drift = connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Mailbox access grew outside the bot"),
                PATIENCE);
        assertThat(ApprovalChat.text(drift.card()))
                .contains("App access to the mailboxes of 'Drift Pilot' (app " + APP + ")")
                .contains("The members of group 'Drift Pilot': added outside the bot: ")
                .contains("alexw");

        FakeConnector.Call request = chat.alexSays("restore " + APP + " as approved because alexw was added by hand");
        String restore = ApprovalChat.numberOn(request);
        assertThat(ApprovalChat.text(request.card())).contains("from group 'Drift Pilot' (added outside the bot)");
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, restore), null);

        Eventually.holds(
                () -> exchange.securityGroup("Drift Pilot").orElseThrow().members().stream()
                        .noneMatch(member -> member.toLowerCase().contains("alexw")),
                "the mailbox is out of the group again");
        assertThat(exchange.securityGroup("Drift Pilot").orElseThrow().members())
                .anySatisfy(member -> assertThat(member).containsIgnoringCase("pattif"));
    }

    private String approved() {
        return jdbc.sql("select approved from watched_grant where subject = :subject")
                .param("subject", "app:" + APP)
                .query(String.class)
                .optional()
                .orElse("");
    }
}
