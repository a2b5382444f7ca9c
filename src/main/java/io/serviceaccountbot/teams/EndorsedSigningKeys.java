package io.serviceaccountbot.teams;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestOperations;

/**
 * The Bot Framework's signing keys that may sign a Teams activity: each key in the key set lists the channels it is
 * endorsed for, and the Bot Framework authentication protocol requires the activity's channel to be among them, so
 * only keys endorsed for {@code msteams} are offered to the signature check. A key without endorsements, or endorsed
 * for other channels only, signs nothing this bot accepts.
 *
 * <p>The key set is kept for a day, as the protocol recommends, and fetched again when a token names a key id it does
 * not hold, at most once a minute, so forged key ids cannot make the bot hammer the key endpoint.
 */
final class EndorsedSigningKeys implements JWKSource<SecurityContext> {

    static final String CHANNEL = "msteams";
    static final Duration KEEP = Duration.ofHours(24);
    static final Duration MIN_REFRESH = Duration.ofMinutes(1);

    private final Supplier<String> jwksUri;
    private final RestOperations http;
    private final Clock clock;
    private JWKSet keys;
    private Instant fetchedAt = Instant.MIN;

    EndorsedSigningKeys(Supplier<String> jwksUri, RestOperations http, Clock clock) {
        this.jwksUri = jwksUri;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        Instant now = clock.instant();
        if (keys == null || now.isAfter(fetchedAt.plus(KEEP))) {
            fetch(now);
        }
        List<JWK> matching = selector.select(keys);
        if (matching.isEmpty() && now.isAfter(fetchedAt.plus(MIN_REFRESH))) {
            fetch(now);
            matching = selector.select(keys);
        }
        return matching;
    }

    private void fetch(Instant now) throws KeySourceException {
        Map<String, Object> body;
        try {
            body = http.exchange(
                            jwksUri.get(),
                            HttpMethod.GET,
                            null,
                            new ParameterizedTypeReference<Map<String, Object>>() {})
                    .getBody();
        } catch (RuntimeException e) {
            if (keys != null) {
                return;
            }
            throw new KeySourceException("Could not fetch the Bot Framework signing keys: " + e.getMessage(), e);
        }
        keys = new JWKSet(endorsedKeys(body));
        fetchedAt = now;
    }

    /** The keys of a key set document that are endorsed for Teams; others are left out. */
    static List<JWK> endorsedKeys(Map<String, Object> keySet) throws KeySourceException {
        List<JWK> endorsed = new ArrayList<>();
        Object all = keySet == null ? null : keySet.get("keys");
        if (!(all instanceof List<?> list)) {
            throw new KeySourceException("The Bot Framework key set has no keys");
        }
        for (Object each : list) {
            if (each instanceof Map<?, ?> key
                    && key.get("endorsements") instanceof List<?> endorsements
                    && endorsements.contains(CHANNEL)) {
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> json = (Map<String, Object>) key;
                    endorsed.add(JWK.parse(json));
                } catch (java.text.ParseException e) {
                    // a key this library cannot read signs nothing the bot accepts
                }
            }
        }
        return endorsed;
    }
}
