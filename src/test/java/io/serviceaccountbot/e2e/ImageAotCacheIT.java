package io.serviceaccountbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container image's AOT cache step, as {@code deploy/Dockerfile} runs it, without Docker (none runs here): the
 * production jar extracted, {@code deploy/aot/TrainingRun.java} driving it through signed Teams activities with the
 * image's JVM flags, and then a JVM with those flags and {@code -XX:AOTMode=on}, which refuses to start unless it can
 * use the cache.
 */
class ImageAotCacheIT {

    private static final Path DOCKERFILE = Path.of("deploy/Dockerfile");
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void theTrainingRunLeavesACacheThatTheImagesJvmUses() throws Exception {
        Path out = Files.createDirectories(Path.of("target/image-aot").toAbsolutePath());
        Path app = out.resolve("app");
        deleteRecursively(app);
        assertThat(run(
                        out.resolve("extract.log"),
                        List.of(
                                JAVA,
                                "-Djarmode=tools",
                                "-jar",
                                BotProcess.JAR.toString(),
                                "extract",
                                "--destination",
                                app.toString())))
                .isZero();
        Path jar = app.resolve("service-account-bot.jar");
        Path cache = app.resolve("app.aot");
        String flags = imageFlags();

        int trained = run(
                out.resolve("training.log"),
                List.of(JAVA, "deploy/aot/TrainingRun.java", jar.toString(), cache.toString()),
                flags);

        assertThat(trained)
                .as("the training run; see %s", out.resolve("training.log"))
                .isZero();
        assertThat(cache).isRegularFile();
        assertThat(Files.size(cache)).as("a cache of the bot's classes").isGreaterThan(20L << 20);
        List<String> check = new ArrayList<>(List.of(JAVA));
        check.addAll(Arrays.asList(flags.split(" ")));
        check.addAll(List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-cp", jar.toString(), "-version"));
        assertThat(run(out.resolve("check.log"), check))
                .as("a JVM with the image's flags uses the cache; see %s", out.resolve("check.log"))
                .isZero();
        assertThat(Files.readString(out.resolve("check.log"))).contains("sharing");
        deleteRecursively(app);
    }

    /** The JVM flags the image gives the bot, and so its training run: its JAVA_TOOL_OPTIONS. */
    private static String imageFlags() throws Exception {
        Matcher flags = Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"").matcher(Files.readString(DOCKERFILE));
        assertThat(flags.find()).as("JAVA_TOOL_OPTIONS in %s", DOCKERFILE).isTrue();
        return flags.group(1);
    }

    private static int run(Path log, List<String> command) throws Exception {
        return run(log, command, null);
    }

    private static int run(Path log, List<String> command, String javaToolOptions) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (javaToolOptions != null) {
            builder.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        Process process = builder.start();
        try {
            if (!process.waitFor(BotProcess.STARTUP.toSeconds() + 180, TimeUnit.SECONDS)) {
                throw new IllegalStateException(command.get(1) + " did not end in time; see " + log);
            }
            return process.exitValue();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
