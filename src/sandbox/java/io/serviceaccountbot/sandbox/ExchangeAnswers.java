package io.serviceaccountbot.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON shapes of InvokeCommand's answers: a page of output objects with {@code @odata.nextLink} and {@code
 * @adminapi.warnings}, or an OData error whose detail carries the cmdlet's exception as JSON ({@code
 * {"Message":…,"TypeName":…}}). Every answer has a {@code request-id} header, as Exchange's do.
 */
final class ExchangeAnswers {

    private static final String CONTEXT = "/$metadata#Collection(Exchange.GenericHashTable)";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExchangeAnswers() {}

    static ResponseEntity<Map<String, Object>> page(CmdletOutput output, int offset, int pageSize, String url) {
        List<Map<String, Object>> rows = output.rows();
        int from = Math.min(offset, rows.size());
        int to = Math.min(rows.size(), from + pageSize);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", url.replaceAll("/InvokeCommand$", "") + CONTEXT);
        if (from == 0 && !output.warnings().isEmpty()) {
            body.put("adminapi.warnings@odata.type", "#Collection(String)");
            body.put("@adminapi.warnings", output.warnings());
        }
        body.put("value", rows.subList(from, to));
        if (to < rows.size()) {
            body.put("@odata.nextLink", url + "?$skiptoken=" + to);
        }
        return answer(HttpStatus.OK).body(body);
    }

    static ResponseEntity<Map<String, Object>> cmdletError(CmdletFailure failure) {
        Map<String, Object> exception = new LinkedHashMap<>();
        exception.put("Message", failure.getMessage());
        exception.put("TypeName", failure.type());
        exception.put("StackTrace", null);
        exception.put("InnerError", null);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", "Context");
        detail.put("target", "");
        detail.put("message", JSON.writeValueAsString(exception));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", "Error executing cmdlet");
        inner.put("type", "Microsoft.Exchange.Admin.OData.Core.ODataServiceException");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", failure.status() == HttpStatus.NOT_FOUND ? "NotFound" : "BadRequest");
        error.put("message", "Error executing cmdlet");
        error.put("details", List.of(detail));
        error.put("innererror", inner);
        return answer(failure.status())
                .header(
                        "x-ExceptionType",
                        failure.type().substring(failure.type().lastIndexOf('.') + 1))
                .body(Map.of("error", error));
    }

    static ResponseEntity<Map<String, Object>> throttled(int retryAfterSeconds) {
        ResponseEntity.BodyBuilder answer = answer(HttpStatus.TOO_MANY_REQUESTS);
        if (retryAfterSeconds > 0) {
            answer.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        return answer.body(
                odata("TooManyRequests", "Too many requests are being sent to this organisation; retry later."));
    }

    static ResponseEntity<Map<String, Object>> unauthorized() {
        return answer(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer")
                .body(odata("Unauthorized", "The access token is missing or invalid."));
    }

    static ResponseEntity<Map<String, Object>> plain(HttpStatus status, String code, String message) {
        return answer(status).body(odata(code, message));
    }

    private static ResponseEntity.BodyBuilder answer(HttpStatus status) {
        return ResponseEntity.status(status)
                .header("request-id", UUID.randomUUID().toString());
    }

    private static Map<String, Object> odata(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Map.of("error", error);
    }
}
