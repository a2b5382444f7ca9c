package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ADELE;
import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.Decision;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.audit.AuditLog;
import io.serviceaccountbot.command.PrivilegedCommands;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
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
 * Approvals over {@code /api/messages}, as in the Agents Playground: Alex (provisioning admin) asks for impersonation,
 * Megan (approver) decides on the card the bot posts into her personal chat, Adele (approver through a nested group)
 * and Isaiah (no role) try too. The connector is a fake that records every post and update; roles come from the
 * simulated directory, and approved plans run against the simulated tenant's default Exchange Server, through its
 * simulated runner, where ApplicationImpersonation exists.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.mailbox-delay=100ms",
            "bot.provisioning.step-backoff=50ms"
        })
@Import(ApprovalTestSupport.class)
class ApprovalConversationIT {

    /** A thread of its own per task: the common pool of a 2-core machine has one thread, which would run them in turn. */
    static final java.util.concurrent.Executor OWN_THREAD =
            task -> Thread.ofPlatform().daemon().start(task);

    static final String CHANNEL = "team-id";
    static final String ASK = "grant impersonation to svc-sync because Salesforce Exchange Sync for sales team";

    static FakeConnector connector;
    static boolean installed;

    @LocalServerPort
    int port;

    @Autowired
    Approvals approvals;

    @Autowired
    ApprovalTestSupport.MovableClock clock;

    @Autowired
    ExchangeAdmin exchange;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ApprovalTestSupport.ServiceAccounts accounts;

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
        registry.add("bot.teams.approvals-channel", () -> CHANNEL);
        registry.add("bot.teams.sends-per-thirty-seconds", () -> "1000");
        registry.add("bot.teams.sends-per-second", () -> "100");
        registry.add("bot.approval.expiry-check", () -> "1h");
    }

    @BeforeEach
    void meganAndTheTeamHaveInstalledTheBot() throws Exception {
        chat = new ApprovalChat(connector, port);
        accounts.withMailbox("svc-sync", "svc-why");
        if (!installed) {
            chat.installMegansChatAndTheChannel();
            installed = true;
        }
    }

    @Test
    void alexAsksAndMegansPersonalChatAndTheChannelGetTheCard() throws Exception {
        FakeConnector.Call reply = chat.alexSays(ASK);
        String number = ApprovalChat.numberOn(reply);

        assertThat(reply.card().path("version").asString()).isEqualTo("1.5");
        assertThat(ApprovalChat.text(reply.card()))
                .contains("Waiting for approval: 0 of 1")
                .contains("grant impersonation to svc-sync")
                .contains("Alex Wilber")
                .contains("Salesforce Exchange Sync for sales team")
                .contains("Create the mail-enabled security group 'Exchange Sync Accounts'")
                .contains("Adele Vance did not get this card")
                .contains("cancel " + number);
        assertThat(reply.card().has("actions"))
                .as("the requester gets no buttons")
                .isFalse();

        JsonNode megans = chat.cardPostedTo(MEGAN_CHAT, number).card();
        assertThat(ApprovalChat.titles(megans)).containsExactly("Approve", "Reject");
        for (JsonNode action : megans.path("actions")) {
            assertThat(action.path("type").asString()).isEqualTo("Action.Execute");
            assertThat(action.path("data").propertyNames()).containsExactlyInAnyOrder("request", "cardVersion");
            assertThat(action.path("data").path("request").asString()).isEqualTo(number);
        }
        assertThat(megans.path("refresh").path("action").path("verb").asString())
                .isEqualTo("refresh");
        assertThat(megans.path("refresh").path("userIds").toString()).isEqualTo("[\"user-id-1\"]");
        assertThat(ApprovalChat.text(megans))
                .contains("Approve")
                .contains("Create the role group 'Exchange sync role group'");

        JsonNode channels = chat.cardPostedTo(CHANNEL, number).card();
        assertThat(channels.has("actions"))
                .as("the channel copy shows the status")
                .isFalse();
        assertThat(channels.path("refresh").path("userIds").toString()).isEqualTo("[\"user-id-1\"]");
    }

    @Test
    void meganApprovesOnHerCardAndEveryCopyShowsItAndAlexIsTold() throws Exception {
        String number = ApprovalChat.numberOn(chat.alexSays(ASK));
        FakeConnector.Call megans = chat.cardPostedTo(MEGAN_CHAT, number);
        FakeConnector.Call alexCopy = connector.calls().stream()
                .filter(call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains(number))
                .findFirst()
                .orElseThrow();

        JsonNode answer = chat.meganClicks("approve", megans, "fine by me");

        assertThat(answer.path("type").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(ApprovalChat.text(answer.path("value")))
                .contains("You approved request " + number)
                .contains("Approved by Megan Bowen")
                .contains("fine by me");
        assertThat(answer.path("value").has("actions")).isFalse();
        assertThat(status(number)).isIn(RequestStatus.APPROVED, RequestStatus.EXECUTING, RequestStatus.DONE);

        for (FakeConnector.Call copy : List.of(megans, alexCopy, chat.cardPostedTo(CHANNEL, number))) {
            FakeConnector.Call update = connector.await(
                    call -> call.method().equals("PUT")
                            && call.path().equals(copy.updatePath())
                            && ApprovalChat.text(call.card()).contains("Approved by Megan Bowen"),
                    Duration.ofSeconds(10));
            assertThat(update.card().has("actions")).isFalse();
        }
        assertThat(connector
                        .await(
                                call -> call.path().contains(ALEX_CHAT)
                                        && call.text().contains(number)
                                        && call.text().contains("approved by Megan Bowen"),
                                Duration.ofSeconds(10))
                        .text())
                .contains("now being carried out");
    }

    @Test
    void whenThePlanHasRunAlexGetsTheReportEveryCopySaysDoneAndExchangeHasTheRole() throws Exception {
        String number = ApprovalChat.numberOn(chat.alexSays(ASK));
        FakeConnector.Call megans = chat.cardPostedTo(MEGAN_CHAT, number);
        chat.meganClicks("approve", megans, null);

        FakeConnector.Call report = connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card())
                                .contains("Grant ApplicationImpersonation to svc-sync@example.com"),
                Duration.ofSeconds(20));
        assertThat(ApprovalChat.text(report.card()))
                .contains("Exchange Sync Accounts")
                .contains("Exchange sync role group");
        assertThat(ApprovalChat.text(connector
                        .await(
                                call -> call.method().equals("PUT")
                                        && call.path().equals(megans.updatePath())
                                        && ApprovalChat.text(call.card()).contains("and done"),
                                Duration.ofSeconds(20))
                        .card()))
                .contains("Approved by Megan Bowen and done");
        assertThat(status(number)).isEqualTo(RequestStatus.DONE);
        FakeConnector.Call verification = connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Verification of svc-sync@example.com"),
                Duration.ofSeconds(20));
        assertThat(ApprovalChat.text(verification.card()))
                .contains("Holds ApplicationImpersonation")
                .contains("Through role group Exchange sync role group");
        assertThat(exchange.effectiveAssignments("ApplicationImpersonation")).anySatisfy(assignment -> {
            assertThat(assignment.user()).containsIgnoringCase("svc-sync");
            assertThat(assignment.assignee()).isEqualTo("Exchange sync role group");
            assertThat(assignment.via()).isEqualTo("Exchange Sync Accounts");
        });
    }

    @Test
    void tenDeliveriesOfTheSameClickRecordOneDecision() throws Exception {
        String number = ApprovalChat.numberOn(chat.alexSays(ASK));
        FakeConnector.Call megans = chat.cardPostedTo(MEGAN_CHAT, number);

        List<CompletableFuture<JsonNode>> clicks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clicks.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return chat.meganClicks("approve", megans, null);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    OWN_THREAD));
        }
        List<String> answers = clicks.stream()
                .map(CompletableFuture::join)
                .map(ApprovalChat::text)
                .toList();

        assertThat(answers)
                .filteredOn(answer -> answer.contains("You approved request"))
                .hasSize(1);
        assertThat(answers).allMatch(answer -> answer.contains("Approved by Megan Bowen"));
        assertThat(approvals.find(RequestId.of(number)).orElseThrow().decisions())
                .hasSize(1);
        Thread.sleep(500);
        assertThat(connector.calls())
                .filteredOn(call -> call.text().contains(number) && call.text().contains("approved by Megan Bowen"))
                .as("Alex is told once")
                .hasSize(1);
    }

    @Test
    void aClickOnAnOutdatedCardShowsTheCurrentOneAndChangesNothing() throws Exception {
        String number = ApprovalChat.numberOn(chat.alexSays(ASK));
        FakeConnector.Call megans = chat.cardPostedTo(MEGAN_CHAT, number);
        chat.invoke(ADELE, "Adele Vance", "reject", number, 1, "not this week");

        JsonNode answer = chat.meganClicks("approve", megans, null);

        assertThat(ApprovalChat.text(answer.path("value")))
                .contains("That card was out of date")
                .contains("Rejected by Adele Vance: not this week");
        assertThat(answer.path("value").has("actions")).isFalse();
        ApprovalRequest request = approvals.find(RequestId.of(number)).orElseThrow();
        assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(request.decisions()).extracting(d -> d.approver().name()).containsExactly("Adele Vance");
        assertThat(connector
                        .await(
                                call -> call.path().contains(ALEX_CHAT)
                                        && call.text().contains(number)
                                        && call.text().contains("rejected"),
                                Duration.ofSeconds(10))
                        .text())
                .contains("rejected by Adele Vance: not this week");
    }

    @Test
    void aReplayedClickAfterTheDecisionChangesNothing() throws Exception {
        String number = ApprovalChat.numberOn(chat.alexSays(ASK));
        FakeConnector.Call megans = chat.cardPostedTo(MEGAN_CHAT, number);
        chat.meganClicks("reject", megans, "no");

        JsonNode replay = chat.meganClicks("reject", megans, "no");
        JsonNode approveInstead = chat.meganClicks("approve", megans, null);

        assertThat(ApprovalChat.text(replay.path("value")))
                .contains("out of date")
                .contains("Rejected by Megan Bowen: no");
        assertThat(ApprovalChat.text(approveInstead.path("value"))).contains("Rejected by Megan Bowen");
        assertThat(approvals.find(RequestId.of(number)).orElseThrow().decisions())
                .singleElement()
                .extracting(Decision::verdict)
                .isEqualTo(Decision.Verdict.REJECT);
    }

    @Test
    void anExpiredRequestCannotBeApprovedAndAlexIsTold() throws Exception {
        String number = ApprovalChat.numberOn(chat.alexSays(ASK));
        FakeConnector.Call megans = chat.cardPostedTo(MEGAN_CHAT, number);
        clock.advance(Duration.ofHours(25));

        JsonNode answer = chat.meganClicks("approve", megans, null);

        assertThat(answer.path("value").asString()).contains("expired").contains("Nothing changed");
        assertThat(status(number)).isEqualTo(RequestStatus.EXPIRED);
        assertThat(ApprovalChat.text(connector
                        .await(
                                call -> call.method().equals("PUT")
                                        && call.path().equals(megans.updatePath())
                                        && ApprovalChat.text(call.card()).contains("Expired"),
                                Duration.ofSeconds(10))
                        .card()))
                .contains("without enough approvals");
        assertThat(connector
                        .await(
                                call -> call.path().contains(ALEX_CHAT)
                                        && call.text().contains(number)
                                        && call.text().contains("expired"),
                                Duration.ofSeconds(10))
                        .text())
                .contains("ask again: " + ASK);
    }

    @Test
    void alexMayNotApproveHisOwnRequestNorMayIsaiahWhoIsNoApproverWhateverTheCardDataSays() throws Exception {
        String number = ApprovalChat.numberOn(chat.alexSays(ASK));

        JsonNode alex = chat.invoke(Activities.ALEX, "Alex Wilber", "approve", number, 1, null);
        ObjectNode forged = Activities.JSON.createObjectNode();
        forged.put("request", number);
        forged.put("cardVersion", 1);
        forged.put("aadObjectId", Activities.MEGAN);
        forged.put("approver", "Megan Bowen");
        forged.put("requesterAad", Activities.MEGAN);
        JsonNode isaiah = chat.invokeWith(Activities.ISAIAH, "Isaiah Langer", "approve", forged, "1");

        assertThat(alex.path("type").asString()).isEqualTo("application/vnd.microsoft.activity.message");
        assertThat(alex.path("value").asString())
                .contains("You asked for this yourself")
                .contains("Nothing changed");
        assertThat(isaiah.path("value").asString()).contains("Only members of the approvers group");
        assertThat(status(number)).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void anApproverWhoAskedMayNotApproveTheirOwnRequestAndTheTargetMayNotEither() throws Exception {
        ApprovalRequest meganAsked = approvals.open(new ApprovalRequest.Draft(
                PrivilegedCommands.parse("grant impersonation to svc-megan because testing"),
                List.of("Add svc-megan to the role group"),
                new Person(Activities.MEGAN, "Megan Bowen"),
                "svc-megan",
                null,
                "testing"));
        String forMegan =
                ApprovalChat.numberOn(chat.alexSays("grant impersonation to meganb@example.com because her own sync"));

        JsonNode own = chat.invoke(
                Activities.MEGAN, "Megan Bowen", "approve", meganAsked.number().value(), 1, null);
        JsonNode target = chat.invoke(Activities.MEGAN, "Megan Bowen", "approve", forMegan, 1, null);

        assertThat(own.path("value").asString()).contains("You asked for this yourself");
        assertThat(target.path("value").asString()).contains("gives your own account access");
        assertThat(status(meganAsked.number().value())).isEqualTo(RequestStatus.PENDING);
        assertThat(status(forMegan)).isEqualTo(RequestStatus.PENDING);
        assertThat(connector.calls())
                .as("the target gets no card to decide on")
                .noneMatch(call -> call.path().contains(MEGAN_CHAT)
                        && ApprovalChat.text(call.card()).contains(forMegan));
    }

    @Test
    void theRefreshVerbGivesAnApproverButtonsAndEveryoneElseTheStatus() throws Exception {
        String number = ApprovalChat.numberOn(chat.alexSays(ASK));

        JsonNode megan = chat.invoke(Activities.MEGAN, "Megan Bowen", "refresh", number, 1, null);
        JsonNode alex = chat.invoke(Activities.ALEX, "Alex Wilber", "refresh", number, 1, null);
        JsonNode isaiah = chat.invoke(Activities.ISAIAH, "Isaiah Langer", "refresh", number, 1, null);

        assertThat(ApprovalChat.titles(megan.path("value"))).containsExactly("Approve", "Reject");
        assertThat(alex.path("value").has("actions")).isFalse();
        assertThat(ApprovalChat.text(alex.path("value"))).contains("Salesforce Exchange Sync for sales team");
        assertThat(isaiah.path("value").isString())
                .as("someone who is neither requester nor approver gets the status, not the card")
                .isTrue();
        assertThat(isaiah.path("value").asString())
                .isEqualTo("Request " + number + " is waiting for approval.")
                .doesNotContain("Salesforce")
                .doesNotContain("svc-sync");
        assertThat(status(number)).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void theNameOnTheCardAndInTheAuditLogIsTheDirectorysNotTheOneTheActivityCarries() throws Exception {
        FakeConnector.Call asked = chat.alexSays(ASK);
        String number = ApprovalChat.numberOn(asked);

        JsonNode approved = chat.invoke(Activities.MEGAN, "Chief Security Officer", "approve", number, 1, "ok");

        assertThat(ApprovalChat.text(approved.path("value")))
                .contains("Megan Bowen")
                .doesNotContain("Chief Security Officer");
        assertThat(auditLog.ofRequest(number, 50))
                .filteredOn(entry ->
                        Activities.MEGAN.equalsIgnoreCase(entry.record().actorId()))
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.record().actorName()).isEqualTo("Megan Bowen"));
    }

    @Test
    void typedApproveAndRejectFollowTheSameRules() throws Exception {
        String approved = ApprovalChat.numberOn(chat.alexSays(ASK));
        String rejected = ApprovalChat.numberOn(chat.alexSays(ASK));

        assertThat(chat.alexSays("approve " + approved).text()).contains("only for approvers");
        assertThat(chat.meganSays("approve " + approved + " looks right").text())
                .contains("You approved request " + approved);
        assertThat(chat.meganSays("approve " + approved).text())
                .contains("already")
                .contains("Nothing was changed");
        assertThat(chat.meganSays("reject " + rejected + " wrong account").text())
                .contains("You rejected request " + rejected);
        assertThat(chat.meganSays("approve " + rejected).text())
                .contains("You rejected request " + rejected + " already");
        String forMegan =
                ApprovalChat.numberOn(chat.alexSays("grant impersonation to meganb@example.com because her own sync"));
        assertThat(chat.meganSays("approve " + forMegan).text())
                .contains("gives your own account access")
                .contains("Nothing was changed");
        assertThat(chat.meganSays("approve R-ZZZZZZ").text()).contains("There is no request R-ZZZZZZ");

        assertThat(status(approved)).isIn(RequestStatus.APPROVED, RequestStatus.EXECUTING, RequestStatus.DONE);
        assertThat(status(rejected)).isEqualTo(RequestStatus.REJECTED);
        assertThat(status(forMegan)).isEqualTo(RequestStatus.PENDING);
        assertThat(connector
                        .await(
                                call -> call.path().contains(ALEX_CHAT)
                                        && call.text().contains(rejected)
                                        && call.text().contains("rejected"),
                                Duration.ofSeconds(10))
                        .text())
                .contains("wrong account");
    }

    @Test
    void withoutAJustificationACardAsksForOneAndItsButtonAsksTheApprovers() throws Exception {
        FakeConnector.Call asking = chat.alexSays("grant impersonation to svc-why");

        JsonNode card = asking.card();
        assertThat(ApprovalChat.text(card)).contains("Why do you need this?").contains("Add svc-why@example.com to it");
        JsonNode button = card.path("actions").path(0);
        assertThat(button.path("verb").asString()).isEqualTo("requestApproval");
        assertThat(button.path("data").toString()).isEqualTo("{\"command\":\"grant impersonation to svc-why\"}");
        String cardId = asking.activityId();

        ObjectNode data = (ObjectNode) button.path("data").deepCopy();
        data.put("justification", "Salesforce sync for the why team");
        JsonNode isaiah = chat.invokeWith(Activities.ISAIAH, "Isaiah Langer", "requestApproval", data, cardId);
        JsonNode alex = chat.invokeWith(Activities.ALEX, "Alex Wilber", "requestApproval", data, cardId);

        assertThat(ApprovalChat.text(alex.path("value"))).contains("Asking for approval");
        FakeConnector.Call request = connector.await(
                call -> cardId.equals(call.body().path("replyToId").asString(null))
                        && ApprovalChat.text(call.card()).contains("Approval request"),
                Duration.ofSeconds(10));
        assertThat(ApprovalChat.text(request.card()))
                .contains("grant impersonation to svc-why")
                .contains("Salesforce sync for the why team")
                .contains("Alex Wilber");
        assertThat(connector
                        .await(
                                call -> cardId.equals(
                                                call.body().path("replyToId").asString(null))
                                        && call.text().contains("only for provisioning admins"),
                                Duration.ofSeconds(10))
                        .text())
                .as("Isaiah's click is checked like a typed command")
                .contains("Sorry Isaiah Langer");
        JsonNode again = chat.invokeWith(Activities.ALEX, "Alex Wilber", "requestApproval", data, cardId);
        assertThat(ApprovalChat.text(again.path("value"))).contains("Asking for approval");
        Thread.sleep(300);
        assertThat(connector.calls())
                .filteredOn(call -> ApprovalChat.text(call.card()).contains("Salesforce sync for the why team")
                        && call.path().contains(MEGAN_CHAT))
                .as("a repeated click opens no second request")
                .hasSize(1);
    }

    @Test
    void aPlanThatCannotWorkHereIsRefusedWithTheAlternativeAndNoRequest() throws Exception {
        String answer = chat.alexSays("grant impersonation to svc-nobody because Salesforce")
                .text();

        assertThat(answer)
                .contains("There is no account svc-nobody")
                .contains("setup exchange sync for svc-nobody")
                .contains("did not open an approval request");
        assertThat(approvals.list(
                        io.serviceaccountbot.command.RequestFilter.ALL, new Person(Activities.ALEX, "Alex"), 1000))
                .noneMatch(request -> request.target().contains("svc-nobody"));
    }

    @Test
    void theRequesterCancelsAndTheCardsSaySo() throws Exception {
        String number = ApprovalChat.numberOn(chat.alexSays(ASK));
        FakeConnector.Call megans = chat.cardPostedTo(MEGAN_CHAT, number);

        assertThat(chat.meganSays("cancel " + number).text()).contains("only for provisioning admins");
        assertThat(chat.alexSays("cancel " + number).text()).contains("is cancelled");
        assertThat(connector.await(
                        call -> call.method().equals("PUT")
                                && call.path().equals(megans.updatePath())
                                && ApprovalChat.text(call.card()).contains("Cancelled by Alex Wilber"),
                        Duration.ofSeconds(10)))
                .isNotNull();
        assertThat(chat.meganClicks("approve", megans, null).path("value").toString())
                .contains("Cancelled by Alex Wilber");
        assertThat(status(number)).isEqualTo(RequestStatus.CANCELLED);
    }

    @Test
    void requestsPendingListsWhatWaitsForADecision() throws Exception {
        String number = ApprovalChat.numberOn(chat.alexSays(ASK));

        FakeConnector.Call list = chat.meganSays("requests pending");

        assertThat(ApprovalChat.text(list.card()))
                .contains("Requests waiting for a decision")
                .contains(number)
                .contains("grant impersonation to svc-sync")
                .contains("Alex Wilber");
        assertThat(chat.alexSays("requests mine").card().toString()).contains(number);
    }

    private RequestStatus status(String number) {
        return approvals.find(RequestId.of(number)).orElseThrow().status();
    }
}
