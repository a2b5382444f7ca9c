package io.serviceaccountbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bot as people meet it: the packaged jar in sandbox mode, the Microsoft 365 Agents Playground, and headless
 * Chromium typing into it. Each test runs one scenario of {@code e2e/scenarios/} against a fresh bot; screenshots and
 * logs of a failure are under {@code target/e2e/}.
 */
class PlaygroundIT {

    static final Path OUT = Path.of("target/e2e").toAbsolutePath();

    @BeforeAll
    static void prerequisites() {
        EndToEndPrerequisites.require();
    }

    @Test
    void aNewcomerGetsHelpADidYouMeanAndTheirRoles() throws Exception {
        runScenario("help");
    }

    @Test
    void anAdminCreatesAServiceAccountAndNeverSeesItsPassword() throws Exception {
        runScenario("create-service-account");
    }

    private static void runScenario(String scenario) throws Exception {
        Path secrets = Files.createTempDirectory("e2e-secrets");
        try (BotProcess bot =
                BotProcess.start(OUT.resolve("bot-" + scenario + ".log"), "--bot.secrets.directory=" + secrets)) {
            PlaygroundScenarios.Outcome outcome = PlaygroundScenarios.run(scenario, bot.endpoint(), OUT);

            assertThat(outcome.exitCode())
                    .as(
                            "scenario %s failed:%n%s%nbot log: %s%n%s",
                            scenario, outcome.output(), bot.log(), tail(bot.log()))
                    .isZero();
        }
    }

    static String tail(Path log) throws Exception {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
