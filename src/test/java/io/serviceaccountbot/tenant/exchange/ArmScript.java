package io.serviceaccountbot.tenant.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A WireMock script of one conversation with Azure Resource Manager about an Automation account's jobs: each expected
 * request in order (a WireMock scenario moves one state per request), matched exactly (method, path, api-version,
 * filter, token, client request id, accept and content type, body) and answered as Microsoft documents the
 * operation. {@link #verifyDone()} then checks that every step was used and nothing else was asked.
 *
 * <p>The answers copy the shapes of the examples of Microsoft's Automation REST reference, api-version 2024-10-23
 * (https://learn.microsoft.com/rest/api/automation/job/create, …/job/get, …/job/get-output, …/job/stop,
 * https://learn.microsoft.com/rest/api/automation/job-stream/list-by-job, …/job-stream/get), whose examples are the
 * files {@code specification/automation/Automation.Management/examples/2024-10-23/job/*.json} of
 * Azure/azure-rest-api-specs (createJob, getJob, stopJob, listJobStreamsByJob, getJobStream):
 * <ul>
 *   <li>Job - Create: 201 with the job, status New; Job - Get: 200 with the job
 *   <li>Job - Get Output: 200, text/plain (the Job.tsp operation answers {@code text/plain}; the classic reference,
 *       https://learn.microsoft.com/previous-versions/azure/reference/mt163775(v=azure.100), says the same)
 *   <li>Job Stream - List By Job: 200, {@code {"nextLink":null,"value":[{"id":…,"properties":{"jobStreamId":…,
 *       "streamType":…,"summary":…,"time":…}}]}}; Job Stream - Get: 200, the record with its {@code streamText}
 *   <li>Job - Stop: 200 without a body
 * </ul>
 * Errors: ARM's envelope {@code {"error":{"code","message"}}} (AuthorizationFailed on 403; 429 with Retry-After,
 * https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling), and the
 * Automation provider's unwrapped {@code {"code":"Conflict","message":…}} for a name taken already: the shape
 * Automation answers for a job schedule whose id is taken (krnese/AzureDeploy#17); for a job, Azure/azure-powershell#8921
 * reports "Job with specified id already exists". Microsoft documents neither, so the client reads both shapes.
 */
final class ArmScript {

    static final String TOKEN = "arm-token";
    static final String SUBSCRIPTION = "51766542-3ed7-4a72-a187-0c8ab644ddab";
    static final String RESOURCE_GROUP = "mygroup";
    static final String ACCOUNT = "ContoseAutomationAccount";
    static final String RUNBOOK = "Invoke-ExchangeCmdlet";
    static final String WORKER_GROUP = "exchange-workers";
    static final String API_VERSION = "2024-10-23";
    static final String JOBS = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + RESOURCE_GROUP
            + "/providers/Microsoft.Automation/automationAccounts/" + ACCOUNT + "/jobs/";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final WireMockServer server;
    private final String scenario;
    private int steps;

    ArmScript(WireMockServer server, String scenario) {
        this.server = server;
        this.scenario = scenario;
    }

    static AutomationAccount account(String baseUrl) {
        return new AutomationAccount(URI.create(baseUrl), SUBSCRIPTION, RESOURCE_GROUP, ACCOUNT);
    }

    /** Job - Create with exactly this body: the runbook, the request as the one parameter, the worker group. */
    Step create(String jobName, String request) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode properties = body.putObject("properties");
        properties.putObject("runbook").put("name", RUNBOOK);
        properties.putObject("parameters").put("Request", request);
        properties.put("runOn", WORKER_GROUP);
        return new Step(put(urlPathEqualTo(JOBS + jobName))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson(JSON.writeValueAsString(body), false, false)));
    }

    /** Job - Get. */
    Step read(String jobName) {
        return new Step(get(urlPathEqualTo(JOBS + jobName)).withHeader("Accept", equalTo("application/json")));
    }

    /** Job - Get Output. */
    Step output(String jobName) {
        return new Step(get(urlPathEqualTo(JOBS + jobName + "/output")).withHeader("Accept", equalTo("text/plain")));
    }

    /** Job Stream - List By Job, the error records only. */
    Step errorStreams(String jobName) {
        return new Step(get(urlPathEqualTo(JOBS + jobName + "/streams"))
                .withHeader("Accept", equalTo("application/json"))
                .withQueryParam("$filter", equalTo("properties/streamType eq 'Error'")));
    }

    /** Job Stream - Get. */
    Step stream(String jobName, String jobStreamId) {
        return new Step(get(urlPathEqualTo(JOBS + jobName + "/streams/" + jobStreamId))
                .withHeader("Accept", equalTo("application/json")));
    }

    /** Job - Stop. */
    Step stop(String jobName) {
        return new Step(post(urlPathEqualTo(JOBS + jobName + "/stop")));
    }

    /** Every step was asked for, in order, and nothing else. */
    void verifyDone() {
        assertThat(server.findAllUnmatchedRequests())
                .as("requests no step of the script matched")
                .isEmpty();
        String state = server.getAllScenarios().getScenarios().stream()
                .filter(s -> s.getName().equals(scenario))
                .map(Scenario::getState)
                .findFirst()
                .orElse(Scenario.STARTED);
        assertThat(state).as("the script's last step").isEqualTo(steps == 0 ? Scenario.STARTED : "step " + steps);
    }

    /** When the scripted jobs were made: the start of the tests' clock. */
    static final String CREATED = "2026-12-05T10:00:00.000+00:00";

    /**
     * The job as Job - Create and Job - Get answer it (the documented example, with this name and status, made at the
     * start of the tests' clock).
     */
    static String job(String jobName, String status, String exception) {
        return job(jobName, status, exception, CREATED);
    }

    /** The job as Job - Get answers it, made at that time, e.g. {@code 2026-12-05T09:57:30.000+00:00}. */
    static String job(String jobName, String status, String exception, String creationTime) {
        ObjectNode job = JSON.createObjectNode();
        job.put("name", jobName);
        job.put("type", "Microsoft.Automation/AutomationAccounts/Jobs");
        job.put("id", JOBS + jobName);
        ObjectNode properties = job.putObject("properties");
        properties.put("creationTime", creationTime);
        boolean finished = status.equals("Completed") || status.equals("Failed") || status.equals("Stopped");
        if (finished) {
            properties.put("endTime", "2018-02-01T05:58:30.243+00:00");
        } else {
            properties.putNull("endTime");
        }
        if (exception == null) {
            properties.putNull("exception");
        } else {
            properties.put("exception", exception);
        }
        properties.put("jobId", "5b8a3960-e8ab-45f6-bec6-567df8467d1a");
        properties.putObject("jobRuntimeEnvironment").put("runtimeEnvironmentName", "environmentName");
        properties.put("lastModifiedTime", "2018-02-01T05:53:30.243+00:00");
        properties.put("lastStatusModifiedTime", "2018-02-01T05:53:30.243+00:00");
        properties.putObject("parameters").put("Request", "{\"protocol\":1,\"cmdlets\":[]}");
        properties.put("provisioningState", finished ? "Succeeded" : "Processing");
        properties.put("runOn", WORKER_GROUP);
        properties.putObject("runbook").put("name", RUNBOOK);
        if (status.equals("New")) {
            properties.putNull("startTime");
        } else {
            properties.put("startTime", "2018-02-01T05:54:30.243+00:00");
        }
        properties.put("status", status);
        properties.put("statusDetails", "None");
        return JSON.writeValueAsString(job);
    }

    /** Job Stream - List By Job: these error records. */
    static String streamList(String jobName, String... ids) {
        ObjectNode body = JSON.createObjectNode();
        body.putNull("nextLink");
        ArrayNode value = body.putArray("value");
        for (String id : ids) {
            ObjectNode stream = value.addObject();
            stream.put("id", JOBS + jobName + "/streams/" + id);
            ObjectNode properties = stream.putObject("properties");
            properties.put("jobStreamId", id);
            properties.put("streamType", "Error");
            properties.putNull("summary");
            properties.put("time", "2018-02-07T02:33:18.1232703+00:00");
        }
        return JSON.writeValueAsString(body);
    }

    /** Job Stream - Get: one error record. */
    static String errorStream(String jobName, String id, String text) {
        ObjectNode stream = JSON.createObjectNode();
        stream.put("id", JOBS + jobName + "/streams/" + id);
        ObjectNode properties = stream.putObject("properties");
        properties.put("jobStreamId", id);
        properties.put("streamText", text);
        properties.put("streamType", "Error");
        properties.put("summary", text.length() > 80 ? text.substring(0, 80) : text);
        properties.put("time", "2018-02-07T02:48:11.0693884+00:00");
        properties.putObject("value");
        return JSON.writeValueAsString(stream);
    }

    /** ARM's error envelope. */
    static String armError(String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return JSON.writeValueAsString(body);
    }

    /** The Automation provider's own error, without the envelope. */
    static String automationError(String code, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("code", code);
        error.put("message", message);
        return JSON.writeValueAsString(error);
    }

    final class Step {

        private final MappingBuilder request;

        private Step(MappingBuilder request) {
            this.request = request;
        }

        /** Answers the job (JSON) with this status. */
        void returnsJob(int status, String jobJson) {
            answer(status, "application/json; charset=utf-8", jobJson, null);
        }

        void returnsJson(int status, String json) {
            answer(status, "application/json; charset=utf-8", json, null);
        }

        void returnsText(String text) {
            answer(200, "text/plain; charset=utf-8", text, null);
        }

        /** 200 without a body, as Job - Stop answers. */
        void returnsNothing() {
            register(aResponse().withStatus(200).withHeader("x-ms-request-id", requestId()));
        }

        void throttles(String retryAfter) {
            answer(
                    429,
                    "application/json; charset=utf-8",
                    armError(
                            "TooManyRequests",
                            "The request is being throttled as the limit has been reached for operation type -"
                                    + " Write_ObservationWindow_00:05:00."),
                    retryAfter);
        }

        private void answer(int status, String contentType, String body, String retryAfter) {
            ResponseDefinitionBuilder response = aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", contentType)
                    .withHeader("x-ms-request-id", requestId())
                    .withBody(body);
            if (retryAfter != null) {
                response = response.withHeader("Retry-After", retryAfter);
            }
            register(response);
        }

        private String requestId() {
            return "arm-" + scenario + "-" + (steps + 1);
        }

        private void register(ResponseDefinitionBuilder response) {
            server.stubFor(request.inScenario(scenario)
                    .whenScenarioStateIs(steps == 0 ? Scenario.STARTED : "step " + steps)
                    .withQueryParam("api-version", equalTo(API_VERSION))
                    .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                    .withHeader("x-ms-client-request-id", matching(UUID))
                    .willReturn(response)
                    .willSetStateTo("step " + (steps + 1)));
            steps++;
        }
    }
}
