package io.serviceaccountbot.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Error answers in Microsoft Graph's shape: {@code {"error":{"code":…,"message":…,"innerError":{…}}}}. */
final class GraphErrors {

    private GraphErrors() {}

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("date", Instant.now().toString());
        inner.put("request-id", requestId);
        inner.put("client-request-id", requestId);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("innerError", inner);
        return ResponseEntity.status(status).header("request-id", requestId).body(Map.of("error", error));
    }

    static ResponseEntity<Map<String, Object>> notFound(String id) {
        return error(
                HttpStatus.NOT_FOUND,
                "Request_ResourceNotFound",
                "Resource '" + id
                        + "' does not exist or one of its queried reference-property objects are not present.");
    }
}
