package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.e2e.BotProcess;
import io.serviceaccountbot.storage.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bot processes that behave as replicas of one bot: one PostgreSQL schema, one secret store, and one simulated tenant
 * served by a process of its own, so that the tenant outlives any bot that is stopped or killed. Each bot is the
 * packaged jar in sandbox mode, on Exchange Server, with its Graph, runner (Azure Automation jobs) and EWS calls sent
 * to the tenant process.
 */
final class SharedTenantBots implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TENANT_ID = "00000000-0000-0000-0000-0000000000001";

    private final Path out;
    private final TestDatabase database;
    private final BotProcess tenant;
    private final Path secrets;
    private final List<BotProcess> bots = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private SharedTenantBots(Path out) throws Exception {
        this.out = out;
        this.database = TestDatabase.postgres();
        Files.createDirectories(out);
        this.secrets = Files.createTempDirectory("replica-secrets");
        this.tenant = BotProcess.start(
                out.resolve("tenant.log"),
                "--bot.secrets.directory=" + secrets,
                "--bot.sandbox.runner.job-start-delay=0ms");
    }

    /**
     * Replicas of a bot for an organisation on Exchange Server: the tenant process is the sandbox's default, Exchange
     * Server with its simulated Azure Automation account, which keeps its jobs while any bot dies; the bots start
     * their jobs there, and its runbook reads the passwords the bots store from the same secret directory (the
     * runner's Key Vault).
     */
    static SharedTenantBots exchangeServer(Path out) throws Exception {
        return new SharedTenantBots(out);
    }

    /** The tenant process's port, for its {@code /sandbox/control} endpoints. */
    int tenantPort() {
        return tenant.port();
    }

    /** Starts one more replica, with these settings besides the shared ones (e.g. {@code --bot.…=…}). */
    BotProcess bot(String name, String... settings) throws Exception {
        String sandbox = "http://127.0.0.1:" + tenant.port() + "/sandbox";
        List<String> arguments = new ArrayList<>(List.of(settings));
        arguments.addAll(List.of(
                "--bot.provisioning.exchange-flavour=exchange-server",
                "--bot.exchange-server.runner.arm-url=" + sandbox + "/arm",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--bot.provisioning.graph-base-url=" + sandbox + "/graph/v1.0",
                "--bot.provisioning.ews-url=" + sandbox + "/ews/Exchange.asmx",
                "--bot.provisioning.run-heartbeat=1s",
                "--bot.provisioning.run-poll-interval=1s",
                "--bot.secrets.directory=" + secrets));
        BotProcess bot = BotProcess.start(out.resolve(name + ".log"), arguments.toArray(String[]::new));
        bots.add(bot);
        return bot;
    }

    /**
     * Kills the replica ({@code kill -9}), runs {@code whileDead}, and starts it again as it was: the same port,
     * settings and data directory.
     */
    BotProcess killAndRestart(BotProcess bot, ThrowingRunnable whileDead) throws Exception {
        bot.kill();
        whileDead.run();
        BotProcess restarted = bot.restart();
        bots.set(bots.indexOf(bot), restarted);
        return restarted;
    }

    /** Something to do while a replica is dead. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    TestDatabase database() {
        return database;
    }

    Path secrets() {
        return secrets;
    }

    String status(String number) {
        return database.jdbc()
                .sql("select status from approval_request where number = :number")
                .param("number", number)
                .query(String.class)
                .single();
    }

    String outcome(String number) {
        return database.jdbc()
                .sql("select coalesce(outcome, '') from approval_request where number = :number")
                .param("number", number)
                .query(String.class)
                .single();
    }

    /** Waits until the request is done or failed. */
    void awaitEnd(String number, Duration patience) throws InterruptedException {
        awaitValue(() -> "DONE".equals(status(number)) || "FAILED".equals(status(number)) ? "ended" : null, patience);
    }

    /** Scripts a fault of the simulated tenant ({@code /sandbox/control/faults}). */
    void fault(Map<String, Object> fault) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tenant.port() + "/sandbox/control/faults"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fault)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** The status of the request's plan step whose words start so, or null while there is none. */
    String stepStatus(String number, String wordsStart) {
        return database.jdbc()
                .sql("select s.status from plan_step s join approval_request r on r.id = s.request_id"
                        + " where r.number = :number and s.words like :words")
                .param("number", number)
                .param("words", wordsStart + "%")
                .query(String.class)
                .optional()
                .orElse(null);
    }

    JsonNode cmdlet(String name, String identity) throws Exception {
        HttpResponse<String> response = invoke(name, identity);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("value");
    }

    /** Whether the simulated Exchange answers the cmdlet (e.g. Get-DistributionGroup) for that identity. */
    boolean answers(String name, String identity) {
        try {
            return invoke(name, identity).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private HttpResponse<String> invoke(String name, String identity) throws Exception {
        String body = JSON.writeValueAsString(
                Map.of("CmdletInput", Map.of("CmdletName", name, "Parameters", Map.of("Identity", identity))));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tenant.port()
                                + "/sandbox/exchange/adminapi/beta/" + TENANT_ID + "/InvokeCommand"))
                        .header("Authorization", "Bearer sandbox-token")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The aliases (or names) of the rows a cmdlet listed. */
    static List<String> names(JsonNode rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(
                row -> names.add(row.path("Alias").asString(row.path("Name").asString())));
        return names;
    }

    static <T> T awaitValue(Supplier<T> value, Duration patience) throws InterruptedException {
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

    /** Stops the replicas (not the tenant). */
    void stopBots() throws Exception {
        for (BotProcess bot : bots) {
            bot.close();
        }
        bots.clear();
    }

    @Override
    public void close() throws Exception {
        stopBots();
        tenant.close();
        database.close();
    }
}
