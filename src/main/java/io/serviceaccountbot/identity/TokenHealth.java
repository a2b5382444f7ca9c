package io.serviceaccountbot.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code tokens}): outside sandbox mode the bot is ready only when it can get its tokens for
 * Microsoft Graph and Exchange Online, since every command needs one. The tokens are cached, so the probe costs a call
 * to Entra ID only when one is due for renewal. In sandbox mode there is nothing to acquire.
 */
@Component("tokens")
class TokenHealth implements HealthIndicator {

    private final BotIdentity identity;
    private final AccessTokens tokens;

    TokenHealth(BotIdentity identity, AccessTokens tokens) {
        this.identity = identity;
        this.tokens = tokens;
    }

    @Override
    public Health health() {
        if (identity.mode().isSandbox()) {
            return Health.up().withDetail("mode", "sandbox").build();
        }
        Map<String, String> missing = new LinkedHashMap<>();
        for (Map.Entry<String, String> scope : Map.of("graph", AccessTokens.GRAPH, "exchange", AccessTokens.EXCHANGE)
                .entrySet()) {
            try {
                tokens.forScope(scope.getValue());
            } catch (TokenUnavailableException e) {
                missing.put(scope.getKey(), e.getMessage());
            }
        }
        return missing.isEmpty()
                ? Health.up().build()
                : Health.down().withDetails(Map.copyOf(missing)).build();
    }
}
