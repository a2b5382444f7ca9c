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
 * The packaged bot, started as a user would start it: {@code java -jar target/service-account-bot-sandbox.jar} (or the
 * production jar, {@code target/service-account-bot.jar}), but with a fresh temporary data directory (its embedded
 * database), deleted when it stops, unless the caller names one.
 */
public final class BotProcess implements AutoCloseable {

    /** The production jar: the bot without its simulated tenant. */
    static final Path JAR = Path.of("target/service-account-bot.jar").toAbsolutePath();

    /** The same bot with its simulated tenant, which sandbox mode needs. */
    static final Path SANDBOX_JAR =
            Path.of("target/service-account-bot-sandbox.jar").toAbsolutePath();

    /**
     * How long a process the tests start (a bot, a Playground) may take to be ready: {@code -Dbot.test.startup-timeout}
     * (e.g. {@code 5m}, {@code 300s}), three minutes unless given, so that a busy two-core machine running three JVMs
     * and Maven at once still makes it. Nothing waits on a fixed sleep; this is only the limit of a wait for a
     * condition.
     */
    public static final Duration STARTUP = startupTimeout(System.getProperty("bot.test.startup-timeout", "3m"));

    private final Process process;
    private final List<String> command;
    private final int port;
    private final Path log;
    private Path data;

    private BotProcess(Process process, List<String> command, int port, Path log, Path data) {
        this.process = process;
        this.command = command;
        this.port = port;
        this.log = log;
        this.data = data;
    }

    /**
     * Starts the sandbox jar with these command-line properties (e.g. {@code --bot.sandbox.mailbox-delay=2s}), in
     * sandbox mode unless they name a tenant.
     */
    public static BotProcess start(Path log, String... properties) throws Exception {
        return start(log, SANDBOX_JAR, properties);
    }

    /** Starts the production jar with these command-line properties, which must name a tenant. */
    public static BotProcess startProduction(Path log, String... properties) throws Exception {
        return start(log, JAR, properties);
    }

    private static BotProcess start(Path log, Path jar, String... properties) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: end-to-end tests run after `./mvnw package`");
        }
        List<String> launch = List.of("-jar", jar.toString());
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
        return launch(command, port, log, data, ProcessBuilder.Redirect.to(log.toFile()));
    }

    private static BotProcess launch(
            List<String> command, int port, Path log, Path data, ProcessBuilder.Redirect output) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start();
        BotProcess bot = new BotProcess(process, command, port, log, data);
        Runtime.getRuntime().addShutdownHook(bot.killOnExit);
        try {
            bot.awaitListening(STARTUP);
        } catch (Exception | Error e) {
            bot.close();
            throw e;
        }
        return bot;
    }

    /** However the tests end, Maven's JVM takes the bot with it. */
    private final Thread killOnExit = new Thread(this::killNow, "stop-bot-on-exit");

    private void killNow() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static Duration startupTimeout(String text) {
        String value = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
    }

    public int port() {
        return port;
    }

    /**
     * Kills the bot as {@code kill -9} does and starts it again as it was started: the same port, settings and data
     * directory (which the new process now owns), its output appended to the same log.
     */
    public BotProcess killAndRestart() throws Exception {
        kill();
        return restart();
    }

    /**
     * Starts a bot that was {@linkplain #kill killed} again as it was started: the same port, settings and data
     * directory (which the new process now owns), its output appended to the same log.
     */
    public BotProcess restart() throws Exception {
        if (process.isAlive()) {
            throw new IllegalStateException("the bot is still running; kill it first");
        }
        Path kept = data;
        data = null;
        return launch(command, port, log, kept, ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    /** Kills the bot as {@code kill -9} does: no shutdown hook, no graceful stop, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** The process id, which the bot's scheduler names itself by ({@code pid@host}). */
    public long pid() {
        return process.pid();
    }

    /**
     * Freezes the bot as a long garbage-collection pause or a stalled machine does ({@code SIGSTOP}): it keeps its
     * sockets, connections and state, and does nothing at all until {@link #wake}.
     */
    public void freeze() throws Exception {
        signal("STOP");
        frozen = true;
    }

    /** Wakes a frozen bot ({@code SIGCONT}): it carries on from where it was, unaware of the time that passed. */
    public void wake() throws Exception {
        signal("CONT");
        frozen = false;
    }

    private boolean frozen;

    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .redirectErrorStream(true)
                .start();
        String output = new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed: " + output);
        }
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
        throw new IllegalStateException("The bot did not listen on port " + port + " within " + timeout.toSeconds()
                + " s (-Dbot.test.startup-timeout); it was stopped; see " + log);
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
    public void close() throws Exception {
        if (frozen) {
            wake();
        }
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting, and the hook runs anyway
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
