package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.e2e.BotProcess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} in the middle of a plan, with real processes: one bot process serves the simulated tenant (so the
 * tenant outlives the bots), a first bot runs {@code setup exchange sync} against it on PostgreSQL and is killed while
 * the plan waits for the mailbox (holding no thread), and so is the tenant's process, which comes back with the account
 * and its mailbox clock as they were; a second bot, on the same database, resumes the wait and is killed
 * while it creates the security group, whose answer the tenant holds back; a third, started before, says on the
 * requester's progress card that the run is paused and resumes on another replica once the second misses a heartbeat,
 * and takes the run over once it misses four, logging no ERROR. The plan must finish with the same end state as an uninterrupted one: one user, one group
 * with one member, the role group holding the role, the interrupted step run twice under its one attempt, every other step once.
 */
class KilledBotResumesPlanIT {

    static final String MAILBOX_STEP = "Wait up to";
    static final String GROUP_STEP = "Create the mail-enabled security group";

    static SharedTenantBots bots;
    static FakeConnector connector;

    @BeforeAll
    static void tenantAndDatabase() throws Exception {
        bots = new SharedTenantBots(Path.of("target/killed-bot").toAbsolutePath(), "12s");
        connector = new FakeConnector();
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
    void botsKilledWhileWaitingAndWhileAStepRunsAreTakenOverAndThePlanEndsAsIfNothingHappened() throws Exception {
        BotProcess first = bots.bot("first");
        ApprovalChat chat = new ApprovalChat(connector, first.port());
        chat.installMegansChatAndTheChannel();
        String number = ApprovalChat.numberOn(chat.alexSays("setup exchange sync for svc-crash because crash test"));
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, number), null);

        SharedTenantBots.awaitValue(
                () -> "POLLING".equals(bots.stepStatus(number, MAILBOX_STEP)) ? "waiting" : null,
                Duration.ofSeconds(60));
        first.kill();
        assertThat(bots.status(number))
                .as("the killed bot left the request being carried out")
                .isEqualTo("EXECUTING");

        bots.killAndRestartTenant();
        bots.fault(Map.of(
                "service", "EXCHANGE", "matching", "New-DistributionGroup", "status", 0, "times", 1, "hang", "PT300S"));
        BotProcess second = bots.bot("second");
        SharedTenantBots.awaitValue(
                () -> "RUNNING".equals(bots.stepStatus(number, GROUP_STEP))
                                && bots.answers("Get-DistributionGroup", "Exchange Sync Accounts")
                        ? "made, its answer held back"
                        : null,
                Duration.ofSeconds(90));
        BotProcess third = bots.bot("third");
        second.kill();
        FakeConnector.Call paused = connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Request " + number + " is paused"),
                Duration.ofSeconds(30));
        assertThat(ApprovalChat.text(paused.card()))
                .as("the progress card while the run waits for the third bot")
                .contains("resuming on another replica within about")
                .contains("⏸️ **Paused:** " + GROUP_STEP)
                .contains("the replica carrying this out stopped answering");

        bots.awaitEnd(number, Duration.ofSeconds(90));

        assertThat(bots.status(number)).as(bots.outcome(number)).isEqualTo("DONE");
        List<Map<String, Object>> recorded = bots.database()
                .jdbc()
                .sql("select s.words, s.status, s.attempts from plan_step s join approval_request r"
                        + " on r.id = s.request_id where r.number = :number order by s.ordinal")
                .param("number", number)
                .query()
                .listOfRows();
        assertThat(recorded).hasSize(9);
        for (Map<String, Object> step : recorded) {
            assertThat(((Number) step.get("attempts")).intValue())
                    .as("attempts of '%s' (the interrupted one carries on under its attempt)", step.get("words"))
                    .isEqualTo(1);
            assertThat(step.get("status")).as("%s", step.get("words")).isIn("DONE", "ALREADY_DONE");
        }
        assertThat(bots.graph("/users?$filter="
                                + URLEncoder.encode("mailNickname eq 'svc-crash'", StandardCharsets.UTF_8))
                        .path("value"))
                .as("one user, not two")
                .hasSize(1);
        try (var files = Files.list(bots.secrets())) {
            assertThat(files.filter(file -> file.getFileName().toString().startsWith("svc-crash")))
                    .as("one stored password")
                    .hasSize(1);
        }
        assertThat(SharedTenantBots.names(bots.cmdlet("Get-DistributionGroupMember", "Exchange Sync Accounts")))
                .containsExactly("svc-crash");
        assertThat(bots.cmdlet("Get-RoleGroup", "Exchange sync role group")
                        .path(0)
                        .toString())
                .contains("ApplicationImpersonation")
                .contains("Exchange Sync Accounts");
        FakeConnector.Call report = connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Set up Exchange sync for svc-crash@example.com")
                        && ApprovalChat.text(call.card()).contains("holds ApplicationImpersonation"),
                Duration.ofSeconds(20));
        assertThat(ApprovalChat.text(report.card())).doesNotContain("❌");
        assertThat(Files.readAllLines(third.log()))
                .as("the log of the bot that took the run over")
                .noneMatch(line -> line.contains(" ERROR "));
    }
}
