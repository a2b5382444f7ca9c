package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.e2e.BotProcess;
import io.serviceaccountbot.sandbox.SimulatorControlClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} while the bot waits on a job of Exchange Server's runner, with real processes: the simulated tenant,
 * with its Azure Automation account, runs in a process of its own, so the account keeps the job while the bot is dead
 * and the worker runs it. Restarted, the bot takes the run over under the same attempt, names the interrupted step's
 * calls as before and so follows the job it had started instead of starting it again: one {@code New-Mailbox} for the
 * account, each change made by one job, the password the job gave the account still the one in the store, and the plan
 * ends as an uninterrupted one does.
 */
class KilledDuringRunnerJobIT {

    static SharedTenantBots bots;
    static FakeConnector connector;

    @BeforeAll
    static void tenantAndDatabase() throws Exception {
        bots = SharedTenantBots.exchangeServer(
                Path.of("target/killed-during-job").toAbsolutePath());
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
    void aBotKilledWhileItsJobWaitsFollowsThatJobAfterARestartAndNeverStartsItTwice() throws Exception {
        SimulatorControlClient runner = new SimulatorControlClient(bots.tenantPort());
        BotProcess bot = bots.bot("bot");
        ApprovalChat chat = new ApprovalChat(connector, bot.port());
        chat.installMegansChatAndTheChannel();
        String number = ApprovalChat.numberOn(
                chat.alexSays("setup exchange sync for svc-jobkill because Salesforce on Exchange Server"));
        FakeConnector.Call card = chat.cardPostedTo(MEGAN_CHAT, number);

        runner.runnerStartDelay(3_000);
        chat.meganClicks("approve", card, null);
        String mailboxJob = SharedTenantBots.awaitValue(
                () -> jobsRunning(runner.runnerHistory(), "New-Mailbox").stream()
                        .findFirst()
                        .orElse(null),
                Duration.ofSeconds(90));
        bot.kill();
        assertThat(status(runner.runnerHistory(), mailboxJob))
                .as("the bot died before the worker picked its job up")
                .isEqualTo("New");
        SharedTenantBots.awaitValue(
                () -> "Completed".equals(status(runner.runnerHistory(), mailboxJob)) ? "ran" : null,
                Duration.ofSeconds(30));
        runner.runnerStartDelay(0);

        BotProcess restarted = bots.killAndRestart(bot, () -> {});
        chat = new ApprovalChat(connector, restarted.port());
        bots.awaitEnd(number, Duration.ofSeconds(120));

        assertThat(bots.status(number)).as(bots.outcome(number)).isEqualTo("DONE");
        JsonNode history = runner.runnerHistory();
        assertThat(jobsAsking(history, "New-Mailbox"))
                .as("the account was made by the one job started before the kill")
                .containsExactly(mailboxJob);
        List<String> changes = new ArrayList<>();
        for (String cmdlet :
                List.of("Set-ADUser", "New-DistributionGroup", "Add-DistributionGroupMember", "New-RoleGroup")) {
            List<String> jobs = jobsAsking(history, cmdlet);
            assertThat(jobs).as("jobs that ran %s", cmdlet).hasSize(1);
            changes.addAll(jobs);
        }
        assertThat(new HashSet<>(changes)).as("each change its own job").hasSize(changes.size());
        Set<String> names = new HashSet<>();
        history.forEach(job -> assertThat(names.add(job.path("name").asString()))
                .as("job names are unique")
                .isTrue());

        FakeConnector.Call report = connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Verification of svc-jobkill@example.com"),
                Duration.ofSeconds(30));
        assertThat(ApprovalChat.text(report.card()))
                .contains("Holds ApplicationImpersonation")
                .contains("PasswordNeverExpires in Active Directory")
                .contains("The mailbox exists")
                .doesNotContain("Failed");
        assertThat(ApprovalChat.text(chat.alexSays("verify svc-jobkill against isaiahl@example.com")
                        .card()))
                .as("the account signs in with the password in the store: the job that made it and the restarted"
                        + " bot agree on it")
                .contains("svc-jobkill@example.com opened the inbox of isaiahl@example.com as its owner");
        List<Map<String, Object>> steps = bots.database()
                .jdbc()
                .sql("select s.words, s.status, s.attempts from plan_step s join approval_request r"
                        + " on r.id = s.request_id where r.number = :number order by s.ordinal")
                .param("number", number)
                .query()
                .listOfRows();
        assertThat(steps).as("the plan's steps: %s", steps).allSatisfy(step -> {
            assertThat(step.get("status")).isIn("DONE", "ALREADY_DONE");
            assertThat(((Number) step.get("attempts")).intValue())
                    .as("the interrupted step carried on under its attempt, the others ran once")
                    .isEqualTo(1);
        });
        assertThat(java.nio.file.Files.readString(restarted.log()))
                .as("the restarted bot's log")
                .contains("Exchange Server runner job " + mailboxJob + " exists already (Completed); following it")
                .doesNotContain(" ERROR ");
    }

    /** The names of the jobs whose request runs the cmdlet, oldest first. */
    private static List<String> jobsAsking(JsonNode history, String cmdlet) {
        List<String> jobs = new ArrayList<>();
        history.forEach(job -> {
            if (job.path("parameters").path("Request").asString("").contains("\"" + cmdlet + "\"")) {
                jobs.add(job.path("name").asString());
            }
        });
        return jobs;
    }

    /** The jobs that run the cmdlet and have not ended. */
    private static List<String> jobsRunning(JsonNode history, String cmdlet) {
        return jobsAsking(history, cmdlet).stream()
                .filter(name ->
                        !Set.of("Completed", "Failed", "Stopped", "Suspended").contains(status(history, name)))
                .toList();
    }

    private static String status(JsonNode history, String name) {
        for (JsonNode job : history) {
            if (job.path("name").asString().equals(name)) {
                return job.path("status").asString();
            }
        }
        return null;
    }
}
