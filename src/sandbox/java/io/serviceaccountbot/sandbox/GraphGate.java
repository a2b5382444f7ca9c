package io.serviceaccountbot.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every simulated Graph request goes through before an endpoint sees it, in this order: the call is counted and
 * may suffer a scripted fault ({@link SimulatorFaults}), the configured latency is added, the bearer token is
 * checked, and so is the permission the call needs ({@link SimulatedPermissions}). Every answer carries a {@code request-id} header, as Graph's do.
 */
final class GraphGate extends OncePerRequestFilter {

    static final String PREFIX = "/sandbox/graph/v1.0";
    static final String ACCEPTED_TOKEN = "Bearer sandbox-token";

    private final SimulatorFaults faults;
    private final SimulatedPermissions permissions;
    private final JsonMapper json;

    GraphGate(SimulatorFaults faults, SimulatedPermissions permissions, JsonMapper json) {
        this.faults = faults;
        this.permissions = permissions;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = UUID.randomUUID().toString();
        request.setAttribute(GraphErrors.REQUEST_ID, requestId);
        response.setHeader("request-id", requestId);
        String clientRequestId = request.getHeader("client-request-id");
        response.setHeader("client-request-id", clientRequestId == null ? requestId : clientRequestId);

        String path = request.getRequestURI().substring(request.getContextPath().length());
        path = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
        Optional<SimulatorFaults.Fault> fault =
                faults.onCall(SimulatorFaults.Service.GRAPH, request.getMethod() + " " + path);
        faults.delay();
        if (fault.isPresent()) {
            suffer(fault.get(), response, requestId);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (!ACCEPTED_TOKEN.equals(authorization)) {
            write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    GraphErrors.body(
                            "InvalidAuthenticationToken",
                            authorization == null || authorization.isBlank()
                                    ? "Access token is empty."
                                    : "Access token validation failure. Invalid audience.",
                            requestId,
                            List.of(),
                            Map.of()));
            return;
        }
        Optional<String> refused = permissions.refusedFor(request.getMethod(), path);
        if (refused.isPresent()) {
            write(
                    response,
                    HttpStatus.FORBIDDEN,
                    GraphErrors.body(
                            "Authorization_RequestDenied",
                            "Insufficient privileges to complete the operation.",
                            requestId,
                            List.of(),
                            Map.of()));
            return;
        }
        chain.doFilter(request, response);
    }

    private void suffer(SimulatorFaults.Fault fault, HttpServletResponse response, String requestId)
            throws IOException {
        if (fault.status() == 0) {
            try {
                Thread.sleep(fault.hang().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            write(
                    response,
                    HttpStatus.GATEWAY_TIMEOUT,
                    GraphErrors.body(
                            "GatewayTimeout",
                            "The server did not receive a timely response from an upstream server.",
                            requestId,
                            List.of(),
                            Map.of()));
            return;
        }
        HttpStatus status = HttpStatus.valueOf(fault.status());
        if (fault.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", Integer.toString(fault.retryAfterSeconds()));
        }
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            write(
                    response,
                    status,
                    GraphErrors.body(
                            "TooManyRequests",
                            "Please retry again later.",
                            requestId,
                            List.of(),
                            Map.of("code", "429", "message", "Please retry after", "status", "429")));
            return;
        }
        write(response, status, GraphErrors.body(code(status), message(status), requestId, List.of(), Map.of()));
    }

    private static String code(HttpStatus status) {
        return switch (status) {
            case INTERNAL_SERVER_ERROR -> "generalException";
            case BAD_GATEWAY -> "BadGateway";
            case SERVICE_UNAVAILABLE -> "serviceNotAvailable";
            case GATEWAY_TIMEOUT -> "GatewayTimeout";
            case UNAUTHORIZED -> "InvalidAuthenticationToken";
            case FORBIDDEN -> "Authorization_RequestDenied";
            case NOT_FOUND -> "Request_ResourceNotFound";
            default -> status.is5xxServerError() ? "generalException" : "Request_BadRequest";
        };
    }

    private static String message(HttpStatus status) {
        return switch (status) {
            case SERVICE_UNAVAILABLE -> "The service is temporarily unavailable. Try the request again after a delay.";
            case FORBIDDEN -> "Insufficient privileges to complete the operation.";
            case GATEWAY_TIMEOUT -> "The server did not receive a timely response from an upstream server.";
            default ->
                status.is5xxServerError()
                        ? "An unspecified error has occurred."
                        : "The request is malformed or incorrect.";
        };
    }

    private void write(HttpServletResponse response, HttpStatus status, Map<String, Object> body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
