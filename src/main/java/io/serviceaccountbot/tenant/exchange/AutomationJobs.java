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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Azure Resource Manager calls on the Automation account's jobs that the Exchange Server runner needs (Job -
 * Create, Job - Get, Job - Get Output, Job Stream - List By Job, Job Stream - Get, Job - Stop; api-version {@value
 * AutomationAccount#API_VERSION}), hand-written on Spring's RestClient like {@link InvokeCommandClient}. Each call
 * carries a token for {@link AccessTokens#AZURE_MANAGEMENT} and an {@code x-ms-client-request-id}; 429, 5xx and
 * timeouts are tried again with {@link Retries} (honouring Retry-After); other failures come out as {@link
 * TenantException}s through {@link AutomationErrors}.
 */
final class AutomationJobs {

    /** The most error records read from a failed job: enough to explain it, bounded in calls. */
    static final int MAX_ERROR_STREAMS = 20;

    private static final int MAX_PAGES = 20;
    private static final String ERROR_STREAMS = "properties/streamType eq 'Error'";
    private static final Logger log = LoggerFactory.getLogger(AutomationJobs.class);

    private final RestClient http;
    private final JsonMapper json;
    private final AutomationErrors errors;
    private final Supplier<AutomationAccount> account;
    private final AccessTokens tokens;
    private final Retries retries;

    /** @param account the Automation account, asked on first use (in sandbox mode the port is known only then) */
    AutomationJobs(
            RestClient http,
            JsonMapper json,
            Supplier<AutomationAccount> account,
            AccessTokens tokens,
            Retries retries) {
        this.http = http;
        this.json = json;
        this.errors = new AutomationErrors(json);
        this.account = account;
        this.tokens = tokens;
        this.retries = retries;
    }

    /**
     * Creates and so starts the job. When Azure answers 409 Conflict, a job of that name exists already (a retry or a
     * restart is creating it again): it is read and returned, never started twice.
     *
     * @param parameters the runbook's parameters; kept in the job's history, so never a secret
     */
    AutomationJob create(String jobName, String runbook, String runOn, Map<String, String> parameters) {
        ObjectNode body = json.createObjectNode();
        ObjectNode properties = body.putObject("properties");
        properties.putObject("runbook").put("name", runbook);
        ObjectNode given = properties.putObject("parameters");
        parameters.forEach(given::put);
        properties.put("runOn", runOn);
        Answer answer = call(
                "start job " + jobName,
                HttpMethod.PUT,
                account().job(jobName),
                json.writeValueAsBytes(body),
                MediaType.APPLICATION_JSON,
                Set.of(409));
        if (answer.status() == 409) {
            log.info("Azure Automation has job {} already; following it instead of starting it again", jobName);
            return get(jobName)
                    .orElseThrow(() -> new TenantException(
                            Kind.UNAVAILABLE,
                            AutomationErrors.SERVICE,
                            "Conflict",
                            answer.requestId(),
                            "Azure said job " + jobName + " exists but does not show it yet",
                            null));
        }
        JsonNode created = readJson(answer, "start job " + jobName);
        return created.path("properties").isObject()
                ? job(jobName, created)
                : new AutomationJob(jobName, "New", null, runbook, null);
    }

    /** The job, or empty when Azure has none of that name (404). */
    Optional<AutomationJob> get(String jobName) {
        Answer answer = call(
                "read job " + jobName,
                HttpMethod.GET,
                account().job(jobName),
                null,
                MediaType.APPLICATION_JSON,
                Set.of(404));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(job(jobName, readJson(answer, "read job " + jobName)));
    }

    /** The job's output stream as text. */
    String output(String jobName) {
        Answer answer = call(
                "read the output of job " + jobName,
                HttpMethod.GET,
                account().job(jobName, "output"),
                null,
                MediaType.TEXT_PLAIN,
                Set.of());
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The text of the job's error records, oldest first, at most {@value #MAX_ERROR_STREAMS}. */
    List<String> errorStreams(String jobName) {
        List<String> ids = new ArrayList<>();
        URI first = account().streams(jobName, ERROR_STREAMS);
        Set<URI> visited = new HashSet<>();
        URI next = first;
        while (next != null && ids.size() < MAX_ERROR_STREAMS && visited.add(next) && visited.size() <= MAX_PAGES) {
            JsonNode page = readJson(
                    call(
                            "list the error records of job " + jobName,
                            HttpMethod.GET,
                            next,
                            null,
                            MediaType.APPLICATION_JSON,
                            Set.of()),
                    "list the error records of job " + jobName);
            for (JsonNode stream : page.path("value")) {
                String id = stream.path("properties").path("jobStreamId").asString("");
                if (!id.isBlank() && ids.size() < MAX_ERROR_STREAMS) {
                    ids.add(id);
                }
            }
            JsonNode link = page.path("nextLink");
            next = link.isString() && !link.asString().isBlank() ? sameOrigin(first, link.asString()) : null;
        }
        List<String> texts = new ArrayList<>();
        for (String id : ids) {
            JsonNode stream = readJson(
                    call(
                            "read error record " + id + " of job " + jobName,
                            HttpMethod.GET,
                            account().stream(jobName, id),
                            null,
                            MediaType.APPLICATION_JSON,
                            Set.of()),
                    "read an error record of job " + jobName);
            JsonNode properties = stream.path("properties");
            String text = properties.path("streamText").asString("");
            if (text.isBlank()) {
                text = properties.path("summary").asString("");
            }
            if (!text.isBlank()) {
                texts.add(ExchangeErrors.printable(text, 1000));
            }
        }
        return texts;
    }

    /** Stops the job; one that has finished meanwhile is left as it is. */
    void stop(String jobName) {
        call("stop job " + jobName, HttpMethod.POST, account().job(jobName, "stop"), new byte[0], null, Set.of());
    }

    private AutomationAccount account() {
        return account.get();
    }

    /**
     * The runbook's state in the account ({@code properties.state}: New, Edit or Published); empty when the account has
     * no runbook of that name (Runbook - Get).
     */
    Optional<String> runbookState(String runbook) {
        Answer answer = call(
                "read runbook " + runbook,
                HttpMethod.GET,
                account().runbook(runbook),
                null,
                MediaType.APPLICATION_JSON,
                Set.of(404));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(text(readJson(answer, "read runbook " + runbook)
                        .path("properties")
                        .path("state")))
                .orElse("unknown"));
    }

    /**
     * When each worker of the group last checked in ({@code properties.lastSeenDateTime}, Hybrid Runbook Workers - List
     * By Hybrid Runbook Worker Group), by worker name; a worker that never did is left out.
     */
    java.util.Map<String, java.time.Instant> workersLastSeen(String workerGroup) {
        Answer answer = call(
                "list the workers of " + workerGroup,
                HttpMethod.GET,
                account().workers(workerGroup),
                null,
                MediaType.APPLICATION_JSON,
                Set.of());
        java.util.Map<String, java.time.Instant> seen = new java.util.LinkedHashMap<>();
        for (JsonNode worker :
                readJson(answer, "list the workers of " + workerGroup).path("value")) {
            String lastSeen = text(worker.path("properties").path("lastSeenDateTime"));
            String name = Optional.ofNullable(text(worker.path("properties").path("workerName")))
                    .orElse(worker.path("name").asString(""));
            if (lastSeen != null) {
                try {
                    seen.put(name, java.time.OffsetDateTime.parse(lastSeen).toInstant());
                } catch (java.time.format.DateTimeParseException e) {
                    // a date Azure would not send; the worker counts as never seen
                }
            }
        }
        return seen;
    }

    private AutomationJob job(String jobName, JsonNode root) {
        JsonNode properties = root.path("properties");
        String name = root.path("name").asString("");
        return new AutomationJob(
                name.isBlank() ? jobName : name,
                text(properties.path("status")),
                text(properties.path("exception")),
                text(properties.path("runbook").path("name")),
                time(properties.path("creationTime")));
    }

    /** An ARM date-time, e.g. {@code 2018-02-01T05:53:30.243+00:00}; null when absent or unreadable. */
    private static Instant time(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private JsonNode readJson(Answer answer, String what) {
        if (answer.body().length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(answer.body());
        } catch (JacksonException e) {
            throw new TenantException(
                    Kind.UNAVAILABLE,
                    AutomationErrors.SERVICE,
                    "MalformedAnswer",
                    answer.requestId(),
                    "Azure answered the request to " + what + " with something that is not JSON",
                    null);
        }
    }

    /** A next-page link on the same origin as the first page, so the token is never sent anywhere else. */
    private static URI sameOrigin(URI first, String link) {
        URI next;
        try {
            next = first.resolve(link);
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean same = first.getScheme().equalsIgnoreCase(next.getScheme())
                && first.getHost().equalsIgnoreCase(next.getHost())
                && first.getPort() == next.getPort();
        if (!same) {
            log.warn("Azure sent a next-page link to another host; not followed");
            return null;
        }
        return next;
    }

    /**
     * Sends the request, trying again while the failure is transient and the retries allow.
     *
     * @param expected error statuses the caller reads itself (404 for "absent", 409 for "exists")
     */
    private Answer call(String what, HttpMethod method, URI uri, byte[] body, MediaType accept, Set<Integer> expected) {
        String clientRequestId = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            Answer answer;
            try {
                answer = send(method, uri, body, accept, clientRequestId);
            } catch (TenantException e) {
                if (!e.isTransient() || attempt >= retries.attempts()) {
                    throw attempt == 1 ? e : gaveUp(e, attempt);
                }
                pause(what, e, attempt, null);
                continue;
            }
            if (answer.isSuccess() || expected.contains(answer.status())) {
                return answer;
            }
            TenantException error =
                    errors.fromAnswer(what, answer.status(), answer.body(), answer.requestId(), account());
            if (!error.isTransient()) {
                throw error;
            }
            if (attempt >= retries.attempts()) {
                throw gaveUp(error, attempt);
            }
            pause(what, error, attempt, answer.retryAfter());
        }
    }

    private void pause(String what, TenantException error, int attempt, String retryAfter) {
        Optional<Duration> pause = retries.pauseBefore(attempt + 1, retryAfter);
        if (pause.isEmpty()) {
            throw gaveUp(error, attempt);
        }
        log.info(
                "Azure answered the request to {} with {}; attempt {} of {} in {} ms",
                what,
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

    private Answer send(HttpMethod method, URI uri, byte[] body, MediaType accept, String clientRequestId) {
        TenantCallGuard.beforeCall();
        try {
            String token = tokens.forScope(AccessTokens.AZURE_MANAGEMENT);
            RestClient.RequestBodySpec request = http.method(method).uri(uri).headers(headers -> {
                headers.setBearerAuth(token);
                if (accept != null) {
                    headers.setAccept(List.of(accept));
                }
                headers.set("x-ms-client-request-id", clientRequestId);
            });
            if (body != null) {
                if (body.length > 0) {
                    request = request.contentType(MediaType.APPLICATION_JSON);
                }
                request = request.body(body);
            }
            return request.exchange((sent, response) -> read(response, clientRequestId), true);
        } catch (ResourceAccessException e) {
            String why =
                    e.getCause() == null ? "no answer" : e.getCause().getClass().getSimpleName();
            throw new TenantException(
                    Kind.UNAVAILABLE,
                    AutomationErrors.SERVICE,
                    "NoAnswer",
                    clientRequestId,
                    "Azure Resource Manager did not answer in time (" + why + ")",
                    e);
        } catch (TokenUnavailableException e) {
            throw new TenantException(
                    Kind.UNAVAILABLE,
                    AutomationErrors.SERVICE,
                    "TokenUnavailable",
                    clientRequestId,
                    "No access token for Azure Resource Manager: " + e.getMessage(),
                    e);
        }
    }

    private static Answer read(ClientHttpResponse response, String clientRequestId) throws IOException {
        int status = response.getStatusCode().value();
        HttpHeaders headers = response.getHeaders();
        String requestId =
                headers.getFirst("x-ms-request-id") != null ? headers.getFirst("x-ms-request-id") : clientRequestId;
        TenantRequestIds.record(requestId);
        Metrics.counter("bot.tenant.calls", "service", "azure-automation", "status", Integer.toString(status))
                .increment();
        return new Answer(
                status, response.getBody().readAllBytes(), requestId, headers.getFirst(HttpHeaders.RETRY_AFTER));
    }

    private static TenantException gaveUp(TenantException error, int attempts) {
        return new TenantException(
                error.kind(),
                error.service(),
                error.code(),
                error.requestId(),
                error.getMessage() + " (gave up after " + attempts + (attempts == 1 ? " attempt)" : " attempts)"),
                error.fix(),
                error.getCause());
    }

    private record Answer(int status, byte[] body, String requestId, String retryAfter) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }
}
