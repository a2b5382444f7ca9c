package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Exchange Online's {@code POST /adminapi/beta/{tenant}/InvokeCommand}, answered by the simulated organisation: the
 * cmdlet named in the body runs, its objects come back in {@code value} ({@code Prefer: odata.maxpagesize} long, the
 * rest through {@code @odata.nextLink}), its warnings in {@code @adminapi.warnings}, its failures as Exchange's OData
 * errors. Scripted faults apply first: 429 with Retry-After, a 5xx, or a timeout, for which the cmdlet still runs and
 * the answer comes only after the hang, as when Exchange acted but the caller never heard.
 */
@RestController
@ConditionalOnSandboxMode
@RequestMapping("/sandbox/exchange/adminapi/beta/{tenant}/InvokeCommand")
class ExchangeSimulator {

    private static final Pattern PAGE_SIZE = Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d+)");
    private static final int MAX_PAGE_SIZE = 1000;

    private final ExchangeCmdlets cmdlets;
    private final SimulatorFaults faults;
    private final SimulatedPermissions permissions;
    private final JsonMapper json;
    private final String tenantId;

    ExchangeSimulator(
            ExchangeCmdlets cmdlets,
            SimulatorFaults faults,
            SimulatedPermissions permissions,
            JsonMapper json,
            SimulatedDirectory directory) {
        this.cmdlets = cmdlets;
        this.faults = faults;
        this.permissions = permissions;
        this.json = json;
        this.tenantId = directory.tenantId();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> invoke(
            @PathVariable String tenant,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "X-CmdletName", required = false) String cmdletHeader,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @RequestParam(name = "$skiptoken", required = false) String skipToken,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        JsonNode input = cmdletInput(body);
        String cmdlet =
                input.path("CmdletName").isString() ? input.path("CmdletName").asString() : "";
        Optional<SimulatorFaults.Fault> fault = faults.onCall(SimulatorFaults.Service.EXCHANGE, cmdlet);
        faults.delay();
        if (!GraphGate.ACCEPTED_TOKEN.equals(authorization)) {
            return ExchangeAnswers.unauthorized();
        }
        if (permissions.refuses(SimulatedPermissions.EXCHANGE)) {
            return ExchangeAnswers.plain(
                    HttpStatus.UNAUTHORIZED,
                    "Unauthorized",
                    "The role assigned to application isn't supported in this scenario (Exchange.ManageAsApp is not"
                            + " granted).");
        }
        if (!tenantId.equalsIgnoreCase(tenant)) {
            return ExchangeAnswers.plain(HttpStatus.NOT_FOUND, "TenantNotFound", "No organisation with id " + tenant);
        }
        if (cmdlet.isEmpty()) {
            return ExchangeAnswers.plain(
                    HttpStatus.BAD_REQUEST, "BadRequest", "The body must be {\"CmdletInput\":{\"CmdletName\":…}}.");
        }
        if (cmdletHeader != null && !cmdletHeader.equalsIgnoreCase(cmdlet)) {
            return ExchangeAnswers.plain(
                    HttpStatus.BAD_REQUEST, "BadRequest", "X-CmdletName does not match the cmdlet in the body.");
        }
        if (fault.isPresent()) {
            return injected(fault.get(), cmdlet, input.path("Parameters"));
        }
        CmdletOutput output;
        try {
            output = cmdlets.run(cmdlet, input.path("Parameters"));
        } catch (CmdletFailure failure) {
            return ExchangeAnswers.cmdletError(failure);
        }
        return ExchangeAnswers.page(
                output,
                offset(skipToken, cmdlet),
                pageSize(prefer),
                request.getRequestURL().toString());
    }

    private JsonNode cmdletInput(byte[] body) {
        try {
            return body == null
                    ? MissingNode.getInstance()
                    : json.readTree(body).path("CmdletInput");
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    private ResponseEntity<Map<String, Object>> injected(SimulatorFaults.Fault fault, String cmdlet, JsonNode params) {
        if (fault.status() == 0) {
            try {
                cmdlets.run(cmdlet, params);
            } catch (CmdletFailure ignored) {
                // the caller will not hear about it either way
            }
            sleep(fault.hang());
            return ExchangeAnswers.plain(HttpStatus.GATEWAY_TIMEOUT, "GatewayTimeout", "The operation timed out.");
        }
        HttpStatus status = HttpStatus.valueOf(fault.status());
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            return ExchangeAnswers.throttled(fault.retryAfterSeconds());
        }
        return ExchangeAnswers.plain(status, status.name(), "The service failed (injected " + status.value() + ").");
    }

    private static int offset(String skipToken, String cmdlet) {
        if (skipToken == null || !ExchangeCmdlets.reads(cmdlet)) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(skipToken));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int pageSize(String prefer) {
        if (prefer != null) {
            Matcher size = PAGE_SIZE.matcher(prefer);
            if (size.find()) {
                return Math.max(1, Math.min(MAX_PAGE_SIZE, Integer.parseInt(size.group(1))));
            }
        }
        return MAX_PAGE_SIZE;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
