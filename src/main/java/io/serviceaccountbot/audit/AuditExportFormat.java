package io.serviceaccountbot.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the export writes entries: one JSON array, each entry exactly as stored (a reader can recompute the hashes from
 * it), or CSV for spreadsheets, with a header row, RFC 4180 quoting, and a leading =, +, - or @ defused with an
 * apostrophe so that no cell runs as a formula.
 */
enum AuditExportFormat {
    CSV {
        @Override
        String start() {
            return String.join(",", COLUMNS) + "\r\n";
        }

        @Override
        String entry(AuditEntry entry, boolean first) {
            StringBuilder row = new StringBuilder();
            for (Object value : values(entry).values()) {
                if (row.length() > 0) {
                    row.append(',');
                }
                String text = value instanceof java.util.List<?> list
                        ? String.join(" ", list.stream().map(String::valueOf).toList())
                        : value == null ? "" : value.toString();
                row.append(csv(text));
            }
            return row.append("\r\n").toString();
        }

        @Override
        String end() {
            return "";
        }

        @Override
        MediaType mediaType() {
            return new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        String extension() {
            return "csv";
        }
    },
    JSON {
        @Override
        String start() {
            return "[\n";
        }

        @Override
        String entry(AuditEntry entry, boolean first) {
            return (first ? "" : ",\n") + MAPPER.writeValueAsString(values(entry));
        }

        @Override
        String end() {
            return "\n]\n";
        }

        @Override
        MediaType mediaType() {
            return MediaType.APPLICATION_JSON;
        }

        @Override
        String extension() {
            return "json";
        }
    };

    static final String[] COLUMNS = {
        "seq",
        "recorded_at",
        "actor_id",
        "actor_name",
        "action",
        "request_number",
        "target",
        "outcome",
        "detail",
        "tenant_request_ids",
        "conversation_id",
        "prev_hash",
        "hash"
    };

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    abstract String start();

    abstract String entry(AuditEntry entry, boolean first);

    abstract String end();

    abstract MediaType mediaType();

    abstract String extension();

    static Map<String, Object> values(AuditEntry entry) {
        AuditRecord record = entry.record();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("seq", entry.seq());
        values.put("recorded_at", entry.recordedAt().toString());
        values.put("actor_id", record.actorId());
        values.put("actor_name", record.actorName());
        values.put("action", record.action());
        values.put("request_number", record.requestNumber());
        values.put("target", record.target());
        values.put("outcome", record.outcome());
        values.put("detail", record.detail());
        values.put("tenant_request_ids", record.tenantRequestIds());
        values.put("conversation_id", record.conversationId());
        values.put("prev_hash", entry.previousHash());
        values.put("hash", entry.hash());
        return values;
    }

    /** A CSV field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    static String csv(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
