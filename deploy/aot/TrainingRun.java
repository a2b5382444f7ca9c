import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The training run of the image's AOT cache (JEP 483, 514, 515): starts the production jar as the container will,
 * with {@code -XX:AOTCacheOutput}, and drives it through real paths before stopping it, so that the cache holds the
 * classes, links and method profiles of answering Teams, not only of starting Spring.
 *
 * <p>The production jar carries no simulated tenant and refuses unsigned requests, so this run stands in for the
 * world around it: a key set published as login.botframework.com publishes its keys, tokens signed with that key, and
 * a Bot Connector that takes the bot's answers. The tenant itself is unreachable (as in {@code ProductionLogsIT}): the
 * commands that need it go through their "the tenant cannot be reached" answers. No secret is involved; the settings
 * are placeholders that the image never keeps (the data directory is deleted afterwards).
 *
 * <p>Usage (JDK 25, single-file source launch or compiled): {@code java TrainingRun.java JAR CACHE [java arguments...]}.
 * The JVM flags of the container reach the bot through {@code JAVA_TOOL_OPTIONS}, which it inherits.
 */
public final class TrainingRun {

    static final String TENANT = "00000000-0000-0000-0000-000000000001";
    static final String APP_ID = "00000000-0000-4000-8000-00000000a07a";
    static final String ALEX = "00000000-0000-0000-0000-000000000020";
    static final String MEGAN = "00000000-0000-0000-0000-000000000021";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private KeyPair key;
    private HttpServer world;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java TrainingRun.java JAR CACHE [java arguments...]");
            System.exit(2);
        }
        new TrainingRun().run(Path.of(args[0]), Path.of(args[1]), List.of(args).subList(2, args.length));
    }

    void run(Path jar, Path cache, List<String> javaArguments) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        world = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        world.createContext("/v1/.well-known/openidconfiguration", exchange -> json(exchange, 200, """
                {"issuer":"https://api.botframework.com","jwks_uri":"%s/v1/.well-known/keys",\
                "id_token_signing_alg_values_supported":["RS256"]}""".formatted(base())));
        world.createContext("/v1/.well-known/keys", exchange -> json(exchange, 200, keySet()));
        world.createContext("/connector/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            json(exchange, 200, "{\"id\":\"" + UUID.randomUUID() + "\"}");
        });
        world.start();
        Path data = Files.createTempDirectory("aot-training");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:AOTCacheOutput=" + cache));
        command.addAll(javaArguments);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--bot.storage.directory=" + data,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("training")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--bot.identity.tenant-id=" + TENANT,
                "--bot.identity.app-id=" + APP_ID,
                "--bot.identity.client-secret=training-placeholder-not-a-secret",
                "--bot.identity.authority-host=https://127.0.0.1:9",
                "--bot.access.admins-group-id=5b07ad31-0000-4000-8000-000000000001",
                "--bot.access.approvers-group-id=5b07ad31-0000-4000-8000-000000000002",
                "--bot.provisioning.graph-base-url=http://127.0.0.1:9/unreachable",
                "--bot.secrets.key-vault-uri=https://kv-never-called.vault.azure.net/",
                "--bot.teams.openid-metadata-url=" + base() + "/v1/.well-known/openidconfiguration"));
        Path log = data.resolve("training.log");
        String conversation;
        Process bot = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitLive(bot, base, log);
            conversation = exercise(base);
            bot.destroy(); // SIGTERM: a graceful stop, at whose end the JVM writes the cache
            if (!bot.waitFor(120, TimeUnit.SECONDS)) {
                bot.destroyForcibly();
                throw new IllegalStateException("the bot did not stop within 2 minutes; see " + log);
            }
        } finally {
            if (bot.isAlive()) {
                bot.destroyForcibly();
            }
            world.stop(0);
        }
        if (!Files.isRegularFile(cache)) {
            System.err.println(Files.readString(log));
            throw new IllegalStateException("no AOT cache was written at " + cache);
        }
        long turnLines;
        try (var lines = Files.lines(log)) {
            turnLines = lines.filter(line -> line.contains(conversation)).count();
        }
        if (turnLines == 0) {
            System.err.println(Files.readString(log));
            throw new IllegalStateException("no turn of the training conversation ran; see the log above");
        }
        System.out.printf(
                "AOT cache %s: %d MB, from a training run whose turns logged %d lines%n",
                cache, Files.size(cache) >> 20, turnLines);
        deleteRecursively(data);
    }

    /** The paths of a first reply and its neighbours, each several times so that their methods get profiles. */
    private String exercise(String bot) throws Exception {
        String conversation = "a:training-" + UUID.randomUUID();
        for (int round = 0; round < 20; round++) {
            expect(200, post(bot, installation(conversation, ALEX)));
            expect(200, post(bot, message(conversation, ALEX, "help")));
            expect(200, post(bot, message(conversation, ALEX, "whoami")));
            expect(200, post(bot, message(conversation, ALEX, "helo")));
            expect(200, post(bot, message(conversation, ALEX, "verify svc-training")));
            expect(200, post(bot, message(conversation, ALEX, "create service account svc-training")));
            expect(200, post(bot, message(conversation, ALEX, "grant impersonation to svc-training because a test")));
            expect(200, post(bot, message(conversation, ALEX, "requests")));
            expect(200, post(bot, click(conversation, MEGAN)));
            expect(401, send(bot + "/api/messages", "Bearer " + "x".repeat(40), message(conversation, ALEX, "help")));
            expect(200, get(bot + "/actuator/health/liveness"));
            expect(401, get(bot + "/actuator/prometheus"));
        }
        return conversation;
    }

    private int post(String bot, String activity) throws Exception {
        return send(bot + "/api/messages", "Bearer " + token(), activity);
    }

    private int send(String url, String authorization, String body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .header("Authorization", authorization)
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private int get(String url) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void expect(int status, int got) {
        if (status != got && !(status == 200 && got == 202)) {
            throw new IllegalStateException("the training run expected " + status + " and got " + got);
        }
    }

    private void awaitLive(Process bot, String base, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!bot.isAlive()) {
                System.err.println(Files.readString(log));
                throw new IllegalStateException("the bot stopped during its training run");
            }
            try {
                if (get(base + "/actuator/health/liveness") == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the bot did not start within 3 minutes; see " + log);
    }

    private String serviceUrl() {
        return base() + "/connector/";
    }

    private String message(String conversation, String aadObjectId, String text) {
        return activity(
                "message",
                conversation,
                aadObjectId,
                "\"text\":\"%s\",\"textFormat\":\"plain\",\"locale\":\"en-US\"".formatted(text));
    }

    private String installation(String conversation, String aadObjectId) {
        return activity("installationUpdate", conversation, aadObjectId, "\"action\":\"add\"");
    }

    /** An approval click on a request that does not exist: answered with a card that says so, nothing changed. */
    private String click(String conversation, String aadObjectId) {
        return activity("invoke", conversation, aadObjectId, """
                "name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","verb":"approve",\
                "data":{"requestId":"%s","version":1}}}""".formatted(UUID.randomUUID()));
    }

    /** An activity of a personal chat in the tenant, as Teams sends it, with the type's own fields. */
    private String activity(String type, String conversation, String aadObjectId, String fields) {
        return """
                {"type":"%s","id":"%s","timestamp":"%s","serviceUrl":"%s","channelId":"msteams",\
                "from":{"id":"29:%s","name":"Trainer","aadObjectId":"%s"},\
                "conversation":{"conversationType":"personal","tenantId":"%s","id":"%s"},\
                "recipient":{"id":"28:%s","name":"Service Account Bot"},"channelData":{"tenant":{"id":"%s"}},%s}"""
                .formatted(
                        type,
                        UUID.randomUUID(),
                        Instant.now(),
                        serviceUrl(),
                        aadObjectId,
                        aadObjectId,
                        TENANT,
                        conversation,
                        APP_ID,
                        TENANT,
                        fields);
    }

    /** A token as the Bot Framework signs one for this bot and this service URL. */
    private String token() throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = base64("{\"alg\":\"RS256\",\"kid\":\"training-key\",\"typ\":\"JWT\"}");
        String claims = base64("""
                {"iss":"https://api.botframework.com","aud":"%s","iat":%d,"nbf":%d,"exp":%d,"serviceUrl":"%s"}"""
                .formatted(APP_ID, now, now - 10, now + 3600, serviceUrl()));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key.getPrivate());
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private String keySet() {
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        return """
                {"keys":[{"kty":"RSA","use":"sig","kid":"training-key","alg":"RS256","n":"%s","e":"%s",\
                "endorsements":["msteams"]}]}"""
                .formatted(unsigned(publicKey.getModulus()), unsigned(publicKey.getPublicExponent()));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://127.0.0.1:" + world.getAddress().getPort();
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
