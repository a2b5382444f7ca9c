package io.serviceaccountbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * One build, two jars: the production jar, which the container image runs, carries no simulated tenant (no class of
 * {@code io.serviceaccountbot.sandbox}, no seed, so no {@code /sandbox} endpoint), and the sandbox jar carries it. The
 * production jar started without a tenant refuses to start and names the sandbox jar.
 */
class PackagedJarsIT {

    private static final String SIMULATOR_CLASSES = "BOOT-INF/classes/io/serviceaccountbot/sandbox/";
    private static final String SIMULATOR_SEED = "BOOT-INF/classes/sandbox/";

    @Test
    void theProductionJarHoldsNoSimulatorAndTheSandboxJarHoldsIt() throws Exception {
        List<String> production = entries(BotProcess.JAR);
        assertThat(production)
                .as("the production jar is the bot")
                .contains("BOOT-INF/classes/io/serviceaccountbot/ServiceAccountBotApplication.class");
        assertThat(production)
                .as("simulator classes or seed in %s", BotProcess.JAR)
                .noneMatch(name -> name.startsWith(SIMULATOR_CLASSES) || name.startsWith(SIMULATOR_SEED));

        List<String> sandbox = entries(BotProcess.SANDBOX_JAR);
        assertThat(sandbox)
                .contains(
                        SIMULATOR_CLASSES + "SandboxConfiguration.class",
                        SIMULATOR_CLASSES + "GraphUsersEndpoint.class",
                        SIMULATOR_SEED + "seed.json")
                .containsAll(production.stream()
                        .filter(name -> name.startsWith("BOOT-INF/classes/io/"))
                        .toList());
    }

    @Test
    void theProductionJarWithoutATenantRefusesToStartAndNamesTheSandboxJar() throws Exception {
        Path log = Path.of("target/packaged-jars/production-without-tenant.log").toAbsolutePath();

        assertThatThrownBy(() -> BotProcess.startProduction(log).close()).hasMessageContaining("The bot exited with 1");

        assertThat(Files.readString(log))
                .contains("APPLICATION FAILED TO START")
                .contains("does not carry the simulated tenant")
                .contains("java -jar target/service-account-bot-sandbox.jar")
                .doesNotContain("\tat io.serviceaccountbot.");
    }

    private static List<String> entries(Path jar) throws Exception {
        assertThat(jar).as("built by ./mvnw package").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).toList();
        }
    }
}
