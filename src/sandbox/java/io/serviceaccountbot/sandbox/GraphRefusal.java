package io.serviceaccountbot.sandbox;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The simulated Graph refusing a request the way Microsoft Graph does: a status, Graph's error code, its message word
 * for word, and, for conflicts and invalid values, the details naming the property.
 */
final class GraphRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<Detail> details;

    /**
     * One entry of the error's {@code details}.
     *
     * @param code e.g. ObjectConflict
     * @param message the same message as the error's
     * @param target the property, e.g. userPrincipalName
     */
    record Detail(String code, String message, String target) {}

    GraphRefusal(HttpStatus status, String code, String message, List<Detail> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    static GraphRefusal badRequest(String message) {
        return new GraphRefusal(HttpStatus.BAD_REQUEST, "Request_BadRequest", message, List.of());
    }

    static GraphRefusal invalidValue(String property) {
        String message = "Invalid value specified for property '" + property + "' of resource 'User'.";
        return new GraphRefusal(
                HttpStatus.BAD_REQUEST,
                "Request_BadRequest",
                message,
                List.of(new Detail("InvalidValue", message, property)));
    }

    static GraphRefusal conflict(String property) {
        String message = "Another object with the same value for property " + property + " already exists.";
        return new GraphRefusal(
                HttpStatus.BAD_REQUEST,
                "Request_BadRequest",
                message,
                List.of(new Detail("ObjectConflict", message, property)));
    }

    static GraphRefusal notFound(String id) {
        return new GraphRefusal(
                HttpStatus.NOT_FOUND,
                "Request_ResourceNotFound",
                "Resource '" + id
                        + "' does not exist or one of its queried reference-property objects are not present.",
                List.of());
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    List<Detail> details() {
        return details;
    }
}
