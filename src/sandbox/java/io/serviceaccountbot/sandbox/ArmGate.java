package io.serviceaccountbot.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every request to the simulated Azure Resource Manager ({@code /sandbox/arm}) goes through before an endpoint
 * sees it, as Resource Manager's front door does: the call is counted and may suffer a scripted fault (service {@code
 * ARM} of {@code /sandbox/control/faults}: 429 with Retry-After, a 5xx, a timeout), the configured latency is added,
 * then the bearer token and the {@code api-version} query parameter are checked, with Resource Manager's error codes
 * and words. Every answer carries {@code x-ms-request-id} and {@code x-ms-correlation-request-id}.
 */
final class ArmGate extends OncePerRequestFilter {

    static final String PREFIX = "/sandbox/arm";

    /** The api-versions of Microsoft.Automation that have jobs addressed by name. */
    static final List<String> API_VERSIONS = List.of(
            "2017-05-15-preview",
            "2018-06-30",
            "2019-06-01",
            "2020-01-13-preview",
            "2022-08-08",
            "2023-05-15-preview",
            "2023-11-01",
            "2024-10-23");

    private final SimulatorFaults faults;
    private final JsonMapper json;

    ArmGate(SimulatorFaults faults, JsonMapper json) {
        this.faults = faults;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = UUID.randomUUID().toString();
        String correlation = request.getHeader("x-ms-correlation-request-id");
        response.setHeader("x-ms-request-id", requestId);
        response.setHeader("x-ms-correlation-request-id", correlation == null ? requestId : correlation);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        path = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
        Optional<SimulatorFaults.Fault> fault =
                faults.onCall(SimulatorFaults.Service.ARM, request.getMethod() + " " + path);
        faults.delay();
        if (fault.isPresent()) {
            suffer(fault.get(), response, correlation == null ? requestId : correlation);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            response.setHeader(
                    "WWW-Authenticate",
                    "Bearer authorization_uri=\"https://login.windows.net/\", error=\"invalid_token\","
                            + " error_description=\"The authentication failed because of missing 'Authorization'"
                            + " header.\"");
            write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "AuthenticationFailed",
                    "Authentication failed. The 'Authorization' header is missing.");
            return;
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "AuthenticationFailedInvalidHeader",
                    "Authentication failed. The 'Authorization' header is provided in an invalid format.");
            return;
        }
        if (!GraphGate.ACCEPTED_TOKEN.equals(authorization)) {
            response.setHeader(
                    "WWW-Authenticate",
                    "Bearer authorization_uri=\"https://login.windows.net/\", error=\"invalid_token\","
                            + " error_description=\"The access token is invalid.\"");
            write(response, HttpStatus.UNAUTHORIZED, "InvalidAuthenticationToken", "The access token is invalid.");
            return;
        }
        String apiVersion = request.getParameter("api-version");
        if (apiVersion == null || apiVersion.isBlank()) {
            write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.");
            return;
        }
        if (!API_VERSIONS.contains(apiVersion)) {
            write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "NoRegisteredProviderFound",
                    "No registered resource provider found for location 'westeurope' and API version '" + apiVersion
                            + "' for type 'automationAccounts'. The supported api-versions are '"
                            + String.join(", ", API_VERSIONS) + "'. The supported locations are 'westeurope'.");
            return;
        }
        chain.doFilter(request, response);
    }

    private void suffer(SimulatorFaults.Fault fault, HttpServletResponse response, String correlation)
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
                    "GatewayTimeout",
                    "The gateway did not receive a response from 'Microsoft.Automation' within the specified time"
                            + " period.");
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
                    "SubscriptionRequestsThrottled",
                    "Number of requests for subscription exceeded the limit. Please try again after '"
                            + Math.max(1, fault.retryAfterSeconds())
                            + "' seconds after additional tokens are available. Refer to"
                            + " https://aka.ms/arm-throttling");
            return;
        }
        write(
                response,
                status,
                status.is5xxServerError() ? "InternalServerError" : status.name(),
                "Encountered internal server error. Diagnostic information: timestamp '" + Instant.now()
                        + "', tracking id '" + UUID.randomUUID() + "', request correlation id '" + correlation
                        + "' (injected " + status.value() + ").");
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("error", error));
    }
}
