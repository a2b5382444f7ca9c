package io.serviceaccountbot.teams;

import io.micrometer.core.instrument.Metrics;
import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.BotIdentity;
import io.serviceaccountbot.identity.TokenUnavailableException;
import io.serviceaccountbot.retry.Backoff;
import io.serviceaccountbot.retry.Backoff.Jitter;
import io.serviceaccountbot.retry.Backoff.ServerAsk;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * Sends to the Bot Connector: replies, proactive messages and card updates. Retries 429, 412, 502, 503 and 504 with
 * backoff and Retry-After, and so a send for which no Bot Connector token could be had (the identity platform
 * unreachable or refusing); keeps bot-initiated sends under the per-conversation limits, and authenticates with a Bot
 * Connector token outside sandbox mode. Every failure ends as a {@link ConnectorException}. Tokens and message bodies
 * are never logged.
 */
public class BotConnector {

    private static final Logger log = LoggerFactory.getLogger(BotConnector.class);
    private static final Set<Integer> RETRYABLE = Set.of(429, 412, 502, 503, 504);

    private final RestClient http;
    private final AccessTokens tokens;
    private final BotIdentity identity;
    private final SendPacer pacer;
    private final Backoff backoff;
    private final int attempts;
    private final Sleeper sleeper;

    BotConnector(
            RestClient http,
            AccessTokens tokens,
            BotIdentity identity,
            SendPacer pacer,
            Backoff backoff,
            int attempts,
            Sleeper sleeper) {
        this.http = http;
        this.tokens = tokens;
        this.identity = identity;
        this.pacer = pacer;
        this.backoff = backoff;
        this.attempts = attempts;
        this.sleeper = sleeper;
    }

    /**
     * The connector's backoff: equal jitter from {@code first}, doubling per retry, and a Retry-After waited at least
     * (seconds, fractions included, or an HTTP date); a Retry-After longer than {@code cap} is waited as the cap.
     */
    static Backoff backoff(Duration first, Duration cap, Clock clock) {
        return new Backoff(first, cap, Jitter.EQUAL, ServerAsk.AT_LEAST, clock);
    }

    /** Answers an activity in its conversation; returns the id of the new activity. */
    public String reply(ConversationReference to, String activityId, BotMessage message) {
        pacer.countReply(to.key());
        return send(
                HttpMethod.POST, activitiesUri(to, activityId), OutgoingActivity.of(to, activityId, message), false);
    }

    /** Posts into a conversation outside any turn; returns the id of the new activity. */
    public String post(ConversationReference to, BotMessage message) throws InterruptedException {
        pacer.awaitTurn(to.key());
        return send(HttpMethod.POST, activitiesUri(to, null), OutgoingActivity.of(to, null, message), false);
    }

    /** Replaces an earlier activity (a card) in place, for everyone who sees it. */
    public void update(ConversationReference to, String activityId, BotMessage message) throws InterruptedException {
        pacer.awaitTurn(to.key());
        send(
                HttpMethod.PUT,
                activitiesUri(to, activityId),
                OutgoingActivity.of(to, null, message).replacing(activityId),
                true);
    }

    /**
     * {@code {serviceUrl}/v3/conversations/{id}/activities[/{activityId}]}, with the ids escaped completely (as the
     * Bot Framework SDKs do), because Teams conversation ids contain {@code :}, {@code ;} and {@code @}.
     */
    static URI activitiesUri(ConversationReference to, String activityId) {
        String base = to.serviceUrl().endsWith("/") ? to.serviceUrl() : to.serviceUrl() + "/";
        StringBuilder uri = new StringBuilder(base)
                .append("v3/conversations/")
                .append(UriUtils.encode(to.conversationId(), StandardCharsets.UTF_8))
                .append("/activities");
        if (activityId != null) {
            uri.append('/').append(UriUtils.encode(activityId, StandardCharsets.UTF_8));
        }
        return URI.create(uri.toString());
    }

    private String send(HttpMethod method, URI uri, OutgoingActivity activity, boolean idempotent) {
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = attempt(method, uri, activity, idempotent);
            Metrics.counter(
                            "bot.connector.sends",
                            "method",
                            method.name(),
                            "status",
                            outcome.activityId() != null
                                    ? "2xx"
                                    : outcome.status() > 0
                                            ? Integer.toString(outcome.status())
                                            : outcome.hadNoToken() ? "no-token" : "no-answer")
                    .increment();
            if (outcome.activityId() != null) {
                return outcome.activityId();
            }
            if (!outcome.retryable() || attempt >= attempts) {
                throw new ConnectorException(
                        (outcome.hadNoToken()
                                        ? "Sent nothing to %s %s: %s, %d attempt(s)"
                                        : "The connector answered %s %s with %s after %d attempt(s)")
                                .formatted(method, uri.getHost(), outcome.describe(), attempt),
                        outcome.status(),
                        outcome.failure());
            }
            Duration wait = backoff.pauseBefore(attempt, outcome.retryAfter()).orWaitTheCap();
            log.info(
                    "Connector {} {} answered {}; retrying in {} ms",
                    method,
                    uri.getPath(),
                    outcome.describe(),
                    wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException("Interrupted while waiting to retry a send", outcome.status(), e);
            }
        }
    }

    private Outcome attempt(HttpMethod method, URI uri, OutgoingActivity activity, boolean idempotent) {
        String token;
        try {
            token = tokens.forScope(AccessTokens.BOT_CONNECTOR);
        } catch (TokenUnavailableException e) {
            return Outcome.withoutToken(e);
        }
        try {
            return http.method(method)
                    .uri(uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(headers -> authorize(headers, token))
                    .body(activity)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (response.getStatusCode().is2xxSuccessful()) {
                            JsonNode body = json(response.bodyTo(String.class));
                            String id = body != null && body.hasNonNull("id")
                                    ? body.get("id").asString()
                                    : "";
                            return Outcome.sent(id);
                        }
                        String code = errorCode(json(response.bodyTo(String.class)));
                        return Outcome.failed(
                                status,
                                code,
                                response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                                RETRYABLE.contains(status));
                    });
        } catch (ResourceAccessException e) {
            boolean notSent = e.getCause() instanceof ConnectException;
            return Outcome.unreachable(e, notSent || idempotent);
        }
    }

    /**
     * The token is asked for in every mode, so that a sandbox run goes through the same failures as production (the
     * sandbox's identity platform can be taken away), but it is sent only outside sandbox mode: the Agents Playground's
     * connector expects none.
     */
    private void authorize(HttpHeaders headers, String token) {
        if (!identity.mode().isSandbox()) {
            headers.setBearerAuth(token);
        }
    }

    /**
     * The connector's answer as JSON, whatever content type it claims; null when it is empty or not JSON (then there is
     * no activity id, and no error code, to read).
     */
    static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return LENIENT.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static final tools.jackson.databind.json.JsonMapper LENIENT =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private static String errorCode(JsonNode body) {
        if (body != null && body.path("error").hasNonNull("code")) {
            return body.path("error").get("code").asString();
        }
        return null;
    }

    /** Waits between attempts; a seam so tests need not sleep. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private record Outcome(
            String activityId, int status, String code, String retryAfter, boolean retryable, Throwable failure) {

        static Outcome sent(String id) {
            return new Outcome(id, 200, null, null, false, null);
        }

        static Outcome failed(int status, String code, String retryAfter, boolean retryable) {
            return new Outcome(null, status, code, retryAfter, retryable, null);
        }

        static Outcome unreachable(ResourceAccessException cause, boolean retryable) {
            return new Outcome(null, 0, null, null, retryable, cause);
        }

        /** Nothing was sent: there was no token to send it with. Worth retrying, like a connector that is busy. */
        static Outcome withoutToken(TokenUnavailableException cause) {
            return new Outcome(null, 0, null, null, true, cause);
        }

        boolean hadNoToken() {
            return failure instanceof TokenUnavailableException;
        }

        String describe() {
            if (hadNoToken()) {
                return "no Bot Connector token could be had";
            }
            if (status == 0) {
                return "no answer ("
                        + (failure == null ? "unreachable" : failure.getClass().getSimpleName()) + ")";
            }
            return code == null ? "HTTP " + status : "HTTP " + status + " " + code;
        }
    }
}
