package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.e2e.BotProcess;
import io.serviceaccountbot.storage.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kill -9} in the middle of a plan, with real processes: one bot process serves the simulated tenant (so the
 * tenant outlives the bots), a second bot process runs {@code setup exchange sync} against it on PostgreSQL and is
 * killed while it waits for the mailbox, and a third, started on the same database, takes the run over. The plan
 * must finish with the same end state as an uninterrupted one: one user, one group with one member, the role group
 * holding the role, the interrupted step run twice and every other step once.
 */
class KilledBotResumesPlanIT {

    static final Path OUT = Path.of("target/killed-bot").toAbsolutePath();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TENANT_ID = "00000000-0000-0000-0000-0000000000001";

    static TestDatabase database;
    static BotProcess tenant;
    static FakeConnector connector;
    static Path secrets;
    final HttpClient http = HttpClient.newHttpClient();
    final List<BotProcess> bots = new ArrayList<>();

    @BeforeAll
    static void tenantAndDatabase() throws Exception {
        database = TestDatabase.postgres();
        Files.createDirectories(OUT);
        tenant = BotProcess.start(OUT.resolve("tenant.log"), "--bot.sandbox.mailbox-delay=12s");
        connector = new FakeConnector();
        secrets = Files.createTempDirectory("killed-bot-secrets");
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (tenant != null) {
            tenant.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aBotKilledWhileWaitingForTheMailboxIsTakenOverAndThePlanEndsAsIfNothingHappened() throws Exception {
        BotProcess first = bot("first");
        ApprovalChat chat = new ApprovalChat(connector, first.port());
        chat.installMegansChatAndTheChannel();
        String number = ApprovalChat.numberOn(chat.alexSays("setup exchange sync for svc-crash because crash test"));
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, number), null);

        String mailboxStep = awaitValue(
                () -> database.jdbc()
                        .sql("select s.words from plan_step s join approval_request r on r.id = s.request_id"
                                + " where r.number = :number and s.status = 'RUNNING' and s.words like 'Wait up to%'")
                        .param("number", number)
                        .query(String.class)
                        .optional()
                        .orElse(null),
                Duration.ofSeconds(60));
        first.kill();
        assertThat(status(number))
                .as("the killed bot left the request being carried out")
                .isEqualTo("EXECUTING");

        bot("second");
        awaitValue(
                () -> "DONE".equals(status(number)) || "FAILED".equals(status(number)) ? "ended" : null,
                Duration.ofSeconds(90));

        assertThat(status(number)).as(outcome(number)).isEqualTo("DONE");
        List<Map<String, Object>> recorded = database.jdbc()
                .sql("select s.words, s.status, s.attempts from plan_step s join approval_request r"
                        + " on r.id = s.request_id where r.number = :number order by s.ordinal")
                .param("number", number)
                .query()
                .listOfRows();
        assertThat(recorded).hasSize(8);
        for (Map<String, Object> step : recorded) {
            assertThat(((Number) step.get("attempts")).intValue())
                    .as("attempts of '%s'", step.get("words"))
                    .isEqualTo(step.get("words").equals(mailboxStep) ? 2 : 1);
            assertThat(step.get("status")).as("%s", step.get("words")).isIn("DONE", "ALREADY_DONE");
        }
        assertThat(graph("/users?$filter=" + URLEncoder.encode("mailNickname eq 'svc-crash'", StandardCharsets.UTF_8))
                        .path("value"))
                .as("one user, not two")
                .hasSize(1);
        assertThat(Files.list(secrets)
                        .filter(file -> file.getFileName().toString().startsWith("svc-crash")))
                .as("one stored password")
                .hasSize(1);
        assertThat(names(cmdlet("Get-DistributionGroupMember", "Exchange Sync Accounts")))
                .containsExactly("svc-crash");
        assertThat(cmdlet("Get-RoleGroup", "Exchange sync role group").path(0).toString())
                .contains("ApplicationImpersonation")
                .contains("Exchange Sync Accounts");
        FakeConnector.Call report = connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Set up Exchange sync for svc-crash@example.com")
                        && ApprovalChat.text(call.card()).contains("holds ApplicationImpersonation"),
                Duration.ofSeconds(20));
        assertThat(ApprovalChat.text(report.card())).doesNotContain("❌");
    }

    private BotProcess bot(String name) throws Exception {
        String sandbox = "http://127.0.0.1:" + tenant.port() + "/sandbox";
        BotProcess bot = BotProcess.start(
                OUT.resolve(name + ".log"),
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--bot.provisioning.graph-base-url=" + sandbox + "/graph/v1.0",
                "--bot.provisioning.exchange-base-url=" + sandbox + "/exchange",
                "--bot.provisioning.mailbox-wait=2m",
                "--bot.provisioning.run-heartbeat=1s",
                "--bot.provisioning.run-poll-interval=1s",
                "--bot.secrets.directory=" + secrets);
        bots.add(bot);
        return bot;
    }

    @org.junit.jupiter.api.AfterEach
    void stopBots() throws Exception {
        for (BotProcess bot : bots) {
            bot.close();
        }
    }

    private String status(String number) {
        return database.jdbc()
                .sql("select status from approval_request where number = :number")
                .param("number", number)
                .query(String.class)
                .single();
    }

    private String outcome(String number) {
        return database.jdbc()
                .sql("select coalesce(outcome, '') from approval_request where number = :number")
                .param("number", number)
                .query(String.class)
                .single();
    }

    private JsonNode graph(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tenant.port() + "/sandbox/graph/v1.0" + path))
                        .header("Authorization", "Bearer sandbox-token")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode cmdlet(String name, String identity) throws Exception {
        String body = JSON.writeValueAsString(
                Map.of("CmdletInput", Map.of("CmdletName", name, "Parameters", Map.of("Identity", identity))));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tenant.port()
                                + "/sandbox/exchange/adminapi/beta/" + TENANT_ID + "/InvokeCommand"))
                        .header("Authorization", "Bearer sandbox-token")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("value");
    }

    private static List<String> names(JsonNode rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(
                row -> names.add(row.path("Alias").asString(row.path("Name").asString())));
        return names;
    }

    private static <T> T awaitValue(Supplier<T> value, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            T found = value.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing within " + patience);
    }
}
