package io.serviceaccountbot.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The simulated tenant.
 *
 * @param seed the JSON file the simulated tenant starts from
 */
@ConfigurationProperties("bot.sandbox")
public record SandboxProperties(
        @DefaultValue("classpath:sandbox/seed.json") Resource seed) {}
