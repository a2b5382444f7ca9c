package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.e2e.BotProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox as a newcomer runs it, killed with {@code kill -9} and started again on the same storage directory: the
 * account, group and role group it made are still in its simulated tenant, so {@code verify} of an account created
 * before the crash passes; the files holding state and secrets are readable by their owner only, the passwords under
 * the storage directory; and {@code POST /sandbox/control/reset} returns the tenant to its seed.
 */
class SandboxKeepsItsTenantIT {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeConnector connector;
    private BotProcess bot;

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void aSandboxKilledAndStartedAgainStillHasTheAccountsItMadeUntilItIsReset() throws Exception {
        connector = new FakeConnector();
        bot = BotProcess.start(
                Path.of("target/sandbox-restart/bot.log").toAbsolutePath(),
                "--bot.storage.directory=" + data,
                "--bot.sandbox.mailbox-delay=2s");
        ApprovalChat chat = new ApprovalChat(connector, bot.port());
        chat.installMegansChatAndTheChannel();
        chat.alexSays("create service account svc-keep");
        String number = ApprovalChat.numberOn(chat.alexSays("grant impersonation to svc-keep because restart test"));
        chat.meganClicks("approve", chat.cardPostedTo(MEGAN_CHAT, number), null);
        connector.await(
                call -> call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card())
                                .contains("svc-keep@example.com holds ApplicationImpersonation"),
                Duration.ofSeconds(90));

        bot = bot.killAndRestart();
        chat = new ApprovalChat(connector, bot.port());

        String verified = ApprovalChat.text(chat.alexSays("verify svc-keep").body());
        assertThat(verified)
                .contains("svc-keep@example.com")
                .contains("ApplicationImpersonation")
                .doesNotContain("No user")
                .doesNotContain("❌");
        assertThat(ownerOnly())
                .as("files holding state or secrets")
                .allSatisfy(file -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .as("%s", file)
                        .isEqualTo("rw-------"));
        assertThat(data.resolve("secrets").resolve("svc-keep-password.secret")).isRegularFile();

        HttpResponse<String> reset = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/sandbox/control/reset"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(ApprovalChat.text(chat.alexSays("verify svc-keep").body())).contains("No user svc-keep in ");
    }

    private List<Path> ownerOnly() throws Exception {
        try (Stream<Path> files = Files.walk(data)) {
            List<Path> found = files.filter(Files::isRegularFile).toList();
            assertThat(found)
                    .extracting(path -> path.getFileName().toString())
                    .contains(
                            "bot.mv.db",
                            "sandbox-tenant-exchange-server.json",
                            "secrets.key",
                            "svc-keep-password.secret");
            return found;
        }
    }
}
