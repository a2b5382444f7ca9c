package io.serviceaccountbot.identity;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Sandbox mode runs against the simulated tenant, which only {@code service-account-bot-sandbox.jar} carries: the
 * production jar started without a tenant refuses to start and says which jar to run, rather than starting a bot that
 * reaches for a tenant no one serves.
 */
class SimulatedTenantRequired implements EnvironmentPostProcessor {

    static final String SIMULATOR = "io.serviceaccountbot.sandbox.SandboxConfiguration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (RuntimeMode.of(environment).isSandbox() && !ClassUtils.isPresent(SIMULATOR, application.getClassLoader())) {
            throw new SimulatedTenantMissingException();
        }
    }
}
