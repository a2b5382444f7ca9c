package io.serviceaccountbot.audit;

import io.serviceaccountbot.identity.BotIdentity;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /admin/audit?format=csv|json&since=…}: the audit log streamed oldest first, entry by entry, with each
 * entry's hashes so that a reader can check the chain outside the bot. {@code since} is an instant
 * ({@code 2026-12-01T00:00:00Z}) or a day ({@code 2026-12-01}, from its start in UTC); without it, everything. Who may
 * call it is {@link AuditExportSecurity}'s to say; in sandbox mode, loopback callers only.
 */
@RestController
class AuditExportController {

    private final AuditLog log;
    private final BotIdentity identity;

    AuditExportController(AuditLog log, BotIdentity identity) {
        this.log = log;
        this.identity = identity;
    }

    @GetMapping("/admin/audit")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(required = false) String since,
            HttpServletRequest request) {
        if (identity.mode().isSandbox() && !loopback(request.getRemoteAddr())) {
            return problem(HttpStatus.FORBIDDEN, "In sandbox mode the audit export answers this machine only.");
        }
        Instant from;
        try {
            from = since(since);
        } catch (DateTimeParseException e) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "since must be an instant such as 2026-12-01T00:00:00Z or a day such as 2026-12-01.");
        }
        AuditExportFormat writer = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> AuditExportFormat.CSV;
            case "json" -> AuditExportFormat.JSON;
            default -> null;
        };
        if (writer == null) {
            return problem(HttpStatus.BAD_REQUEST, "format must be csv or json.");
        }
        StreamingResponseBody body = out -> write(writer, from, out);
        return ResponseEntity.ok()
                .contentType(writer.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit." + writer.extension() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private void write(AuditExportFormat writer, Instant from, OutputStream out) throws IOException {
        out.write(writer.start().getBytes(StandardCharsets.UTF_8));
        boolean[] first = {true};
        try {
            log.export(from, entry -> {
                try {
                    out.write(writer.entry(entry, first[0]).getBytes(StandardCharsets.UTF_8));
                    first[0] = false;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.write(writer.end().getBytes(StandardCharsets.UTF_8));
    }

    static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return Instant.EPOCH;
        }
        String text = since.strip();
        return text.length() == 10
                ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instant.parse(text);
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An error as the bot's other endpoints answer one (streamed too: Spring streams one body type per method). */
    private static ResponseEntity<StreamingResponseBody> problem(HttpStatus status, String message) {
        byte[] body = ERRORS.writeValueAsBytes(Map.of("error", Map.of("code", status.name(), "message", message)));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(out -> out.write(body));
    }

    private static final tools.jackson.databind.json.JsonMapper ERRORS =
            tools.jackson.databind.json.JsonMapper.builder().build();
}
