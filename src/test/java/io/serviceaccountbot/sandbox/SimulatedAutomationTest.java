package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.sandbox.SandboxProperties.ExchangeFlavour;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated Automation account without HTTP: a job saves the tenant after its cmdlets ran and before it reads
 * Completed, and closing the account stops its worker threads.
 */
class SimulatedAutomationTest {

    private static final String REQUEST = "{\"protocol\":1,\"cmdlets\":[{\"cmdlet\":\"New-DistributionGroup\","
            + "\"parameters\":{\"Name\":\"Saved first\",\"Type\":\"Security\"}}]}";

    private final List<String> statusWhenSaved = new CopyOnWriteArrayList<>();
    private final SimulatedExchange exchange = new SimulatedExchange(TestMailboxes::find, "example.com");
    private final SimulatedRoleGroups roles = new SimulatedRoleGroups(ExchangeFlavour.EXCHANGE_SERVER, exchange);
    private final SandboxProperties.Runner account = new SandboxProperties.Runner(
            Duration.ZERO, "sub", "rg", "aa", "workers", "kv", "EX01", "Version 15.2 (Build 2562.17)");
    private AutomationJob job;
    private final SimulatedAutomation automation = new SimulatedAutomation(
            account,
            new SimulatedRunbook(
                    new ExchangeCmdlets(exchange, roles, new SimulatedAppAccess(exchange, roles)),
                    new SecretStore() {
                        @Override
                        public StoredSecret put(String name, Secret secret) {
                            throw new UnsupportedOperationException();
                        }

                        @Override
                        public Optional<Secret> get(String name) {
                            return Optional.empty();
                        }
                    },
                    JsonMapper.builder().build()),
            () -> statusWhenSaved.add(job.status().arm()),
            Clock.systemUTC());

    @AfterEach
    void close() {
        automation.close();
    }

    private AutomationJob.Status ended(AutomationJob job) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!job.status().finished() && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        return job.status();
    }

    @Test
    void theTenantIsSavedAfterTheCmdletsRanAndBeforeTheJobReadsCompleted() throws Exception {
        automation.workerOnline(false);
        job = automation.create("job-1", "workers", Map.of("Request", REQUEST)).orElseThrow();
        automation.workerOnline(true);

        assertThat(ended(job)).isEqualTo(AutomationJob.Status.COMPLETED);
        assertThat(statusWhenSaved).containsExactly("Running");
        assertThat(exchange.distributionGroup("Saved first").rows()).hasSize(1);
    }

    @Test
    void aJobWithoutAWorkerGroupRunsInAzuresSandboxAndCannotReachExchange() throws Exception {
        automation.workerOnline(false);
        job = automation.create("job-2", "", Map.of("Request", REQUEST)).orElseThrow();
        automation.workerOnline(true);

        assertThat(ended(job)).isEqualTo(AutomationJob.Status.FAILED);
        assertThat(job.view().exception())
                .startsWith("ExchangeRunner/ExchangeUnavailable: Connecting to remote server EX01 failed");
    }

    @Test
    void closingTheAccountStopsItsWorkerThreads() {
        automation.workerOnline(false);
        job = automation.create("job-3", "workers", Map.of("Request", REQUEST)).orElseThrow();

        automation.close();

        assertThat(automation.closed()).isTrue();
        assertThat(job.status()).isEqualTo(AutomationJob.Status.NEW);
    }
}
