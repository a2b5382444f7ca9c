package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Azure Automation's job operations under {@code /sandbox/arm}, at Resource Manager's paths, for the one Automation
 * account the sandbox has (see {@link SandboxProperties.Runner}): Job - Create ({@code PUT …/jobs/{jobName}}, 201),
 * Job - Get, Job - Get Output (text), Job Stream - List By Job (with {@code $filter} on {@code properties/streamType}
 * and {@code properties/time}), Job Stream - Get and Job - Stop. {@link ArmGate} has checked the token and the
 * api-version already.
 *
 * <p>Where Microsoft documents no wording, the simulator chose: creating a job whose name exists answers 409 Conflict
 * "Job with specified id already exists." (what Azure answered when a job id was reused, azure-powershell issue 8921)
 * rather than the existing job, so that a client that starts a job twice hears of it; an unknown runbook answers 404
 * "Runbook not found."; a {@code runOn} naming another worker group, or parameters the runbook does not take, answer
 * 400; stopping a job that has ended answers 400.
 */
@RestController
@ConditionalOnSandboxMode
@RequestMapping(ArmGate.PREFIX + "/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers"
        + "/Microsoft.Automation/automationAccounts/{account}/jobs/{jobName}")
class AutomationJobsEndpoint {

    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    private static final Pattern STREAM_TYPE =
            Pattern.compile("properties/streamType\\s+eq\\s+'([A-Za-z]+)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME =
            Pattern.compile("properties/time\\s+(ge|gt)\\s+'?([^'\\s]+)'?", Pattern.CASE_INSENSITIVE);

    private final SimulatedAutomation automation;
    private final SandboxProperties.Runner account;
    private final JsonMapper json;

    AutomationJobsEndpoint(SimulatedAutomation automation, JsonMapper json) {
        this.automation = automation;
        this.account = automation.account();
        this.json = json;
    }

    @PutMapping
    ResponseEntity<Object> create(
            @PathVariable String subscription,
            @PathVariable String resourceGroup,
            @PathVariable String account,
            @PathVariable String jobName,
            @RequestBody(required = false) byte[] body) {
        Optional<ResponseEntity<Object>> elsewhere = elsewhere(subscription, resourceGroup, account);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        JsonNode properties;
        try {
            properties = body == null ? null : json.readTree(body).path("properties");
        } catch (JacksonException e) {
            return ArmAnswers.arm(
                    HttpStatus.BAD_REQUEST,
                    "InvalidRequestContent",
                    "The request content was invalid and could not be deserialized: '" + e.getOriginalMessage() + "'.");
        }
        if (properties == null || !properties.isObject()) {
            return ArmAnswers.automation(
                    HttpStatus.BAD_REQUEST, "BadRequest", "The request body must have properties.runbook.name.");
        }
        String runbook = text(properties.path("runbook").path("name"));
        if (!SimulatedRunbook.NAME.equalsIgnoreCase(runbook)) {
            return ArmAnswers.automation(HttpStatus.NOT_FOUND, "NotFound", "Runbook not found.");
        }
        String runOn = text(properties.path("runOn"));
        if (!runOn.isEmpty() && !runOn.equalsIgnoreCase(this.account.workerGroup())) {
            return ArmAnswers.automation(
                    HttpStatus.BAD_REQUEST,
                    "BadRequest",
                    "The Hybrid Runbook Worker group '" + runOn + "' was not found in this Automation account.");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> parameter :
                properties.path("parameters").properties()) {
            if (!parameter.getKey().equalsIgnoreCase("Request")
                    || !parameter.getValue().isString()) {
                return ArmAnswers.automation(
                        HttpStatus.BAD_REQUEST,
                        "BadRequest",
                        "Invalid runbook parameters: " + SimulatedRunbook.NAME + " takes one parameter, Request, a"
                                + " string.");
            }
            parameters.put("Request", parameter.getValue().asString());
        }
        if (!parameters.containsKey("Request")) {
            return ArmAnswers.automation(
                    HttpStatus.BAD_REQUEST,
                    "BadRequest",
                    "Invalid runbook parameters: the mandatory parameter Request of " + SimulatedRunbook.NAME
                            + " is missing.");
        }
        return automation
                .create(jobName, runOn, parameters)
                .<ResponseEntity<Object>>map(
                        job -> ResponseEntity.status(HttpStatus.CREATED).body(ArmAnswers.job(this.account, job.view())))
                .orElseGet(() -> ArmAnswers.automation(
                        HttpStatus.CONFLICT, "Conflict", "Job with specified id already exists."));
    }

    @GetMapping
    ResponseEntity<Object> get(
            @PathVariable String subscription,
            @PathVariable String resourceGroup,
            @PathVariable String account,
            @PathVariable String jobName) {
        return withJob(
                subscription,
                resourceGroup,
                account,
                jobName,
                job -> ResponseEntity.ok(ArmAnswers.job(this.account, job.view())));
    }

    @GetMapping("/output")
    ResponseEntity<Object> output(
            @PathVariable String subscription,
            @PathVariable String resourceGroup,
            @PathVariable String account,
            @PathVariable String jobName) {
        return withJob(
                subscription,
                resourceGroup,
                account,
                jobName,
                job -> ResponseEntity.ok().contentType(TEXT).body(job.output()));
    }

    @GetMapping("/streams")
    ResponseEntity<Object> streams(
            @PathVariable String subscription,
            @PathVariable String resourceGroup,
            @PathVariable String account,
            @PathVariable String jobName,
            @RequestParam(name = "$filter", required = false) String filter) {
        Predicate<AutomationJob.Stream> wanted;
        try {
            wanted = filter(filter);
        } catch (IllegalArgumentException e) {
            return ArmAnswers.automation(HttpStatus.BAD_REQUEST, "BadRequest", e.getMessage());
        }
        return withJob(subscription, resourceGroup, account, jobName, job -> {
            List<Map<String, Object>> streams = job.streams().stream()
                    .filter(wanted)
                    .map(stream -> ArmAnswers.stream(this.account, job.name(), stream, false))
                    .toList();
            return ResponseEntity.ok(ArmAnswers.streams(streams));
        });
    }

    @GetMapping("/streams/{jobStreamId}")
    ResponseEntity<Object> stream(
            @PathVariable String subscription,
            @PathVariable String resourceGroup,
            @PathVariable String account,
            @PathVariable String jobName,
            @PathVariable String jobStreamId) {
        return withJob(
                subscription,
                resourceGroup,
                account,
                jobName,
                job -> job.streams().stream()
                        .filter(stream -> stream.id().equalsIgnoreCase(jobStreamId))
                        .findFirst()
                        .<ResponseEntity<Object>>map(
                                stream -> ResponseEntity.ok(ArmAnswers.stream(this.account, job.name(), stream, true)))
                        .orElseGet(() ->
                                ArmAnswers.automation(HttpStatus.NOT_FOUND, "NotFound", "Job stream not found.")));
    }

    @PostMapping("/stop")
    ResponseEntity<Object> stop(
            @PathVariable String subscription,
            @PathVariable String resourceGroup,
            @PathVariable String account,
            @PathVariable String jobName) {
        return withJob(subscription, resourceGroup, account, jobName, job -> {
            if (automation.stop(job)) {
                return ResponseEntity.ok().build();
            }
            return ArmAnswers.automation(
                    HttpStatus.BAD_REQUEST,
                    "BadRequest",
                    "The job cannot be stopped because it is " + job.status().arm() + ".");
        });
    }

    private ResponseEntity<Object> withJob(
            String subscription,
            String resourceGroup,
            String account,
            String jobName,
            java.util.function.Function<AutomationJob, ResponseEntity<Object>> answer) {
        Optional<ResponseEntity<Object>> elsewhere = elsewhere(subscription, resourceGroup, account);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        return automation
                .job(jobName)
                .map(answer)
                .orElseGet(() -> ArmAnswers.automation(HttpStatus.NOT_FOUND, "NotFound", "Job not found."));
    }

    private Optional<ResponseEntity<Object>> elsewhere(String subscription, String resourceGroup, String account) {
        return ArmAnswers.elsewhere(this.account, subscription, resourceGroup, account);
    }

    /** The streams a {@code $filter} keeps: {@code properties/streamType eq '…'}, {@code properties/time ge …}. */
    private static Predicate<AutomationJob.Stream> filter(String filter) {
        Predicate<AutomationJob.Stream> wanted = stream -> true;
        if (filter == null || filter.isBlank()) {
            return wanted;
        }
        for (String clause : filter.trim().split("(?i)\\s+and\\s+")) {
            Matcher type = STREAM_TYPE.matcher(clause.trim());
            Matcher time = TIME.matcher(clause.trim());
            if (type.matches()) {
                String streamType = type.group(1);
                if (!streamType.equalsIgnoreCase("Any")) {
                    wanted = wanted.and(stream -> stream.type().equalsIgnoreCase(streamType));
                }
            } else if (time.matches()) {
                Instant from = instant(time.group(2));
                boolean inclusive = time.group(1).toLowerCase(Locale.ROOT).equals("ge");
                wanted = wanted.and(stream -> inclusive
                        ? !stream.time().isBefore(from)
                        : stream.time().isAfter(from));
            } else {
                throw new IllegalArgumentException("Invalid $filter '" + filter + "': only properties/streamType eq"
                        + " '<type>' and properties/time ge <date-time> are supported.");
            }
        }
        return wanted;
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : "";
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid date-time in $filter: '" + text + "'.");
        }
    }
}
