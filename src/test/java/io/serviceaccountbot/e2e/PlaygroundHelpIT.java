package io.serviceaccountbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A newcomer's first minute, for real: the packaged bot in sandbox mode, the Microsoft 365 Agents Playground, and
 * headless Chromium typing {@code help}, a typo and {@code whoami} (scenario {@code e2e/scenarios/help.mjs}).
 * Screenshots and logs of a failure are under {@code target/e2e/}.
 */
class PlaygroundHelpIT {

    static final Path OUT = Path.of("target/e2e").toAbsolutePath();

    @BeforeAll
    static void prerequisites() {
        EndToEndPrerequisites.require();
    }

    @Test
    void aNewcomerGetsHelpADidYouMeanAndTheirRoles() throws Exception {
        try (BotProcess bot = BotProcess.start(OUT.resolve("bot-help.log"))) {
            PlaygroundScenarios.Outcome outcome = PlaygroundScenarios.run("help", bot.endpoint(), OUT);

            assertThat(outcome.exitCode())
                    .as("scenario help failed:%n%s%nbot log: %s%n%s", outcome.output(), bot.log(), tail(bot.log()))
                    .isZero();
        }
    }

    static String tail(Path log) throws Exception {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
