package io.serviceaccountbot.tenant.exchange;

import io.micrometer.core.instrument.Metrics;
import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.TokenUnavailableException;
import io.serviceaccountbot.tenant.TenantCallGuard;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import io.serviceaccountbot.tenant.TenantRequestIds;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs cmdlets through Exchange Online's {@code POST …/adminapi/beta/{tenant}/InvokeCommand}: one JSON body per
 * cmdlet, the routing and format headers the ExchangeOnlineManagement module sends, every page followed through
 * {@code @odata.nextLink} (the same body posted again), warnings handed on, and 429, 5xx and timeouts tried again with
 * {@link Retries}. Failures come out as {@link TenantException}s; the access token goes into the Authorization header
 * and nowhere else.
 */
final class InvokeCommandClient implements CmdletTransport {

    /** The arbitration mailbox every Exchange Online organisation has, the routing hint for app-only calls. */
    static final String SYSTEM_MAILBOX = "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}";

    static final int DEFAULT_PAGE_SIZE = 1000;
    private static final int MAX_PAGES = 10_000;
    private static final Logger log = LoggerFactory.getLogger(InvokeCommandClient.class);

    private final RestClient http;
    private final JsonMapper json;
    private final ExchangeErrors errors;
    private final Supplier<URI> endpoint;
    private final Supplier<String> organization;
    private final AccessTokens tokens;
    private final int pageSize;
    private final Retries retries;
    private final ExchangeWarningListener warnings;

    /**
     * @param endpoint the InvokeCommand URL, asked on first use (in sandbox mode the port is known only then)
     * @param organization the tenant id or initial domain for the {@code X-AnchorMailbox} hint
     */
    InvokeCommandClient(
            RestClient http,
            JsonMapper json,
            Supplier<URI> endpoint,
            Supplier<String> organization,
            AccessTokens tokens,
            int pageSize,
            Retries retries,
            ExchangeWarningListener warnings) {
        this.http = http;
        this.json = json;
        this.errors = new ExchangeErrors(json);
        this.endpoint = endpoint;
        this.organization = organization;
        this.tokens = tokens;
        this.pageSize = pageSize;
        this.retries = retries;
        this.warnings = warnings;
    }

    /** Runs the cmdlet and returns every output object of every page. */
    @Override
    public CmdletResult invoke(Cmdlet cmdlet) {
        if (!cmdlet.secretParameters().isEmpty()) {
            throw new TenantException(
                    TenantException.Kind.INVALID_REQUEST,
                    "Exchange Online",
                    null,
                    null,
                    "The bot refused to send " + cmdlet.name() + " a secret by name: only the Exchange Server runner"
                            + " reads secrets itself",
                    null);
        }
        String clientRequestId = UUID.randomUUID().toString();
        byte[] body = json.writeValueAsBytes(cmdlet.body());
        URI first = endpoint.get();
        List<JsonNode> rows = new ArrayList<>();
        List<String> said = new ArrayList<>();
        Set<URI> visited = new HashSet<>();
        URI next = first;
        while (next != null) {
            if (!visited.add(next) || visited.size() > MAX_PAGES) {
                throw protocolError(cmdlet, "Exchange Online sent the same page link twice", clientRequestId);
            }
            Page page = withRetries(cmdlet, next, body, clientRequestId);
            rows.addAll(page.rows());
            said.addAll(page.warnings());
            next = page.nextLink() == null ? null : trusted(first, next, page.nextLink(), cmdlet, clientRequestId);
        }
        if (!said.isEmpty()) {
            said.forEach(warning ->
                    log.warn("Exchange Online warned on {}: {}", cmdlet, ExchangeErrors.printable(warning, 300)));
            warnings.onWarnings(cmdlet.name(), List.copyOf(said));
        }
        return new CmdletResult(rows, said);
    }

    @Override
    public String service() {
        return ExchangeErrors.SERVICE;
    }

    private Page withRetries(Cmdlet cmdlet, URI uri, byte[] body, String clientRequestId) {
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = attempt(cmdlet, uri, body, clientRequestId);
            if (outcome.page() != null) {
                return outcome.page();
            }
            TenantException error = outcome.error();
            if (!error.isTransient()) {
                throw error;
            }
            Optional<Duration> pause = attempt < retries.attempts()
                    ? retries.pauseBefore(attempt + 1, outcome.retryAfter())
                    : Optional.empty();
            if (pause.isEmpty()) {
                throw gaveUp(error, attempt);
            }
            log.info(
                    "Exchange Online answered {} with {}; attempt {} of {} in {} ms",
                    cmdlet,
                    error.code(),
                    attempt + 1,
                    retries.attempts(),
                    pause.get().toMillis());
            try {
                retries.sleep(pause.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw gaveUp(error, attempt);
            }
        }
    }

    private Outcome attempt(Cmdlet cmdlet, URI uri, byte[] body, String clientRequestId) {
        TenantCallGuard.beforeCall();
        try {
            String token = tokens.forScope(AccessTokens.EXCHANGE);
            return http.post()
                    .uri(uri)
                    .headers(headers -> {
                        headers.setBearerAuth(token);
                        headers.setContentType(MediaType.APPLICATION_JSON);
                        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
                        headers.set("X-CmdletName", cmdlet.name());
                        headers.set("X-ResponseFormat", "json");
                        headers.set("X-AnchorMailbox", "APP:" + SYSTEM_MAILBOX + "@" + organization.get());
                        headers.set("Prefer", "odata.maxpagesize=" + pageSize);
                        headers.set("client-request-id", clientRequestId);
                    })
                    .body(body)
                    .exchange((request, response) -> read(cmdlet, response, clientRequestId), true);
        } catch (ResourceAccessException e) {
            String what =
                    e.getCause() == null ? "no answer" : e.getCause().getClass().getSimpleName();
            return Outcome.failed(
                    new TenantException(
                            Kind.UNAVAILABLE,
                            ExchangeErrors.SERVICE,
                            "NoAnswer",
                            clientRequestId,
                            "Exchange Online did not answer " + cmdlet + " in time (" + what + ")",
                            e),
                    null);
        } catch (TokenUnavailableException e) {
            return Outcome.failed(
                    new TenantException(
                            Kind.UNAVAILABLE,
                            ExchangeErrors.SERVICE,
                            "TokenUnavailable",
                            clientRequestId,
                            "No access token for Exchange Online: " + e.getMessage(),
                            e),
                    null);
        }
    }

    private Outcome read(Cmdlet cmdlet, ClientHttpResponse response, String clientRequestId) throws IOException {
        int status = response.getStatusCode().value();
        HttpHeaders headers = response.getHeaders();
        String requestId = headers.getFirst("request-id") != null ? headers.getFirst("request-id") : clientRequestId;
        TenantRequestIds.record(requestId);
        Metrics.counter("bot.tenant.calls", "service", "exchange", "status", Integer.toString(status))
                .increment();
        byte[] content = response.getBody().readAllBytes();
        if (!response.getStatusCode().is2xxSuccessful()) {
            return Outcome.failed(
                    errors.fromAnswer(cmdlet.name(), status, content, requestId),
                    headers.getFirst(HttpHeaders.RETRY_AFTER));
        }
        if (content.length == 0) {
            return Outcome.read(new Page(List.of(), List.of(), null));
        }
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JacksonException e) {
            return Outcome.failed(
                    new TenantException(
                            Kind.UNAVAILABLE,
                            ExchangeErrors.SERVICE,
                            "MalformedAnswer",
                            requestId,
                            "Exchange Online answered " + cmdlet + " with something that is not JSON",
                            null),
                    null);
        }
        JsonNode reported = root.path("@adminapi.errors");
        if (reported.isArray() && !reported.isEmpty()) {
            throw errors.fromReportedError(cmdlet.name(), reported.get(0).asString(), requestId);
        }
        List<JsonNode> rows = new ArrayList<>();
        root.path("value").forEach(row -> {
            if (row.isObject()) {
                rows.add(row);
            }
        });
        List<String> warned = new ArrayList<>();
        root.path("@adminapi.warnings").forEach(warning -> warned.add(warning.asString()));
        JsonNode nextLink = root.path("@odata.nextLink");
        return Outcome.read(new Page(rows, warned, nextLink.isString() ? nextLink.asString() : null));
    }

    /** A next page on the same origin as the endpoint, so the token is never sent anywhere else. */
    private URI trusted(URI first, URI current, String nextLink, Cmdlet cmdlet, String clientRequestId) {
        URI next;
        try {
            next = current.resolve(nextLink);
        } catch (IllegalArgumentException e) {
            throw protocolError(cmdlet, "Exchange Online sent an unreadable page link", clientRequestId);
        }
        boolean sameOrigin = first.getScheme().equalsIgnoreCase(next.getScheme())
                && first.getHost().equalsIgnoreCase(next.getHost())
                && first.getPort() == next.getPort();
        if (!sameOrigin) {
            throw protocolError(cmdlet, "Exchange Online sent a page link to another host", clientRequestId);
        }
        return next;
    }

    private static TenantException protocolError(Cmdlet cmdlet, String what, String requestId) {
        return new TenantException(
                Kind.INVALID_REQUEST,
                ExchangeErrors.SERVICE,
                "PagingError",
                requestId,
                what + " while reading " + cmdlet + "; stopped there",
                null);
    }

    private static TenantException gaveUp(TenantException error, int attempts) {
        return new TenantException(
                error.kind(),
                error.service(),
                error.code(),
                error.requestId(),
                error.getMessage() + " (gave up after " + attempts + (attempts == 1 ? " attempt)" : " attempts)"),
                error.getCause());
    }

    private record Page(List<JsonNode> rows, List<String> warnings, String nextLink) {}

    private record Outcome(Page page, TenantException error, String retryAfter) {

        static Outcome read(Page page) {
            return new Outcome(page, null, null);
        }

        static Outcome failed(TenantException error, String retryAfter) {
            return new Outcome(null, error, retryAfter);
        }
    }
}
