package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.BotIdentity;
import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the Exchange Server runner's client: its own pooled HTTP client with the request timeout, and where its jobs
 * go, decided on first use because in sandbox mode the simulated tenant's port is known only once the web server has
 * started. In sandbox mode the settings left empty name the simulated runner's account and worker group.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeServerRunnerConfiguration {

    static final String PUBLIC_CLOUD = "https://management.azure.com";

    /** The simulated runner's names (its {@code bot.sandbox.runner.*} defaults), used when none is configured. */
    static final String SANDBOX_SUBSCRIPTION = "5ab0c5e5-0000-4000-8000-000000000001";

    static final String SANDBOX_RESOURCE_GROUP = "rg-service-account-bot";
    static final String SANDBOX_ACCOUNT = "aa-exchange-runner";
    static final String SANDBOX_WORKER_GROUP = "exchange-server-workers";

    @Bean
    ExchangeServerRunner exchangeServerRunner(
            RestClient.Builder restClients,
            JsonMapper json,
            ExchangeServerRunnerProperties properties,
            BotIdentity identity,
            AccessTokens tokens,
            Environment environment) {
        Supplier<RunnerTarget> target =
                SingletonSupplier.of(() -> target(properties, identity.mode().isSandbox(), environment));
        AutomationJobs jobs = new AutomationJobs(
                restClients
                        .clone()
                        .requestFactory(ExchangeClientConfiguration.requests(properties.requestTimeout()))
                        .build(),
                json,
                () -> target.get().account(),
                tokens,
                Retries.standard());
        return new ExchangeServerRunner(
                jobs, target, properties, json, Clock.systemUTC(), ExchangeServerRunner.Sleeper.REAL);
    }

    /**
     * The configured account, runbook and worker group; in sandbox mode what is left empty is the simulated runner's.
     *
     * @throws IllegalArgumentException when a setting production needs is missing or malformed
     */
    static RunnerTarget target(ExchangeServerRunnerProperties properties, boolean sandbox, Environment environment) {
        AutomationAccount account = new AutomationAccount(
                URI.create(armUrl(properties, sandbox, environment)),
                setting(properties.subscriptionId(), sandbox, SANDBOX_SUBSCRIPTION),
                setting(properties.resourceGroup(), sandbox, SANDBOX_RESOURCE_GROUP),
                setting(properties.automationAccount(), sandbox, SANDBOX_ACCOUNT));
        return new RunnerTarget(
                account, properties.runbook(), setting(properties.workerGroup(), sandbox, SANDBOX_WORKER_GROUP));
    }

    /** Azure Resource Manager: configured, else the simulated tenant's in sandbox mode, else the public cloud's. */
    static String armUrl(ExchangeServerRunnerProperties properties, boolean sandbox, Environment environment) {
        if (properties.armUrl() != null && !properties.armUrl().isBlank()) {
            return properties.armUrl().strip();
        }
        if (sandbox) {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "3978"));
            return "http://127.0.0.1:" + port + "/sandbox/arm";
        }
        return PUBLIC_CLOUD;
    }

    private static String setting(String value, boolean sandbox, String sandboxDefault) {
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        return sandbox ? sandboxDefault : null;
    }
}
