package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.command.RequestFilter;
import io.serviceaccountbot.command.RequestId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Approvers who open a personal chat with the bot after a request opened, over {@code /api/messages} as the Agents
 * Playground sends it: Megan installs the bot once Alex has asked and gets the card after her welcome, once however
 * often Teams announces the install, and approves on it, while Alex's card stops naming her; Adele gets every request
 * still waiting for her and nothing decided or withdrawn; Isaiah, who approves nothing, gets the welcome alone. The
 * approvals channel is installed, so that Alex's card names the approvers it did not reach.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.mailbox-delay=100ms",
            "bot.provisioning.step-backoff=50ms",
            "bot.approval.expiry-check=1h"
        })
@Import(ApprovalTestSupport.class)
class LateApproverIT {

    static final String ADELE_CHAT = "adele-personal-chat";
    static final String ISAIAH_CHAT = "isaiah-personal-chat";

    static FakeConnector connector;
    static boolean channelInstalled;

    @LocalServerPort
    int port;

    @Autowired
    Approvals approvals;

    @Autowired
    ApprovalTestSupport.ServiceAccounts accounts;

    @Autowired
    ProcessedActivities processed;

    @Autowired
    Clock clock;

    private ApprovalChat chat;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("bot.teams.approvals-channel", () -> ApprovalConversationIT.CHANNEL);
        registry.add("bot.teams.sends-per-thirty-seconds", () -> "1000");
        registry.add("bot.teams.sends-per-second", () -> "100");
    }

    @BeforeEach
    void onlyTheChannelHasTheBot() throws Exception {
        chat = new ApprovalChat(connector, port);
        accounts.withMailbox("svc-late");
        if (!channelInstalled) {
            chat.post(Activities.sample("conversationUpdate-channel", connector.serviceUrl()));
            channelInstalled = true;
        }
    }

    /** Each test starts with nothing pending, whatever the order: what one leaves waiting would be another's card. */
    @AfterEach
    void withdrawWhatIsStillPending() {
        for (ApprovalRequest request : approvals.list(RequestFilter.PENDING, new Person(Activities.ALEX, null), 100)) {
            approvals.cancel(request.number(), request.requester());
        }
    }

    @Test
    void meganInstallsTheBotAfterAlexAskedGetsTheCardOnceApprovesOnItAndAlexsCardStopsNamingHer() throws Exception {
        FakeConnector.Call alexsCard = chat.alexSays("grant impersonation to svc-late because Megan decides late");
        String number = ApprovalChat.numberOn(alexsCard);
        assertThat(ApprovalChat.text(alexsCard.card())).contains("Megan Bowen").contains("did not get this card");
        ObjectNode install = Activities.sample("installationUpdate-personal-megan", connector.serviceUrl());

        assertThat(chat.post(install).statusCode()).isEqualTo(200);

        FakeConnector.Call megansCard = chat.cardPostedTo(MEGAN_CHAT, number);
        assertThat(ApprovalChat.titles(megansCard.card())).containsExactly("Approve", "Reject");
        assertThat(ApprovalChat.text(megansCard.card()))
                .contains("Alex Wilber")
                .contains("Megan decides late")
                .contains("Create the role group 'Exchange sync role group'");
        FakeConnector.Call welcome = welcomeIn(MEGAN_CHAT);
        assertThat(welcome.text()).contains("Type **help**").contains("1 request waits for your decision");
        assertThat(connector.calls().indexOf(welcome))
                .as("the welcome comes first")
                .isLessThan(connector.calls().indexOf(megansCard));
        FakeConnector.Call redrawn = connector.await(
                call -> call.method().equals("PUT")
                        && call.path().equals(alexsCard.updatePath())
                        && !ApprovalChat.text(call.card()).contains("Megan Bowen"),
                Duration.ofSeconds(10));
        assertThat(ApprovalChat.text(redrawn.card()))
                .contains("Waiting for approval: 0 of 1")
                .contains("cancel " + number);
        assertThat(redrawn.card().has("actions")).isFalse();

        assertThat(chat.post(install).statusCode())
                .as("Teams delivers it again")
                .isEqualTo(200);
        assertThat(chat.post(Activities.sample("conversationUpdate-personal-megan", connector.serviceUrl()))
                        .statusCode())
                .as("the other announcement of the same install")
                .isEqualTo(200);
        processed.forgetBefore(clock.instant().plusSeconds(60));
        assertThat(chat.post(install).statusCode())
                .as("once the redelivery window is over, as when she reinstalls days later")
                .isEqualTo(200);
        connector.await(call -> welcomesIn(MEGAN_CHAT).size() == 2, Duration.ofSeconds(10));
        Thread.sleep(300);

        assertThat(welcomesIn(MEGAN_CHAT).get(1).text()).doesNotContain("waits for your decision");
        assertThat(cardsPostedTo(MEGAN_CHAT, number))
                .as("Megan gets the card once")
                .hasSize(1);

        JsonNode answer = chat.meganClicks("approve", megansCard, "late but fine");

        assertThat(ApprovalChat.text(answer.path("value")))
                .contains("You approved request " + number)
                .contains("Approved by Megan Bowen");
        assertThat(approvals.find(RequestId.of(number)).orElseThrow().status())
                .isIn(RequestStatus.APPROVED, RequestStatus.EXECUTING, RequestStatus.DONE);
        connector.await(
                call -> call.method().equals("PUT")
                        && call.path().equals(megansCard.updatePath())
                        && ApprovalChat.text(call.card()).contains("Approved by Megan Bowen"),
                Duration.ofSeconds(10));
    }

    @Test
    void adeleGetsEveryRequestStillWaitingForHerAndNoneDecidedOrWithdrawn() throws Exception {
        String first = ApprovalChat.numberOn(chat.alexSays("grant impersonation to svc-late because first"));
        String second = ApprovalChat.numberOn(chat.alexSays("grant impersonation to svc-late because second"));
        String withdrawn = ApprovalChat.numberOn(chat.alexSays("grant impersonation to svc-late because withdrawn"));
        assertThat(chat.alexSays("cancel " + withdrawn).text()).contains("is cancelled");
        String rejected = ApprovalChat.numberOn(chat.alexSays("grant impersonation to svc-late because rejected"));
        assertThat(ApprovalChat.text(chat.invoke(Activities.MEGAN, "Megan Bowen", "reject", rejected, 1, "not now")
                        .path("value")))
                .contains("Rejected by Megan Bowen");

        chat.post(ApprovalChat.installationOf(connector.serviceUrl(), ApprovalChat.ADELE, "user-id-2", ADELE_CHAT));

        FakeConnector.Call firstCard = chat.cardPostedTo(ADELE_CHAT, first);
        FakeConnector.Call secondCard = chat.cardPostedTo(ADELE_CHAT, second);
        FakeConnector.Call welcome = welcomeIn(ADELE_CHAT);
        assertThat(welcome.text()).contains("2 requests wait for your decision");
        assertThat(connector.calls().indexOf(welcome))
                .isLessThan(connector.calls().indexOf(firstCard))
                .isLessThan(connector.calls().indexOf(secondCard));
        assertThat(ApprovalChat.titles(secondCard.card())).containsExactly("Approve", "Reject");
        Thread.sleep(300);
        assertThat(cardsPostedTo(ADELE_CHAT, withdrawn)).isEmpty();
        assertThat(cardsPostedTo(ADELE_CHAT, rejected)).isEmpty();
    }

    @Test
    void isaiahWhoApprovesNothingGetsTheWelcomeAlone() throws Exception {
        ApprovalChat.numberOn(chat.alexSays("grant impersonation to svc-late because Isaiah cannot decide"));

        chat.post(ApprovalChat.installationOf(connector.serviceUrl(), Activities.ISAIAH, "user-id-3", ISAIAH_CHAT));

        FakeConnector.Call welcome = welcomeIn(ISAIAH_CHAT);
        Thread.sleep(300);
        assertThat(welcome.text()).doesNotContain("waits for your decision");
        assertThat(connector.calls())
                .filteredOn(call -> call.path().contains("/conversations/" + ISAIAH_CHAT + "/"))
                .containsExactly(welcome);
    }

    private FakeConnector.Call welcomeIn(String conversation) throws InterruptedException {
        return connector.await(call -> isWelcomeIn(conversation, call), Duration.ofSeconds(10));
    }

    private List<FakeConnector.Call> welcomesIn(String conversation) {
        return connector.calls().stream()
                .filter(call -> isWelcomeIn(conversation, call))
                .toList();
    }

    private static boolean isWelcomeIn(String conversation, FakeConnector.Call call) {
        return call.method().equals("POST")
                && call.path().endsWith("/conversations/" + conversation + "/activities")
                && call.text().startsWith("Hello! I'm the service-account bot.");
    }

    private List<FakeConnector.Call> cardsPostedTo(String conversation, String number) {
        return connector.calls().stream()
                .filter(call -> call.method().equals("POST")
                        && call.path().endsWith("/conversations/" + conversation + "/activities")
                        && ApprovalChat.text(call.card()).contains("Approval request " + number))
                .toList();
    }
}
