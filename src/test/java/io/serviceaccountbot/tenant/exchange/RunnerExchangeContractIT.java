package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.ServiceAccountBotApplication;
import io.serviceaccountbot.sandbox.TestMailboxes;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The contract through Exchange Server's runner: the bot started in sandbox mode with {@code
 * bot.provisioning.exchange-flavour=exchange-server}, so that every cmdlet of its own adapter is a job of the simulated
 * Azure Automation runbook, run against the simulated organisation where ApplicationImpersonation exists. The same
 * promises hold as over Exchange Online's admin API, and RBAC for Applications is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunnerExchangeContractIT extends ExchangeAdminContract {

    private final TestExchange.HeardWarnings warnings = new TestExchange.HeardWarnings();
    private ConfigurableApplicationContext bot;
    private ExchangeAdmin exchange;

    @BeforeAll
    void start() {
        bot = new SpringApplicationBuilder(ServiceAccountBotApplication.class, TestMailboxes.class)
                .properties(
                        "bot.sandbox.latency=0ms",
                        "bot.sandbox.runner.job-start-delay=0ms",
                        "bot.provisioning.exchange-flavour=exchange-server",
                        "bot.exchange-server.runner.poll-interval=20ms")
                .initializers(context -> context.getBeanFactory().registerSingleton("heardWarnings", warnings))
                .run("--server.port=0");
        exchange = bot.getBean(ExchangeAdmin.class);
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    @Override
    protected ExchangeAdmin exchange() {
        return exchange;
    }

    @Override
    protected Flavour flavour() {
        return Flavour.EXCHANGE_SERVER;
    }

    @Override
    protected TestExchange.HeardWarnings warnings() {
        return warnings;
    }

    @Override
    protected void prepare(String test) {}

    @Override
    protected void verify() {}
}
