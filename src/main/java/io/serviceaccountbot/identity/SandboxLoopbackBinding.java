package io.serviceaccountbot.identity;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In sandbox mode the bot accepts anonymous activities and posts to the service URL they name, so it must not be
 * reachable from the network: unless {@code server.address} is set explicitly, it listens on the loopback address.
 */
class SandboxLoopbackBinding implements EnvironmentPostProcessor {

    static final String LOOPBACK = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (RuntimeMode.of(environment).isSandbox() && !environment.containsProperty("server.address")) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("sandboxLoopbackBinding", Map.of("server.address", LOOPBACK)));
        }
    }
}
