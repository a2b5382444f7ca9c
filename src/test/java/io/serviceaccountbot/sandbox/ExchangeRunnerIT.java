package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.SecretStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated Exchange Server runner over real HTTP, as the bot's Azure Resource Manager client sees it: a job of
 * Invoke-ExchangeCmdlet is created with PUT, runs on the hybrid worker after its start delay, and is followed with
 * Job - Get until it ends; its answer is read with Job - Get Output, its errors as job streams. Scripted faults make
 * the next jobs fail or be suspended, or keep them New while the worker group is offline.
 */
@SandboxServer
class ExchangeRunnerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "Bearer sandbox-token";
    private static final String API = "api-version=2024-10-23";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    SecretStore secrets;

    @Autowired
    SandboxProperties properties;

    private final HttpClient http = HttpClient.newHttpClient();
    private SimulatorControlClient control;

    record Answer(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @BeforeEach
    void quickWorker() {
        control = new SimulatorControlClient(port);
        control.runnerStartDelay(0);
    }

    @AfterEach
    void leaveTheRunnerAsConfigured() {
        control.clearRunnerFaults();
        control.clearFaults();
        control.runnerWorkerOnline(true);
        control.runnerStartDelay(properties.runner().jobStartDelay().toMillis());
        control.runnerServer(
                properties.runner().serverName(), properties.runner().serverVersion());
    }

    private String jobs() {
        SandboxProperties.Runner account = properties.runner();
        return "http://127.0.0.1:" + port + "/sandbox/arm/subscriptions/" + account.subscriptionId()
                + "/resourceGroups/" + account.resourceGroup()
                + "/providers/Microsoft.Automation/automationAccounts/" + account.automationAccount() + "/jobs/";
    }

    private Answer send(String method, String url, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }

    private Answer get(String jobPath) throws Exception {
        return send("GET", jobs() + jobPath + (jobPath.contains("?") ? "&" : "?") + API, null, TOKEN);
    }

    /** Job - Create of Invoke-ExchangeCmdlet on the worker group with this request. */
    private Answer create(String jobName, String request) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of(
                "properties",
                java.util.Map.of(
                        "runbook", java.util.Map.of("name", "Invoke-ExchangeCmdlet"),
                        "parameters", java.util.Map.of("Request", request),
                        "runOn", properties.runner().workerGroup())));
        return send("PUT", jobs() + jobName + "?" + API, body, TOKEN);
    }

    /** Follows the job with Job - Get until its status satisfies the condition, or fails after a deadline. */
    private JsonNode until(String jobName, Predicate<String> status) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode job;
        do {
            job = get(jobName).json();
            if (status.test(job.path("properties").path("status").asString())) {
                return job;
            }
            Thread.sleep(25);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(
                "job " + jobName + " is still " + job.path("properties").path("status"));
    }

    private JsonNode ended(String jobName) throws Exception {
        return until(
                jobName,
                status -> List.of("Completed", "Failed", "Stopped", "Suspended").contains(status));
    }

    private static String job() {
        return UUID.randomUUID().toString();
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aJobCreatesASecurityGroupAndReadsItBackInOneBatch() throws Exception {
        control.runnerStartDelay(200);
        String group = unique("Runner Sync Accounts");
        String request = """
                {"protocol":1,"cmdlets":[
                  {"cmdlet":"New-DistributionGroup","parameters":{"Name":"%s","Type":"Security"},"continueOnError":true},
                  {"cmdlet":"Get-DistributionGroup","parameters":{"Identity":"%s"}}]}""".formatted(group, group);
        String name = job();

        Answer created = create(name, request);

        assertThat(created.status()).isEqualTo(201);
        JsonNode resource = created.json();
        assertThat(resource.path("id").asString())
                .isEqualTo(new URI(jobs()).getPath().substring("/sandbox/arm".length()) + name);
        assertThat(resource.path("name").asString()).isEqualTo(name);
        assertThat(resource.path("type").asString()).isEqualTo("Microsoft.Automation/AutomationAccounts/Jobs");
        JsonNode properties = resource.path("properties");
        assertThat(properties.path("status").asString()).isEqualTo("New");
        assertThat(properties.path("provisioningState").asString()).isEqualTo("Processing");
        assertThat(properties.path("statusDetails").asString()).isEqualTo("None");
        assertThat(properties.path("runbook").path("name").asString()).isEqualTo("Invoke-ExchangeCmdlet");
        assertThat(properties.path("runOn").asString())
                .isEqualTo(this.properties.runner().workerGroup());
        assertThat(properties.path("parameters").path("Request").asString()).isEqualTo(request);
        assertThat(UUID.fromString(properties.path("jobId").asString())).isNotNull();
        assertThat(properties.path("startTime").isNull()).isTrue();
        assertThat(properties.path("creationTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+00:00");

        JsonNode completed = until(name, "Completed"::equals).path("properties");
        assertThat(completed.path("provisioningState").asString()).isEqualTo("Succeeded");
        assertThat(completed.path("exception").isNull()).isTrue();
        assertThat(completed.path("startTime").isNull()).isFalse();
        assertThat(completed.path("endTime").isNull()).isFalse();
        assertThat(completed.path("jobId").asString())
                .isEqualTo(properties.path("jobId").asString());

        Answer output = get(name + "/output");
        assertThat(output.response().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(output.body()).doesNotContain("\n");
        JsonNode answer = output.json();
        assertThat(answer.path("protocol").asInt()).isEqualTo(1);
        assertThat(answer.path("server").path("name").asString()).isEqualTo("EX01");
        assertThat(answer.path("server").path("version").asString()).isEqualTo("Version 15.2 (Build 2562.17)");
        JsonNode results = answer.path("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("cmdlet").asString()).isEqualTo("New-DistributionGroup");
        assertThat(results.get(0).path("ok").asBoolean()).isTrue();
        assertThat(results.get(1).path("ok").asBoolean()).isTrue();
        assertThat(results.get(1).path("rows").get(0).path("Name").asString()).isEqualTo(group);
        assertThat(results.get(1)
                        .path("rows")
                        .get(0)
                        .path("RecipientTypeDetails")
                        .asString())
                .isEqualTo("MailUniversalSecurityGroup");

        assertThat(get(name + "/streams?$filter=" + encode("properties/streamType eq 'Error'"))
                        .json()
                        .path("value"))
                .isEmpty();
        assertThat(get(name + "/streams").json().path("value"))
                .singleElement()
                .satisfies(stream -> assertThat(
                                stream.path("properties").path("streamType").asString())
                        .isEqualTo("Output"));
    }

    @Test
    void aJobNameIsUsedOnceAndAnUnknownJobIsNotFound() throws Exception {
        String name = job();
        String request = "{\"protocol\":1,\"cmdlets\":[{\"cmdlet\":\"Get-ManagementRole\","
                + "\"parameters\":{\"Identity\":\"Mail Recipients\"}}]}";
        assertThat(create(name, request).status()).isEqualTo(201);

        Answer again = create(name.toUpperCase(java.util.Locale.ROOT), request);
        Answer unknown = get(job());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("Conflict");
        assertThat(again.json().path("message").asString()).isEqualTo("Job with specified id already exists.");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asString()).isEqualTo("NotFound");
        assertThat(get(job() + "/output").status()).isEqualTo(404);
        ended(name);
    }

    @Test
    void aRefusedCmdletFailsTheJobWithAReadableErrorStream() throws Exception {
        String name = job();
        create(
                name,
                "{\"protocol\":1,\"cmdlets\":[{\"cmdlet\":\"Remove-Mailbox\",\"parameters\":{\"Identity\":\"x\"}}]}");

        JsonNode failed = until(name, "Failed"::equals).path("properties");

        assertThat(failed.path("provisioningState").asString()).isEqualTo("Failed");
        assertThat(failed.path("exception").asString())
                .isEqualTo("ExchangeRunner/NotAllowed: Invoke-ExchangeCmdlet refused the request: the cmdlet"
                        + " 'Remove-Mailbox' is not in its"
                        + " allow-list.");
        assertThat(get(name + "/output").body()).isEmpty();
        JsonNode errors = get(name + "/streams?$filter=" + encode("properties/streamType eq 'Error'"))
                .json()
                .path("value");
        assertThat(errors).hasSize(1);
        JsonNode listed = errors.get(0).path("properties");
        assertThat(listed.path("summary").asString()).contains("'Remove-Mailbox' is not in its allow-list");
        assertThat(listed.has("streamText")).isFalse();
        String streamId = listed.path("jobStreamId").asString();
        assertThat(errors.get(0).path("id").asString()).endsWith("/jobs/" + name + "/streams/" + streamId);
        JsonNode stream = get(name + "/streams/" + streamId).json().path("properties");
        assertThat(stream.path("streamType").asString()).isEqualTo("Error");
        assertThat(stream.path("streamText").asString()).contains("Remove-Mailbox");
        assertThat(get(name + "/streams/" + streamId + "x").status()).isEqualTo(404);
    }

    @Test
    void aSecretParameterIsReadFromTheSecretStoreAndShownNowhere() throws Exception {
        String alias = "svc-run-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "Runner-" + UUID.randomUUID() + "-Pw9";
        secrets.put(alias + "-password", Secret.of(password));
        String name = job();

        create(name, """
                {"protocol":1,"cmdlets":[
                  {"cmdlet":"New-Mailbox","parameters":{"Name":"%1$s","UserPrincipalName":"%1$s@example.com",
                   "ResetPasswordOnNextLogon":false},"secretParameters":{"Password":"%1$s-password"}},
                  {"cmdlet":"Set-ADUser","parameters":{"Identity":"%1$s","PasswordNeverExpires":true}},
                  {"cmdlet":"Get-ADUser","parameters":{"Identity":"%1$s","Properties":["PasswordNeverExpires"]}}]}""".formatted(alias));
        JsonNode completed = until(name, "Completed"::equals);

        String output = get(name + "/output").body();
        JsonNode results = JSON.readTree(output).path("results");
        assertThat(results.get(0).path("rows").get(0).path("PrimarySmtpAddress").asString())
                .isEqualTo(alias + "@example.com");
        assertThat(results.get(2)
                        .path("rows")
                        .get(0)
                        .path("PasswordNeverExpires")
                        .asBoolean())
                .isTrue();
        List<String> everything =
                new ArrayList<>(List.of(completed.toString(), get(name).body(), output));
        JsonNode streams = get(name + "/streams").json().path("value");
        everything.add(streams.toString());
        for (JsonNode stream : streams) {
            everything.add(get(name + "/streams/"
                            + stream.path("properties").path("jobStreamId").asString())
                    .body());
        }
        assertThat(everything).allSatisfy(text -> assertThat(text).doesNotContain(password));
    }

    @Test
    void scriptedFaultsFailOrSuspendTheNextJobs() throws Exception {
        String group = unique("Half Made");
        control.runnerJobsFail(1, null, 1);
        control.runnerJobsSuspend(1);
        String failed = job();
        String suspended = job();
        String fine = job();
        String request = """
                {"protocol":1,"cmdlets":[
                  {"cmdlet":"New-DistributionGroup","parameters":{"Name":"%s","Type":"Security"}},
                  {"cmdlet":"Get-DistributionGroup","parameters":{"Identity":"%s"}}]}""".formatted(group, group);

        create(failed, request);
        create(suspended, request);
        create(fine, request.replace(group, group + " 2"));

        JsonNode lost = until(failed, "Failed"::equals).path("properties");
        assertThat(lost.path("exception").asString())
                .startsWith("ExchangeRunner/ExchangeUnavailable: Connecting to remote server EX01 failed");
        assertThat(get(failed + "/streams?$filter=" + encode("properties/streamType eq 'Error'"))
                        .json()
                        .path("value"))
                .hasSize(1);
        JsonNode gaveUp = until(suspended, "Suspended"::equals).path("properties");
        assertThat(gaveUp.path("provisioningState").asString()).isEqualTo("Suspended");
        assertThat(gaveUp.path("exception").asString()).contains("The job action was attempted 3 times");
        until(fine, "Completed"::equals);
        String retried = job();
        create(retried, request);
        until(retried, "Completed"::equals);
        assertThat(get(retried + "/output")
                        .json()
                        .path("results")
                        .get(0)
                        .path("error")
                        .path("exceptionType")
                        .asString())
                .as("the failed job made the group before its session was lost")
                .endsWith("ADObjectAlreadyExistsException");
    }

    @Test
    void jobsStayNewWhileTheWorkerGroupIsOfflineAndRunWhenItIsBack() throws Exception {
        control.runnerWorkerOnline(false);
        String waiting = job();
        String stopped = job();
        String request = "{\"protocol\":1,\"cmdlets\":[{\"cmdlet\":\"Get-ManagementRole\","
                + "\"parameters\":{\"Identity\":\"Mail Recipients\"}}]}";
        create(waiting, request);
        create(stopped, request);

        assertThat(control.runner().path("queued").asInt()).isEqualTo(2);
        assertThat(get(waiting).json().path("properties").path("status").asString())
                .isEqualTo("New");
        assertThat(send("POST", jobs() + stopped + "/stop?" + API, null, TOKEN).status())
                .isEqualTo(200);
        assertThat(get(stopped).json().path("properties").path("status").asString())
                .isEqualTo("Stopped");
        Answer stopAgain = send("POST", jobs() + stopped + "/stop?" + API, null, TOKEN);
        assertThat(stopAgain.status()).isEqualTo(400);

        control.runnerWorkerOnline(true);

        until(waiting, "Completed"::equals);
        assertThat(get(stopped).json().path("properties").path("status").asString())
                .isEqualTo("Stopped");
        assertThat(control.runner().path("queued").asInt()).isZero();
    }

    @Test
    void theServerTheRunbookReachesCanBeAnOlderExchange() throws Exception {
        control.runnerServer("EX2016", "Version 15.1 (Build 2507.6)");
        String name = job();

        create(
                name,
                "{\"protocol\":1,\"cmdlets\":[{\"cmdlet\":\"Get-ManagementRole\","
                        + "\"parameters\":{\"Identity\":\"ApplicationImpersonation\"}}]}");
        until(name, "Completed"::equals);

        JsonNode server = get(name + "/output").json().path("server");
        assertThat(server.path("name").asString()).isEqualTo("EX2016");
        assertThat(server.path("version").asString()).isEqualTo("Version 15.1 (Build 2507.6)");
    }

    @Test
    void resourceManagerWantsATokenAndAnApiVersionAndAnswersInItsOwnWords() throws Exception {
        String url = jobs() + job() + "?" + API;

        Answer anonymous = send("GET", url, null, null);
        Answer wrongToken = send("GET", url, null, "Bearer not-the-sandbox-token");
        Answer noVersion = send("GET", jobs() + job(), null, TOKEN);
        Answer oldVersion = send("GET", jobs() + job() + "?api-version=2015-10-31", null, TOKEN);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("error").path("code").asString()).isEqualTo("AuthenticationFailed");
        assertThat(anonymous.json().path("error").path("message").asString())
                .isEqualTo("Authentication failed. The 'Authorization' header is missing.");
        assertThat(anonymous.response().headers().firstValue("WWW-Authenticate"))
                .isPresent();
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.json().path("error").path("code").asString()).isEqualTo("InvalidAuthenticationToken");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().path("error").path("code").asString()).isEqualTo("MissingApiVersionParameter");
        assertThat(noVersion.json().path("error").path("message").asString())
                .isEqualTo("The api-version query parameter (?api-version=) is required for all requests.");
        assertThat(oldVersion.status()).isEqualTo(400);
        assertThat(oldVersion.json().path("error").path("code").asString()).isEqualTo("NoRegisteredProviderFound");
        assertThat(anonymous.response().headers().firstValue("x-ms-request-id")).isPresent();
    }

    @Test
    void onlyTheOneAccountRunbookAndWorkerGroupExist() throws Exception {
        String otherAccount = jobs().replace(properties.runner().automationAccount(), "aa-other") + job() + "?" + API;
        String body = """
                {"properties":{"runbook":{"name":"%s"},"parameters":{"Request":"{}"},"runOn":"%s"}}""";

        Answer account = send("GET", otherAccount, null, TOKEN);
        Answer runbook = send(
                "PUT",
                jobs() + job() + "?" + API,
                body.formatted("Other-Runbook", properties.runner().workerGroup()),
                TOKEN);
        Answer group = send(
                "PUT", jobs() + job() + "?" + API, body.formatted("Invoke-ExchangeCmdlet", "other-workers"), TOKEN);
        Answer parameters = send(
                "PUT",
                jobs() + job() + "?" + API,
                "{\"properties\":{\"runbook\":{\"name\":\"Invoke-ExchangeCmdlet\"},\"parameters\":{\"Password\":\"x\"},"
                        + "\"runOn\":\"" + properties.runner().workerGroup() + "\"}}",
                TOKEN);

        assertThat(account.status()).isEqualTo(404);
        assertThat(account.json().path("error").path("code").asString()).isEqualTo("ResourceNotFound");
        assertThat(runbook.status()).isEqualTo(404);
        assertThat(runbook.json().path("message").asString()).isEqualTo("Runbook not found.");
        assertThat(group.status()).isEqualTo(400);
        assertThat(parameters.status()).isEqualTo(400);
        assertThat(parameters.json().path("message").asString()).startsWith("Invalid runbook parameters");
    }

    @Test
    void resourceManagerItselfCanBeThrottled() throws Exception {
        control.armFails("PUT /subscriptions", 429, 2, 1);
        String name = job();
        String request = "{\"protocol\":1,\"cmdlets\":[{\"cmdlet\":\"Get-ManagementRole\","
                + "\"parameters\":{\"Identity\":\"Mail Recipients\"}}]}";

        Answer throttled = create(name, request);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.response().headers().firstValue("Retry-After")).hasValue("2");
        assertThat(throttled.json().path("error").path("code").asString()).isEqualTo("SubscriptionRequestsThrottled");
        assertThat(get(name).status()).as("a throttled PUT made no job").isEqualTo(404);
        assertThat(create(name, request).status()).isEqualTo(201);
        ended(name);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
