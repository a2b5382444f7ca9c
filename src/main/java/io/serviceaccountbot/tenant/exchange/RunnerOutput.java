package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the runbook's answer from a completed job's output: the one line that starts with {@code {"protocol"}, a JSON
 * object of protocol 1 with a result per cmdlet asked, in order ({@code deploy/exchange-server/PROTOCOL.md}).
 * Anything else (no such line, two of them, another protocol, results that do not match the request) means the
 * runbook in the Automation account is not the one the bot speaks to, and is refused.
 */
final class RunnerOutput {

    private static final String RECORD_START = "{\"protocol\"";

    private RunnerOutput() {}

    static RunnerAnswer read(String output, List<RunnerCall> asked, String jobName, JsonMapper json) {
        String record = null;
        for (String line : output.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(RECORD_START)) {
                if (record != null) {
                    throw malformed(jobName, "two answer records");
                }
                record = trimmed;
            }
        }
        if (record == null) {
            throw malformed(jobName, "no answer record (a line starting with {\"protocol\")");
        }
        JsonNode answer;
        try {
            answer = json.readTree(record);
        } catch (JacksonException e) {
            throw malformed(jobName, "an answer record that is not JSON");
        }
        if (answer.path("protocol").asInt(-1) != RunnerRequest.PROTOCOL) {
            throw malformed(jobName, "an answer of protocol " + answer.path("protocol") + ", not 1");
        }
        JsonNode results = answer.path("results");
        if (!results.isArray() || results.size() != asked.size()) {
            throw malformed(jobName, "results for " + results.size() + " cmdlets, not " + asked.size());
        }
        List<RunnerResult> read = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            read.add(result(results.get(i), asked.get(i).cmdlet(), jobName));
        }
        JsonNode server = answer.path("server");
        return new RunnerAnswer(jobName, text(server.path("name")), text(server.path("version")), read);
    }

    private static RunnerResult result(JsonNode result, String cmdlet, String jobName) {
        String said = text(result.path("cmdlet"));
        if (said == null || !said.equalsIgnoreCase(cmdlet)) {
            throw malformed(jobName, "a result for " + said + " where " + cmdlet + " was asked");
        }
        if (result.path("skipped").asBoolean(false)) {
            return RunnerResult.skipped(cmdlet);
        }
        List<String> warnings = new ArrayList<>();
        result.path("warnings").forEach(warning -> {
            if (warning.isString()) {
                warnings.add(ExchangeErrors.printable(warning.asString(), 1000));
            }
        });
        if (result.path("ok").asBoolean(false)) {
            List<JsonNode> rows = new ArrayList<>();
            result.path("rows").forEach(row -> {
                if (row.isObject()) {
                    rows.add(row);
                }
            });
            return RunnerResult.ok(cmdlet, rows, warnings);
        }
        JsonNode error = result.path("error");
        String category = text(error.path("category"));
        String type = text(error.path("exceptionType"));
        String message = ExchangeErrors.printable(text(error.path("message")), 1000);
        return RunnerResult.failed(
                cmdlet,
                new RunnerError(
                        category,
                        text(error.path("fullyQualifiedErrorId")),
                        type,
                        message,
                        RunnerErrors.kind(category, type, message)),
                warnings);
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static TenantException malformed(String jobName, String what) {
        return new TenantException(
                Kind.INVALID_REQUEST,
                RunnerErrors.SERVICE,
                "MalformedAnswer",
                jobName,
                "Exchange Server's runner answered job " + jobName + " with " + what,
                "Check that the runbook in the Automation account is deploy/exchange-server/Invoke-ExchangeCmdlet.ps1"
                        + " of this version of the bot (protocol 1).",
                null);
    }
}
