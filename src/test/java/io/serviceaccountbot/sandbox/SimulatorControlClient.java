package io.serviceaccountbot.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tests drive the simulated tenant's faults, latency and call counts through {@code /sandbox/control}, over HTTP. */
public final class SimulatorControlClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    public SimulatorControlClient(int port) {
        this.base = "http://127.0.0.1:" + port + "/sandbox/control";
    }

    /** The next {@code times} Graph calls whose "METHOD path" contains {@code matching} fail with {@code status}. */
    public void graphFails(String matching, int status, int retryAfterSeconds, int times) {
        send("POST", "/faults", """
                {"service":"GRAPH","matching":%s,"status":%d,"retryAfterSeconds":%d,"times":%d}
                """.formatted(JSON.writeValueAsString(matching), status, retryAfterSeconds, times));
    }

    /** The next matching Graph call hangs for {@code hangMillis}, then answers 504. */
    public void graphHangs(String matching, long hangMillis) {
        send("POST", "/faults", """
                {"service":"GRAPH","matching":%s,"status":0,"retryAfterSeconds":0,"times":1,"hang":"PT%sS"}
                """.formatted(JSON.writeValueAsString(matching), hangMillis / 1000.0));
    }

    /** The next {@code times} runs of the cmdlet (e.g. New-RoleGroup) fail with {@code status}. */
    public void exchangeFails(String cmdlet, int status, int times) {
        send("POST", "/faults", """
                {"service":"EXCHANGE","matching":%s,"status":%d,"retryAfterSeconds":0,"times":%d}
                """.formatted(JSON.writeValueAsString(cmdlet), status, times));
    }

    /**
     * The next run of the cmdlet (e.g. New-RoleGroup) does its work and then hangs for {@code hang}; on Exchange Server
     * its runner job stays Running that long and then fails, the session lost.
     */
    public void exchangeHangs(String cmdlet, java.time.Duration hang) {
        send("POST", "/faults", """
                {"service":"EXCHANGE","matching":%s,"status":0,"retryAfterSeconds":0,"times":1,"hang":"%s"}
                """.formatted(JSON.writeValueAsString(cmdlet), hang));
    }

    /** The next {@code times} Resource Manager calls whose "METHOD path" contains {@code matching} fail. */
    public void armFails(String matching, int status, int retryAfterSeconds, int times) {
        send("POST", "/faults", """
                {"service":"ARM","matching":%s,"status":%d,"retryAfterSeconds":%d,"times":%d}
                """.formatted(JSON.writeValueAsString(matching), status, retryAfterSeconds, times));
    }

    /**
     * The next {@code times} runner jobs fail with {@code exception} (null for the default: the Exchange session is
     * lost) after {@code afterCmdlets} of their cmdlets ran.
     */
    public void runnerJobsFail(int times, String exception, int afterCmdlets) {
        send(
                "POST",
                "/runner/faults",
                JSON.writeValueAsString(java.util.Map.of(
                        "outcome",
                        "Failed",
                        "times",
                        times,
                        "exception",
                        exception == null ? "" : exception,
                        "afterCmdlets",
                        afterCmdlets)));
    }

    /** The next {@code times} runner jobs are Suspended, as when Azure gives up starting them. */
    public void runnerJobsSuspend(int times) {
        send("POST", "/runner/faults", "{\"outcome\":\"Suspended\",\"times\":" + times + "}");
    }

    public void clearRunnerFaults() {
        send("DELETE", "/runner/faults", null);
    }

    /** Takes the runner's Hybrid Runbook Worker group offline (jobs stay New) or brings it back. */
    public void runnerWorkerOnline(boolean online) {
        send("PUT", "/runner/worker", "{\"online\":" + online + "}");
    }

    /** How long a new runner job stays New before the worker picks it up. */
    public void runnerStartDelay(long millis) {
        send("PUT", "/runner/start-delay", "{\"millis\":" + millis + "}");
    }

    /** The Exchange server the runner's runbook reaches (a null field keeps its value). */
    public void runnerServer(String name, String version) {
        java.util.Map<String, String> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("version", version);
        send("PUT", "/runner/server", JSON.writeValueAsString(body));
    }

    /** The runner's state: worker online, start delay, server, scripted faults, queued jobs, jobs per status. */
    public JsonNode runner() {
        return JSON.readTree(send("GET", "/runner", null));
    }

    /** The simulated Automation account's job history: each job's name, status and parameters. */
    public JsonNode runnerHistory() {
        return JSON.readTree(send("GET", "/runner/history", null));
    }

    /** The simulated tenant refuses exactly these application permissions (none: grants everything again). */
    public void refusePermissions(String... permissions) {
        send(
                "PUT",
                "/permissions",
                JSON.writeValueAsString(java.util.Map.of("refused", java.util.List.of(permissions))));
    }

    /** The identity platform refuses tokens for exactly these scopes (none: issues every token again). */
    public void refuseTokens(String... scopes) {
        send("PUT", "/identity", JSON.writeValueAsString(java.util.Map.of("refused", java.util.List.of(scopes))));
    }

    /** How many token requests the identity platform has refused since start. */
    public long refusedTokens() {
        return JSON.readTree(send("GET", "/identity", null)).path("refusals").asLong();
    }

    /** Deletes the user (by object id or sign-in name) from the simulated tenant, as an admin may. */
    public void deleteUser(String idOrUpn) {
        send("DELETE", "/users/" + java.net.URLEncoder.encode(idOrUpn, java.nio.charset.StandardCharsets.UTF_8), null);
    }

    /** Returns the simulated tenant to its seed (POST /reset). */
    public void reset() {
        send("POST", "/reset", null);
    }

    public void clearFaults() {
        send("DELETE", "/faults", null);
    }

    public void latency(long millis) {
        send("PUT", "/latency", "{\"millis\":" + millis + "}");
    }

    public void resetCalls() {
        send("DELETE", "/calls", null);
    }

    public long graphCalls() {
        JsonNode counts = JSON.readTree(send("GET", "/calls", null));
        return counts.path("GRAPH").asLong();
    }

    private String send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
