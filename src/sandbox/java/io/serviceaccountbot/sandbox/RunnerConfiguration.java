package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import io.serviceaccountbot.tenant.SecretStore;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated Exchange Server runner, in sandbox mode only: the runbook, the Automation account whose worker runs it
 * (closed, its threads stopped, with the application context), and Resource Manager's front door before {@code
 * /sandbox/arm}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandboxMode
class RunnerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RunnerConfiguration.class);

    @Bean
    SimulatedRunbook simulatedRunbook(
            ExchangeCmdlets cmdlets,
            SecretStore secrets,
            JsonMapper json,
            SimulatedCredentials credentials,
            SimulatorFaults faults) {
        return new SimulatedRunbook(cmdlets, secrets, json, credentials, faults);
    }

    /** Jobs change the tenant outside any request, so the tenant is saved after each job has run its cmdlets. */
    @Bean(destroyMethod = "close")
    SimulatedAutomation simulatedAutomation(
            SandboxProperties properties, SimulatedRunbook runbook, TenantFile file, ObjectProvider<Clock> clock) {
        return new SimulatedAutomation(
                properties.runner(),
                runbook,
                () -> {
                    try {
                        file.saveIfChanged();
                    } catch (IOException | RuntimeException e) {
                        log.error("The simulated tenant could not be saved to {}: {}", file.path(), e.toString());
                    }
                },
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FilterRegistrationBean<ArmGate> armGate(SimulatorFaults faults, JsonMapper json) {
        FilterRegistrationBean<ArmGate> registration = new FilterRegistrationBean<>(new ArmGate(faults, json));
        registration.addUrlPatterns(ArmGate.PREFIX + "/*");
        registration.setName("simulatedArmGate");
        return registration;
    }
}
