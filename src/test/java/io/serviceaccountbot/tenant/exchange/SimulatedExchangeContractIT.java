package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.ServiceAccountBotApplication;
import io.serviceaccountbot.sandbox.TestMailboxes;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The contract against the simulated tenant: the bot started in sandbox mode on a random port, in each flavour, and
 * the adapter talking to it over HTTP exactly as it talks to Exchange Online.
 */
class SimulatedExchangeContractIT {

    /** Starts the bot in sandbox mode with the given Exchange flavour and test mailboxes. */
    static ConfigurableApplicationContext sandbox(String flavour) {
        return new SpringApplicationBuilder(ServiceAccountBotApplication.class, TestMailboxes.class)
                .properties("bot.sandbox.exchange-flavour=" + flavour, "bot.sandbox.latency=0ms")
                .run("--server.port=0"); // an argument: application.yaml's port would win over a default property
    }

    static String exchangeBaseUrl(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://127.0.0.1:" + port + "/sandbox/exchange";
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class AgainstTheSimulator extends ExchangeAdminContract {

        private ConfigurableApplicationContext bot;
        private ExchangeAdmin exchange;
        private final TestExchange.HeardWarnings warnings = new TestExchange.HeardWarnings();

        abstract String flavourProperty();

        @BeforeAll
        void start() {
            bot = sandbox(flavourProperty());
            exchange = TestExchange.admin(
                    exchangeBaseUrl(bot),
                    scope -> "sandbox-token",
                    Duration.ofSeconds(10),
                    TestExchange.instantRetries(new ArrayList<>()),
                    warnings);
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
        protected TestExchange.HeardWarnings warnings() {
            return warnings;
        }

        @Override
        protected void prepare(String test) {}

        @Override
        protected void verify() {}
    }

    @Nested
    class ExchangeOnline extends AgainstTheSimulator {

        @Override
        String flavourProperty() {
            return "exchange-online";
        }

        @Override
        protected Flavour flavour() {
            return Flavour.EXCHANGE_ONLINE;
        }
    }
}
