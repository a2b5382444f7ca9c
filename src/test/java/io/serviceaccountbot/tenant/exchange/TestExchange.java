package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The adapter as the tests build it: a small page size, so paging shows with a few objects, and short waits. */
final class TestExchange {

    /** The simulated tenant's id, which the stubs use too. */
    static final String TENANT = "00000000-0000-0000-0000-0000000000001";

    static final int PAGE_SIZE = 2;

    private TestExchange() {}

    static InvokeCommandClient client(
            String baseUrl, AccessTokens tokens, Duration timeout, Retries retries, ExchangeWarningListener listener) {
        return new InvokeCommandClient(
                RestClient.builder()
                        .requestFactory(ExchangeClientConfiguration.requests(timeout))
                        .build(),
                JsonMapper.builder().build(),
                () -> ExchangeClientConfiguration.endpoint(baseUrl, TENANT),
                () -> TENANT,
                tokens,
                PAGE_SIZE,
                retries,
                listener);
    }

    static ExchangeAdmin admin(
            String baseUrl, AccessTokens tokens, Duration timeout, Retries retries, ExchangeWarningListener listener) {
        return new CmdletExchangeAdmin(client(baseUrl, tokens, timeout, retries, listener));
    }

    /** Four attempts, no real waiting; the pauses asked for are recorded. */
    static Retries instantRetries(List<Duration> pauses) {
        return new Retries(4, Duration.ofMillis(100), Duration.ofSeconds(30), pauses::add, Clock.systemUTC());
    }

    static URI endpoint(String baseUrl) {
        return ExchangeClientConfiguration.endpoint(baseUrl, TENANT);
    }

    /** Warnings the adapter handed on, in order. */
    static final class HeardWarnings implements ExchangeWarningListener {

        record Heard(String cmdlet, List<String> warnings) {}

        final List<Heard> heard = new CopyOnWriteArrayList<>();

        @Override
        public void onWarnings(String cmdlet, List<String> warnings) {
            heard.add(new Heard(cmdlet, warnings));
        }

        boolean fromCmdlet(String cmdlet) {
            return heard.stream()
                    .anyMatch(h -> h.cmdlet().equals(cmdlet) && !h.warnings().isEmpty());
        }
    }
}
