package io.serviceaccountbot.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged bot, started as a user would start it: {@code java -jar target/service-account-bot.jar}, but with a
 * fresh temporary data directory (its embedded database), deleted when it stops, unless the caller names one.
 */
public final class BotProcess implements AutoCloseable {

    static final Path JAR = Path.of("target/service-account-bot.jar").toAbsolutePath();

    private final Process process;
    private final int port;
    private final Path log;
    private final Path data;

    private BotProcess(Process process, int port, Path log, Path data) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.data = data;
    }

    /** Starts the packaged bot with these command-line properties (e.g. {@code --bot.sandbox.mailbox-delay=2s}). */
    public static BotProcess start(Path log, String... properties) throws Exception {
        return start(log, List.of("-jar", JAR.toString()), properties);
    }

    private static BotProcess start(Path log, List<String> launch, String... properties) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: end-to-end tests run after `./mvnw package`");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m"));
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.addAll(List.of(properties));
        Path data = null;
        if (Arrays.stream(properties).noneMatch(property -> property.startsWith("--bot.storage.directory="))) {
            data = Files.createTempDirectory("bot-data");
            command.add("--bot.storage.directory=" + data);
        }
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        BotProcess bot = new BotProcess(process, port, log, data);
        bot.awaitListening(Duration.ofSeconds(60));
        return bot;
    }

    public int port() {
        return port;
    }

    /** Kills the bot as {@code kill -9} does: no shutdown hook, no graceful stop, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String endpoint() {
        return "http://127.0.0.1:" + port + "/api/messages";
    }

    public Path log() {
        return log;
    }

    private void awaitListening(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The bot exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("The bot did not listen on port " + port + " within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (data != null) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
