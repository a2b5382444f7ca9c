package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Everything the simulated Graph does not serve, and every refusal, answered in Graph's error shape rather than with
 * Spring's: an unknown path is a segment Graph cannot resolve, and a body that is not JSON gets Graph's words.
 */
@RestController
@RestControllerAdvice(
        assignableTypes = {
            GraphUsersEndpoint.class,
            GraphLicensingEndpoint.class,
            GraphMailboxEndpoint.class,
            GraphGroupsEndpoint.class,
            GraphDomainsEndpoint.class,
            GraphServicePrincipalsEndpoint.class,
            GraphFallbackEndpoint.class
        })
@ConditionalOnSandboxMode
class GraphFallbackEndpoint {

    @RequestMapping(GraphGate.PREFIX + "/**")
    ResponseEntity<Map<String, Object>> unknown(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + GraphGate.PREFIX.length());
        String segment = path.replaceFirst("^/", "").split("/", 2)[0];
        throw new GraphRefusal(
                HttpStatus.BAD_REQUEST,
                "BadRequest",
                "Resource not found for the segment '" + segment + "'.",
                List.of());
    }

    @ExceptionHandler(GraphRefusal.class)
    ResponseEntity<Map<String, Object>> refused(GraphRefusal refusal) {
        return GraphErrors.error(refusal);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable() {
        return GraphErrors.error(GraphRefusal.badRequest("Unable to read JSON request payload. Please ensure"
                + " Content-Type header is set and payload is of valid JSON format."));
    }

    @ExceptionHandler(ClassCastException.class)
    ResponseEntity<Map<String, Object>> wrongType() {
        return GraphErrors.error(GraphRefusal.badRequest("Invalid value in the request payload."));
    }
}
