package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.sandbox.SimulatorControlClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code doctor} on Exchange Server: instead of Exchange Online's token and permission it checks the runner, a token
 * for Azure Resource Manager, the runbook published in the Automation account, a worker of the group checked in
 * lately, and one harmless cmdlet through a job. With the worker group offline it says so and how to fix it, and does
 * not start a job that would wait.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.provisioning.exchange-flavour=exchange-server",
            "bot.exchange-server.runner.poll-interval=20ms"
        })
class ExchangeServerDoctorIT {

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @AfterEach
    void workerBackOnline() {
        new SimulatorControlClient(port).runnerWorkerOnline(true);
    }

    @Test
    void withTheRunnerReadyEveryCheckPassesThroughIt() throws Exception {
        String card = ApprovalChat.text(
                new ApprovalChat(connector, port).alexSays("doctor").card());

        assertThat(card)
                .contains("Every token and permission my commands need is there.")
                .contains("Azure Resource Manager: token")
                .contains("Exchange Server runner: the runbook is published")
                .contains("Published: the runbook Invoke-ExchangeCmdlet and the worker group exchange-server-workers")
                .contains("RUNNER01 checked in at")
                .contains("Exchange Server: the runner's account runs Exchange cmdlets")
                .doesNotContain("Exchange Online: token");
    }

    @Test
    void withTheWorkerGroupOfflineItSaysSoAndStartsNoJob() throws Exception {
        SimulatorControlClient control = new SimulatorControlClient(port);
        control.runnerWorkerOnline(false);
        int queuedBefore = control.runner().path("queued").asInt();

        String card = ApprovalChat.text(
                new ApprovalChat(connector, port).alexSays("doctor").card());

        assertThat(card)
                .contains("No worker has checked in for 30 minutes (RUNNER01 last at")
                .contains("Check the Hybrid Runbook Worker host")
                .doesNotContain("Every token and permission");
        assertThat(control.runner().path("queued").asInt())
                .as("no job left waiting for a worker")
                .isEqualTo(queuedBefore);
    }
}
