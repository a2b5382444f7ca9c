package io.serviceaccountbot.identity;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In production the console log is structured, one JSON object per line (Elastic Common Schema, Spring Boot's
 * structured logging), so that Log Analytics and the like can query it: the logging context (the conversation, the
 * request) becomes fields of every line of a flow. Unless {@code logging.structured.format.console} is set explicitly;
 * the sandbox keeps the readable text log.
 */
class ProductionStructuredLogs implements EnvironmentPostProcessor {

    static final String FORMAT = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!RuntimeMode.of(environment).isSandbox() && !environment.containsProperty(FORMAT)) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("productionStructuredLogs", Map.of(FORMAT, "ecs")));
        }
    }
}
