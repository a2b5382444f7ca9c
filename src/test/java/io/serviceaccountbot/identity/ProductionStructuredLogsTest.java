package io.serviceaccountbot.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProductionStructuredLogsTest {

    private final ProductionStructuredLogs logs = new ProductionStructuredLogs();

    @Test
    void productionLogsAreStructuredJson() {
        MockEnvironment environment = new MockEnvironment().withProperty("bot.identity.tenant-id", "contoso-tenant");

        logs.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ProductionStructuredLogs.FORMAT)).isEqualTo("ecs");
    }

    @Test
    void theSandboxKeepsTheReadableLog() {
        MockEnvironment environment = new MockEnvironment();

        logs.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ProductionStructuredLogs.FORMAT)).isNull();
    }

    @Test
    void aFormatChosenInTheConfigurationStays() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("bot.identity.tenant-id", "contoso-tenant")
                .withProperty(ProductionStructuredLogs.FORMAT, "logstash");

        logs.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ProductionStructuredLogs.FORMAT)).isEqualTo("logstash");
    }
}
