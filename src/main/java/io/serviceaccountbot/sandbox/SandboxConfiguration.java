package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Loads the simulated tenant from its seed, in sandbox mode only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxMode
class SandboxConfiguration {

    @Bean
    SimulatorFaults simulatorFaults(SandboxProperties properties) {
        return new SimulatorFaults(properties.latency());
    }

    @Bean
    SimulatedDirectory simulatedDirectory(SandboxProperties properties, JsonMapper json) throws IOException {
        try (InputStream seed = properties.seed().getInputStream()) {
            return new SimulatedDirectory(json.readValue(seed, TenantSeed.class));
        }
    }
}
