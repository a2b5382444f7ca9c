package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Loads the simulated tenant from its seed and puts its Graph endpoints behind {@link GraphGate}, in sandbox mode only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxMode
class SandboxConfiguration {

    @Bean
    SimulatorFaults simulatorFaults(SandboxProperties properties) {
        return new SimulatorFaults(properties.latency());
    }

    @Bean
    SimulatedDirectory simulatedDirectory(SandboxProperties properties, JsonMapper json, ObjectProvider<Clock> clock)
            throws IOException {
        try (InputStream seed = properties.seed().getInputStream()) {
            return new SimulatedDirectory(
                    json.readValue(seed, TenantSeed.class),
                    clock.getIfAvailable(Clock::systemUTC),
                    properties.mailboxDelay());
        }
    }

    @Bean
    SimulatedPermissions simulatedPermissions(SandboxProperties properties) {
        return new SimulatedPermissions(properties.refusedPermissions());
    }

    @Bean
    SimulatedCredentials simulatedCredentials() {
        return new SimulatedCredentials();
    }

    @Bean
    FilterRegistrationBean<GraphGate> graphGate(
            SimulatorFaults faults, SimulatedPermissions permissions, JsonMapper json) {
        FilterRegistrationBean<GraphGate> registration =
                new FilterRegistrationBean<>(new GraphGate(faults, permissions, json));
        registration.addUrlPatterns(GraphGate.PREFIX + "/*");
        registration.setName("simulatedGraphGate");
        return registration;
    }
}
