package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class ExchangeServerRunnerPropertiesTest {

    private static ExchangeServerRunnerProperties bind(MockEnvironment environment) {
        return Binder.get(environment).bindOrCreate("bot.exchange-server.runner", ExchangeServerRunnerProperties.class);
    }

    @Test
    void theDefaultsFollowTheProtocol() {
        ExchangeServerRunnerProperties properties = bind(new MockEnvironment());

        assertThat(properties.runbook()).isEqualTo("Invoke-ExchangeCmdlet");
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.jobStartTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.jobTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.subscriptionId()).isNull();
        assertThat(properties.armUrl()).isNull();
    }

    @Test
    void settingsAreReadFromTheirKebabCaseNames() {
        ExchangeServerRunnerProperties properties = bind(new MockEnvironment()
                .withProperty("bot.exchange-server.runner.subscription-id", "51766542-3ed7-4a72-a187-0c8ab644ddab")
                .withProperty("bot.exchange-server.runner.resource-group", "rg-exchange")
                .withProperty("bot.exchange-server.runner.automation-account", "aa-exchange")
                .withProperty("bot.exchange-server.runner.worker-group", "exchange-workers")
                .withProperty("bot.exchange-server.runner.arm-url", "https://management.usgovcloudapi.net")
                .withProperty("bot.exchange-server.runner.job-start-timeout", "2m"));

        assertThat(properties.subscriptionId()).isEqualTo("51766542-3ed7-4a72-a187-0c8ab644ddab");
        assertThat(properties.resourceGroup()).isEqualTo("rg-exchange");
        assertThat(properties.automationAccount()).isEqualTo("aa-exchange");
        assertThat(properties.workerGroup()).isEqualTo("exchange-workers");
        assertThat(properties.armUrl()).isEqualTo("https://management.usgovcloudapi.net");
        assertThat(properties.jobStartTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aJobCannotTimeOutBeforeItMayStart() {
        assertThatThrownBy(() -> bind(new MockEnvironment()
                        .withProperty("bot.exchange-server.runner.job-start-timeout", "20m")
                        .withProperty("bot.exchange-server.runner.job-timeout", "10m")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("job-timeout");
        assertThatThrownBy(() ->
                        bind(new MockEnvironment().withProperty("bot.exchange-server.runner.poll-interval", "0s")))
                .rootCause()
                .hasMessage("bot.exchange-server.runner.poll-interval must be positive, e.g. 5s");
    }
}
