package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

/** Where runner jobs go: configured, or in sandbox mode the simulated runner; and how their addresses are built. */
class ExchangeServerRunnerConfigurationTest {

    private static ExchangeServerRunnerProperties properties(String subscription, String armUrl) {
        return new ExchangeServerRunnerProperties(
                subscription,
                subscription == null ? null : "rg-exchange",
                subscription == null ? null : "aa-exchange",
                "Invoke-ExchangeCmdlet",
                subscription == null ? null : "exchange-workers",
                armUrl,
                Duration.ofSeconds(5),
                Duration.ofMinutes(10),
                Duration.ofMinutes(30),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10));
    }

    @Test
    void inSandboxModeTheEmptySettingsNameTheSimulatedRunnerOnTheServersPort() {
        RunnerTarget target = ExchangeServerRunnerConfiguration.target(
                properties(null, null), true, new MockEnvironment().withProperty("local.server.port", "41234"));

        assertThat(target.account().job("c40dcecd-2afe-3ee3-a412-a6267ec6d996"))
                .hasToString("http://127.0.0.1:41234/sandbox/arm/subscriptions/5ab0c5e5-0000-4000-8000-000000000001"
                        + "/resourceGroups/rg-service-account-bot/providers/Microsoft.Automation/automationAccounts"
                        + "/aa-exchange-runner"
                        + "/jobs/c40dcecd-2afe-3ee3-a412-a6267ec6d996?api-version=2024-10-23");
        assertThat(target.workerGroup()).isEqualTo("exchange-server-workers");
        assertThat(target.runbook()).isEqualTo("Invoke-ExchangeCmdlet");
    }

    @Test
    void inProductionTheSettingsAreUsedAndTheirAbsenceIsNamed() {
        RunnerTarget target = ExchangeServerRunnerConfiguration.target(
                properties("51766542-3ed7-4a72-a187-0c8ab644ddab", null), false, new MockEnvironment());

        assertThat(target.account().stream("c40dcecd-2afe-3ee3-a412-a6267ec6d996", "24456a8a_0063_0001"))
                .hasToString("https://management.azure.com/subscriptions/51766542-3ed7-4a72-a187-0c8ab644ddab"
                        + "/resourceGroups/rg-exchange/providers/Microsoft.Automation/automationAccounts/aa-exchange"
                        + "/jobs/c40dcecd-2afe-3ee3-a412-a6267ec6d996/streams/24456a8a_0063_0001"
                        + "?api-version=2024-10-23");
        assertThatThrownBy(() ->
                        ExchangeServerRunnerConfiguration.target(properties(null, null), false, new MockEnvironment()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bot.exchange-server.runner.subscription-id");
    }

    @Test
    void anUnconfiguredRunnerFailsTypedBeforeAnyCall() {
        ExchangeServerRunner runner = new ExchangeServerRunner(
                null,
                () -> ExchangeServerRunnerConfiguration.target(properties(null, null), false, new MockEnvironment()),
                properties(null, null),
                JsonMapper.builder().build(),
                Clock.systemUTC(),
                pause -> {});

        assertThatThrownBy(() -> runner.run(
                        ExchangeServerRunner.jobName("k"),
                        List.of(RunnerCall.of(Cmdlet.named("Get-User").with("Identity", "svc")))))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.code()).isEqualTo("NotConfigured");
                    assertThat(e.fix()).contains("bot.exchange-server.runner");
                });
    }

    @Test
    void theFilterAndEveryNameAreEncodedSoNoNameReachesAnotherResource() {
        AutomationAccount account = new AutomationAccount(
                URI.create("https://management.azure.com/"),
                "51766542-3ed7-4a72-a187-0c8ab644ddab",
                "rg(prod)",
                "aa-exchange");

        assertThat(account.streams("job", "properties/streamType eq 'Error'").toString())
                .endsWith("/jobs/job/streams?api-version=2024-10-23&$filter=properties/streamType%20eq%20'Error'");
        assertThat(account.job("../../x").getRawPath()).endsWith("/jobs/..%2F..%2Fx");
        assertThatThrownBy(() -> new AutomationAccount(
                        URI.create("https://management.azure.com"),
                        "51766542-3ed7-4a72-a187-0c8ab644ddab",
                        "rg",
                        "aa/../other"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJobNameIsTheSameUuidForTheSameWorkAndAnotherForOtherWork() {
        String name = ExchangeServerRunner.jobName("plan 17/step 2/attempt 1");

        assertThat(name).matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(ExchangeServerRunner.jobName("plan 17/step 2/attempt 1")).isEqualTo(name);
        assertThat(ExchangeServerRunner.jobName("plan 17/step 2/attempt 2")).isNotEqualTo(name);
        assertThatThrownBy(() -> new ExchangeServerRunner(null, null, properties(null, null), null, null, null)
                        .run("not-a-uuid", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
