package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.identity.RuntimeMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In sandbox mode the bot reaches the simulated organisation the way it would reach a real one of that flavour: on the
 * default {@code bot.sandbox.exchange-flavour=exchange-server}, through the simulated Exchange Server runner ({@code
 * bot.provisioning.exchange-flavour=exchange-server}, following jobs every 100 ms rather than Azure's 5 s, so the chat
 * stays quick); otherwise through Exchange Online's admin API. Anything set explicitly wins.
 */
class SandboxExchangeDefaults implements EnvironmentPostProcessor {

    static final String SANDBOX_FLAVOUR = "bot.sandbox.exchange-flavour";
    static final String BOT_FLAVOUR = "bot.provisioning.exchange-flavour";
    static final String POLL_INTERVAL = "bot.exchange-server.runner.poll-interval";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!RuntimeMode.of(environment).isSandbox()) {
            return;
        }
        Binder binder = Binder.get(environment);
        String sandbox = binder.bind(SANDBOX_FLAVOUR, String.class)
                .map(value -> value.strip().toLowerCase(Locale.ROOT).replace('_', '-'))
                .orElse("exchange-server");
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (!binder.bind(BOT_FLAVOUR, String.class).isBound()) {
            defaults.put(BOT_FLAVOUR, sandbox.equals("exchange-server") ? "exchange-server" : "exchange-online");
        }
        if (!binder.bind(POLL_INTERVAL, String.class).isBound()) {
            defaults.put(POLL_INTERVAL, "100ms");
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("sandboxExchange", defaults));
        }
    }
}
