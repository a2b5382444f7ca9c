package io.serviceaccountbot.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Error answers in Microsoft Graph's shape: {@code {"error":{"code":…,"message":…,"innerError":{…}}}}, with the
 * request's {@code request-id} in the body and in the header.
 */
final class GraphErrors {

    /** The request attribute holding the id {@link GraphGate} gave the request. */
    static final String REQUEST_ID = GraphErrors.class.getName() + ".requestId";

    private GraphErrors() {}

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return error(new GraphRefusal(status, code, message, List.of()));
    }

    static ResponseEntity<Map<String, Object>> error(GraphRefusal refusal) {
        String requestId = currentRequestId();
        return ResponseEntity.status(refusal.status())
                .header("request-id", requestId)
                .body(body(refusal.code(), refusal.getMessage(), requestId, refusal.details(), Map.of()));
    }

    static Map<String, Object> body(
            String code,
            String message,
            String requestId,
            List<GraphRefusal.Detail> details,
            Map<String, Object> innerExtras) {
        Map<String, Object> inner = new LinkedHashMap<>(innerExtras);
        inner.put(
                "date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
        inner.put("request-id", requestId);
        inner.put("client-request-id", requestId);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (!details.isEmpty()) {
            error.put(
                    "details",
                    details.stream()
                            .map(detail -> Map.of(
                                    "code", detail.code(), "message", detail.message(), "target", detail.target()))
                            .toList());
        }
        error.put("innerError", inner);
        return Map.of("error", error);
    }

    private static String currentRequestId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object id = attributes == null ? null : attributes.getAttribute(REQUEST_ID, RequestAttributes.SCOPE_REQUEST);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }
}
