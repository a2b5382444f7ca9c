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

    /**
     * Issue 4's done-when: Alex asks for impersonation for a service account he made, Megan approves on the card in
     * her own Playground, the plan runs, Alex gets the report, and the simulated Exchange has the role group.
     */
    @Test
    void alexAsksForImpersonationMeganApprovesOnHerCardAndTheRoleGroupIsInExchange() throws Exception {
        runScenario("approval", "--bot.sandbox.mailbox-delay=2s");
    }

    /**
     * Issue 5's done-when: setup exchange sync from one chat command, approved by Megan, to a green verification
     * report, with one progress card in Alex's chat.
     */
    @Test
    void setupExchangeSyncRunsTheArticleToAGreenVerificationReport() throws Exception {
        runScenario("setup-exchange-sync", "--bot.sandbox.mailbox-delay=3s");
    }

    /** In the Exchange Online flavour, impersonation is refused before approval, with the modern path prefilled. */
    @Test
    void exchangeOnlineRefusesImpersonationWithTheModernPath() throws Exception {
        runScenario("exchange-online-refusal", "--bot.sandbox.exchange-flavour=exchange-online");
    }

    /**
     * Salesforce's Exchange Online set-up end to end: its tenant-wide consent removed, the group's mailboxes in scope
     * and no others, and the report saying what the Salesforce admin does next.
     */
    @Test
    void salesforcesExchangeOnlineSetUpScopesItsAppToTheGroup() throws Exception {
        runScenario("salesforce-sync", "--bot.sandbox.exchange-flavour=exchange-online");
    }

    private static void runScenario(String scenario, String... properties) throws Exception {
        Path secrets = Files.createTempDirectory("e2e-secrets");
        String[] settings = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("--bot.secrets.directory=" + secrets),
                        java.util.Arrays.stream(properties))
                .toArray(String[]::new);
        try (BotProcess bot = BotProcess.start(OUT.resolve("bot-" + scenario + ".log"), settings)) {
            expectPass(scenario, bot);
        }
    }

    private static void expectPass(String scenario, BotProcess bot) throws Exception {
        PlaygroundScenarios.Outcome outcome = PlaygroundScenarios.run(scenario, bot.endpoint(), OUT);

        assertThat(outcome.exitCode())
                .as("scenario %s failed:%n%s%nbot log: %s%n%s", scenario, outcome.output(), bot.log(), tail(bot.log()))
                .isZero();
    }

    static String tail(Path log) throws Exception {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
