package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.e2e.BotProcess;
import io.serviceaccountbot.sandbox.SimulatorControlClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} in the middle of a plan, with real processes: one bot process serves the simulated tenant and its
 * Azure Automation account (so the tenant and its jobs outlive the bots); a first bot runs {@code setup exchange sync}
 * against it on PostgreSQL and is killed while its step waits for its {@code New-Mailbox} job, which the worker has not
 * picked up yet (the step put back, holding no thread); a second bot, on the same database, checks on that job again
 * and is killed while it follows the security group's job, which the Exchange server holds; a third, started before,
 * says on the requester's progress card that the run is paused and resumes on another replica once the second misses a
 * heartbeat, and takes the run over once it misses four, logging no ERROR. The plan must finish with the same end
 * state as an uninterrupted one: one account, one password, one group with one member, the role group holding the
 * role, every step under its one attempt, and one job for each change.
 */
class KilledBotResumesPlanIT {

    static final String ACCOUNT_STEP = "Create the user svc-crash@example.com";
    static final String GROUP_STEP = "Create the mail-enabled security group";

    static SharedTenantBots bots;
    static FakeConnector connector;
    static SimulatorControlClient runner;

    @BeforeAll
    static void tenantAndDatabase() throws Exception {
        bots = SharedTenantBots.exchangeServer(Path.of("target/killed-bot").toAbsolutePath());
        connector = new FakeConnector();
        runner = new SimulatorControlClient(bots.tenantPort());
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
    void botsKilledWhileAStepWaitsForItsJobAndWhileItFollowsOneAreTakenOverAndThePlanEndsAsIfNothingHappened()
            throws Exception {
        BotProcess first = bots.bot("first", "--bot.exchange-server.runner.step-hold=500ms");
        ApprovalChat chat = new ApprovalChat(connector, first.port());
        chat.installMegansChatAndTheChannel();
        String number = ApprovalChat.numberOn(chat.alexSays("setup exchange sync for svc-crash because crash test"));
        runner.runnerStartDelay(15_000);
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, number), null);

        SharedTenantBots.awaitValue(
                () -> "POLLING".equals(bots.stepStatus(number, ACCOUNT_STEP)) ? "waiting" : null,
                Duration.ofSeconds(60));
        first.kill();
        assertThat(bots.status(number))
                .as("the killed bot left the request being carried out")
                .isEqualTo("EXECUTING");

        runner.runnerStartDelay(0);
        bots.fault(Map.of(
                "service", "EXCHANGE", "matching", "New-DistributionGroup", "status", 0, "times", 1, "hang", "PT20S"));
        BotProcess second = bots.bot("second", "--bot.exchange-server.runner.step-hold=10m");
        SharedTenantBots.awaitValue(
                () -> "RUNNING".equals(bots.stepStatus(number, GROUP_STEP))
                                && !jobsRunning(runner.runnerHistory(), "New-DistributionGroup")
                                        .isEmpty()
                        ? "made, its job held"
                        : null,
                Duration.ofSeconds(90));
        BotProcess third = bots.bot("third", "--bot.exchange-server.runner.step-hold=10m");
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
        assertThat(recorded).hasSize(6);
        for (Map<String, Object> step : recorded) {
            assertThat(((Number) step.get("attempts")).intValue())
                    .as("attempts of '%s' (the interrupted one carries on under its attempt)", step.get("words"))
                    .isEqualTo(1);
            assertThat(step.get("status")).as("%s", step.get("words")).isIn("DONE", "ALREADY_DONE");
        }
        JsonNode history = runner.runnerHistory();
        assertThat(jobsAsking(history, "New-Mailbox"))
                .as("one account: its job, checked on by two bots, was started once")
                .hasSize(1);
        assertThat(jobsAsking(history, "New-DistributionGroup"))
                .as("the held job, followed by the bot that took the run over and never started again (after its"
                        + " session was lost, the step's next try found the group it had made)")
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

    /** The names of the jobs that ask the cmdlet. */
    private static List<String> jobsAsking(JsonNode history, String cmdlet) {
        List<String> jobs = new ArrayList<>();
        history.forEach(job -> {
            if (job.path("parameters").path("Request").asString("").contains("\"" + cmdlet + "\"")) {
                jobs.add(job.path("name").asString());
            }
        });
        return jobs;
    }

    /** The jobs that ask the cmdlet and have not ended. */
    private static List<String> jobsRunning(JsonNode history, String cmdlet) {
        List<String> ended = List.of("Completed", "Failed", "Stopped", "Suspended");
        List<String> running = new ArrayList<>();
        history.forEach(job -> {
            if (job.path("parameters").path("Request").asString("").contains("\"" + cmdlet + "\"")
                    && !ended.contains(job.path("status").asString())) {
                running.add(job.path("name").asString());
            }
        });
        return running;
    }
}
