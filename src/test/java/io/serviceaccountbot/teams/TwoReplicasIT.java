package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two bot processes on one PostgreSQL and one simulated tenant behave as one bot: Megan's approval click, delivered
 * ten times to each replica at once (as Teams redelivers, to whichever replica the load balancer picks), records one
 * decision, the plan runs once, Exchange gets one membership, and every copy of the card ends showing the same
 * outcome. An approver's install, announced twice and delivered twice to each replica at once, welcomes her once and
 * posts the card waiting for her once.
 */
class TwoReplicasIT {

    /** A thread of its own per task: the common pool of a 2-core machine has one thread, which would run them in turn. */
    static final java.util.concurrent.Executor OWN_THREAD =
            task -> Thread.ofPlatform().daemon().start(task);

    static SharedTenantBots bots;
    static FakeConnector connector;
    static ApprovalChat onA;
    static ApprovalChat onB;

    @BeforeAll
    static void tenantDatabaseAndTwoReplicas() throws Exception {
        bots = SharedTenantBots.exchangeServer(Path.of("target/two-replicas").toAbsolutePath());
        connector = new FakeConnector();
        onA = new ApprovalChat(connector, bots.bot("replica-a").port());
        onB = new ApprovalChat(connector, bots.bot("replica-b").port());
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (bots != null) {
            bots.close();
        }
    }

    @Test
    void theSameClickTenTimesOnEachReplicaRecordsOneDecisionAndRunsThePlanOnce() throws Exception {
        onA.installMegansChatAndTheChannel();
        assertThat(onB.alexSays("create service account svc-replica").card().toString())
                .contains("Created svc-replica@example.com");
        String number =
                ApprovalChat.numberOn(onA.alexSays("grant impersonation to svc-replica because two replicas test"));
        FakeConnector.Call megans = onA.cardPostedTo(MEGAN_CHAT, number);

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<JsonNode>> clicks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ApprovalChat replica = i % 2 == 0 ? onA : onB;
            clicks.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            go.await();
                            return replica.meganClicks("approve", megans, null);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    OWN_THREAD));
        }
        go.countDown();
        List<String> answers = clicks.stream()
                .map(CompletableFuture::join)
                .map(ApprovalChat::text)
                .toList();

        assertThat(answers)
                .filteredOn(answer -> answer.contains("You approved request"))
                .hasSize(1);
        assertThat(bots.database()
                        .jdbc()
                        .sql("select count(*) from approval_decision d join approval_request r on r.id = d.request_id"
                                + " where r.number = :number")
                        .param("number", number)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        bots.awaitEnd(number, Duration.ofSeconds(60));
        assertThat(bots.status(number)).as(bots.outcome(number)).isEqualTo("DONE");
        assertThat(bots.database()
                        .jdbc()
                        .sql("select s.attempts from plan_step s join approval_request r on r.id = s.request_id"
                                + " where r.number = :number order by s.ordinal")
                        .param("number", number)
                        .query(Integer.class)
                        .list())
                .as("each step ran once, in one replica")
                .hasSize(5)
                .containsOnly(1);
        Supplier<List<String>> audited = () -> bots.database()
                .jdbc()
                .sql("select action || ' ' || outcome from audit_entry where request_number = :number order by seq")
                .param("number", number)
                .query(String.class)
                .list();
        SharedTenantBots.awaitValue(
                () -> audited.get().contains("run.finished done") ? "written" : null, Duration.ofSeconds(10));
        assertThat(audited.get())
                .as("the audit log of both replicas: one decision, one run, each step once")
                .containsExactly(
                        "request.opened pending",
                        "decision.approve approved",
                        "run.started running",
                        "plan.step done",
                        "plan.step done",
                        "plan.step done",
                        "plan.step done",
                        "plan.step done",
                        "run.finished done");
        assertThat(bots.database()
                        .jdbc()
                        .sql("select (select count(*) from audit_entry) - (select max(seq) from audit_entry)"
                                + " + (select count(*) from audit_entry e join audit_entry p on p.seq = e.seq - 1"
                                + " where e.prev_hash <> p.hash)")
                        .query(Long.class)
                        .single())
                .as("one chain, without gaps or forks, across the replicas")
                .isZero();
        assertThat(SharedTenantBots.names(bots.cmdlet("Get-DistributionGroupMember", "Exchange Sync Accounts")))
                .containsExactly("svc-replica");
        assertThat(SharedTenantBots.names(bots.cmdlet("Get-RoleGroupMember", "Exchange sync role group")))
                .as("the group, by its alias")
                .containsExactly("ExchangeSyncAccounts");

        FakeConnector.Call alexCopy = connector.calls().stream()
                .filter(call -> call.method().equals("POST")
                        && call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Approval request " + number))
                .findFirst()
                .orElseThrow();
        for (FakeConnector.Call copy : List.of(megans, alexCopy)) {
            SharedTenantBots.awaitValue(
                    () -> lastUpdateOf(copy).contains("and done") ? "done" : null, Duration.ofSeconds(20));
            Thread.sleep(1_000);
            assertThat(lastUpdateOf(copy))
                    .as("the last update of the copy in %s", copy.path())
                    .contains("Approved by Megan Bowen and done");
        }
    }

    @Test
    void adelesInstallAnnouncedTwiceOnEachReplicaAtOnceWelcomesHerOnceAndPostsTheWaitingCardOnce() throws Exception {
        String adelesChat = "adele-on-two-replicas";
        String number = ApprovalChat.numberOn(
                onA.alexSays("grant impersonation to lynner because Adele installs the bot late"));
        List<ObjectNode> announcements = List.of(
                ApprovalChat.installationOf(connector.serviceUrl(), ApprovalChat.ADELE, "user-id-2", adelesChat),
                ApprovalChat.chatStartOf(connector.serviceUrl(), ApprovalChat.ADELE, "user-id-2", adelesChat));

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ApprovalChat replica = i % 2 == 0 ? onA : onB;
            ObjectNode announcement = announcements.get(i / 2 % 2);
            deliveries.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            go.await();
                            return replica.post(announcement).statusCode();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    OWN_THREAD));
        }
        go.countDown();

        assertThat(deliveries.stream().map(CompletableFuture::join)).containsOnly(200);
        FakeConnector.Call card = onA.cardPostedTo(adelesChat, number);
        Thread.sleep(1_500);
        List<FakeConnector.Call> inAdelesChat = connector.calls().stream()
                .filter(call -> call.method().equals("POST") && call.path().contains("/conversations/" + adelesChat))
                .toList();
        assertThat(inAdelesChat).as("one welcome, then the card").hasSize(2).endsWith(card);
        assertThat(inAdelesChat.get(0).text()).contains("Hello!").contains("1 request waits for your decision");
    }

    private String lastUpdateOf(FakeConnector.Call copy) {
        List<FakeConnector.Call> updates = connector.calls().stream()
                .filter(call -> call.method().equals("PUT") && call.path().equals(copy.updatePath()))
                .toList();
        return updates.isEmpty()
                ? ""
                : ApprovalChat.text(updates.get(updates.size() - 1).card());
    }
}
