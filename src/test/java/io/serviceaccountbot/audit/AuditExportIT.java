package io.serviceaccountbot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /admin/audit} in sandbox mode, called from this machine: the log as CSV or JSON, since a day or an instant,
 * exactly as stored (a reader can recompute the chain from the JSON), and a clear answer to a bad parameter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditExportIT {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog log;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void someEntries() {
        log.append(new AuditRecord(
                "aad-alex",
                "Alex Wilber",
                "request.opened",
                "R-EXPORT",
                "svc-export@example.com",
                "pending",
                "grant impersonation to svc-export because \"quoted\", with a comma",
                List.of(),
                "a:chat"));
        log.append(new AuditRecord(
                null,
                AuditRecord.BOT,
                "plan.step",
                "R-EXPORT",
                "svc-export@example.com",
                "done",
                "=HYPERLINK(\"http://evil\")",
                List.of("11111111-2222-3333-4444-555555555555"),
                null));
    }

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/audit" + query))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jsonHoldsEveryEntryAsStoredSoTheChainCanBeCheckedOutsideTheBot() throws Exception {
        HttpResponse<String> response = get("?format=json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode entries = JsonMapper.builder().build().readTree(response.body());
        assertThat(entries.isArray()).isTrue();
        String previous = AuditHash.GENESIS;
        for (JsonNode entry : entries) {
            List<String> ids = entry.path("tenant_request_ids")
                    .valueStream()
                    .map(JsonNode::asString)
                    .toList();
            AuditRecord record = new AuditRecord(
                    text(entry, "actor_id"),
                    text(entry, "actor_name"),
                    text(entry, "action"),
                    text(entry, "request_number"),
                    text(entry, "target"),
                    text(entry, "outcome"),
                    text(entry, "detail"),
                    ids,
                    text(entry, "conversation_id"));
            assertThat(entry.path("prev_hash").asString()).isEqualTo(previous);
            String hash = AuditHash.of(
                    entry.path("seq").asLong(),
                    java.time.Instant.parse(entry.path("recorded_at").asString()),
                    record,
                    previous);
            assertThat(entry.path("hash").asString()).isEqualTo(hash);
            previous = hash;
        }
        assertThat(response.body()).contains("R-EXPORT").contains("11111111-2222-3333-4444-555555555555");
    }

    @Test
    void csvHasAHeaderQuotesWhatNeedsItAndDefusesFormulas() throws Exception {
        HttpResponse<String> response = get("?format=csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"audit.csv\"");
        String[] lines = response.body().split("\r\n");
        assertThat(lines[0])
                .isEqualTo("seq,recorded_at,actor_id,actor_name,action,request_number,target,outcome,detail,"
                        + "tenant_request_ids,conversation_id,prev_hash,hash");
        assertThat(response.body())
                .contains(",\"grant impersonation to svc-export because \"\"quoted\"\", with a comma\",")
                .contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",");
    }

    @Test
    void sinceLeavesOutWhatCameBefore() throws Exception {
        HttpResponse<String> future = get("?format=json&since=2999-01-01");
        HttpResponse<String> past = get("?format=json&since=2000-01-01T00:00:00Z");

        assertThat(JsonMapper.builder().build().readTree(future.body()).size()).isZero();
        assertThat(JsonMapper.builder().build().readTree(past.body()).size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBadParameterGetsAClearAnswer() throws Exception {
        HttpResponse<String> format = get("?format=xml");
        HttpResponse<String> since = get("?since=yesterday");

        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(format.body()).contains("format must be csv or json");
        assertThat(since.statusCode()).isEqualTo(400);
        assertThat(since.body()).contains("since must be an instant");
    }

    private static String text(JsonNode entry, String field) {
        return entry.path(field).isNull() ? null : entry.path(field).asString();
    }
}
