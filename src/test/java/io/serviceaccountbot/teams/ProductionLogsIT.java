package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.e2e.BotProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The packaged bot in production mode, in a process of its own (logging is set up once per process): its console log
 * is one JSON object per line, and a line written while answering a conversation carries that conversation's id. The
 * tenant and Entra ID are out of reach, so the command fails and says so in the log, without the secret or the token.
 */
class ProductionLogsIT {

    static final String APP_ID = "5e1f0b7a-1111-4222-8333-944455556666";
    static final String CLIENT_SECRET = "not-a-real-secret-" + "x".repeat(12);

    @Test
    void productionLogsAreJsonLinesThatNameTheConversation() throws Exception {
        Path out = Files.createTempDirectory("production-logs");
        try (LocalBotFrameworkKeys keys = new LocalBotFrameworkKeys();
                FakeConnector connector = new FakeConnector();
                BotProcess bot = BotProcess.startProduction(
                        out.resolve("bot.log"),
                        "--bot.identity.tenant-id=" + Activities.TENANT,
                        "--bot.identity.app-id=" + APP_ID,
                        "--bot.identity.client-secret=" + CLIENT_SECRET,
                        "--bot.identity.authority-host=https://127.0.0.1:9",
                        "--bot.access.admins-group-id=5b07ad31-0000-4000-8000-000000000001",
                        "--bot.access.approvers-group-id=5b07ad31-0000-4000-8000-000000000002",
                        "--bot.provisioning.graph-base-url=http://127.0.0.1:9/unreachable",
                        "--bot.secrets.key-vault-uri=https://kv-never-called.vault.azure.net/",
                        "--spring.datasource.url=jdbc:h2:file:" + out.resolve("bot")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--bot.teams.openid-metadata-url=" + keys.metadataUrl())) {
            ObjectNode message = Activities.message(connector.serviceUrl(), "whoami");
            String conversation = "logs-" + message.get("id").asString();
            message.withObjectProperty("conversation").put("id", conversation);
            String token = keys.signed(LocalBotFrameworkKeys.validClaims(APP_ID, connector.serviceUrl())
                    .build());

            HttpResponse<String> accepted = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/api/messages"))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            Activities.JSON.writeValueAsString(message)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(200);

            List<String> lines =
                    awaitLine(bot.log(), "\"conversation\":\"" + conversation + "\"", Duration.ofSeconds(30));
            assertThat(lines)
                    .filteredOn(line -> !line.isBlank())
                    .allSatisfy(line -> assertThat(line).startsWith("{\"@timestamp\""));
            assertThat(lines)
                    .as("a line of the conversation's turn names it")
                    .anySatisfy(line -> assertThat(line).contains("\"conversation\":\"" + conversation + "\""));
            assertThat(String.join("\n", lines)).doesNotContain(CLIENT_SECRET).doesNotContain(token);
        }
        deleteRecursively(out); // kept when an assertion fails, for its log
    }

    private static void deleteRecursively(Path directory) throws Exception {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static List<String> awaitLine(Path log, String wanted, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> lines = Files.readAllLines(log);
        while (System.nanoTime() < deadline) {
            lines = Files.readAllLines(log);
            if (lines.stream().anyMatch(line -> line.contains(wanted))) {
                return lines;
            }
            Thread.sleep(200);
        }
        return lines;
    }
}
