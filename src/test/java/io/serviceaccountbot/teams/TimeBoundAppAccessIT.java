package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A time-bound app grant on the simulated tenant's Exchange Online: Alex asks for an app's access to a group's
 * mailboxes for 1 minute, the approval card says how long it lasts, Megan approves, and Alex is told when its roles
 * go; a minute later the bot removes the application roles the grant gave, under its approval, reports it, audits it,
 * and stops watching the grant.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.exchange-flavour=exchange-online",
            "bot.salesforce.app-id=" + TimeBoundAppAccessIT.APP,
            "bot.provisioning.step-backoff=50ms",
            "bot.teams.sends-per-thirty-seconds=1000",
            "bot.teams.sends-per-second=100"
        })
@Import(ApprovalTestSupport.class)
class TimeBoundAppAccessIT {

    static final String APP = "5a1e5f0c-e5c0-4a5e-9c1e-00000000a5f1";

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    ExchangeAdmin exchange;

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
    void anAppsAccessForOneMinuteIsTakenAwayByItselfWhenTheMinuteIsOver() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        exchange.ensureSecurityGroup("Pilot Mailboxes");
        exchange.addGroupMember("Pilot Mailboxes", "pattif@example.com");

        String number = ApprovalChat.numberOn(chat.alexSays(
                "grant app access to " + APP + " for group \"Pilot Mailboxes\" for 1 minute because a pilot"));
        FakeConnector.Call card = chat.cardPostedTo(MEGAN_CHAT, number);
        assertThat(ApprovalChat.text(card.card()))
                .contains("for 1 minute")
                .contains("1 minute from when it is carried out; then I revoke it, under this approval");
        chat.meganClicks("approve", card, null);

        String told = awaitInAlexsChat("The grant of **" + number + "** lasts 1 minute", Duration.ofSeconds(30));
        assertThat(told).contains("I will take the application roles of app " + APP + " away on");
        assertThat(rolesOfTheApp()).isNotEmpty();
        awaitWatched(true, "the grant is watched while it lasts");

        String warned = awaitInAlexsChat("Your grant ends soon", Duration.ofSeconds(90));
        assertThat(warned).contains("The mailbox access of").contains("Extend for 1 minute");

        String ended = awaitInAlexsChat(
                "The grant of " + number + " ended: remove the application roles of app " + APP,
                Duration.ofSeconds(120));
        assertThat(ended).doesNotContain("Failed");
        assertThat(rolesOfTheApp()).as("taken away by itself").isEmpty();
        assertThat(jdbc.sql("select action || ' ' || outcome from audit_entry where request_number = :number"
                                + " and action like 'grant.end.%' order by seq")
                        .param("number", number)
                        .query(String.class)
                        .list())
                .containsExactly("grant.end.scheduled scheduled", "grant.end.revoked done");
        java.time.Instant patience = java.time.Instant.now().plusSeconds(30);
        while (watched()) {
            assertThat(java.time.Instant.now())
                    .as("the grant is no longer watched")
                    .isBefore(patience);
            Thread.sleep(100);
        }
    }

    private void awaitWatched(boolean watched, String what) throws InterruptedException {
        java.time.Instant patience = java.time.Instant.now().plusSeconds(30);
        while (watched() != watched) {
            assertThat(java.time.Instant.now()).as(what).isBefore(patience);
            Thread.sleep(100);
        }
    }

    private boolean watched() {
        return jdbc.sql("select count(*) from watched_grant where subject = :subject")
                        .param("subject", "app:" + APP)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private List<ExchangeAdmin.AppRoleGrant> rolesOfTheApp() {
        return exchange.appRoleAssignments().stream()
                .filter(grant -> APP.equalsIgnoreCase(grant.assignment().appId())
                        || (grant.app() != null
                                && APP.equalsIgnoreCase(grant.app().appId())))
                .toList();
    }

    private String awaitInAlexsChat(String containing, Duration patience) throws Exception {
        FakeConnector.Call call = connector.await(
                found -> found.path().contains(ALEX_CHAT)
                        && (ApprovalChat.text(found.card()).contains(containing)
                                || found.text().contains(containing)),
                patience);
        return call.text() + "\n" + ApprovalChat.text(call.card());
    }
}
