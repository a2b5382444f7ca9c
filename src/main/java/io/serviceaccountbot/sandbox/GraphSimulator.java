package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Microsoft Graph v1.0 endpoints the bot uses, answered from the simulated tenant. */
@RestController
@ConditionalOnSandboxMode
@RequestMapping("/sandbox/graph/v1.0")
class GraphSimulator {

    static final String ACCEPTED_TOKEN = "Bearer sandbox-token";
    private static final String METADATA = "https://graph.microsoft.com/v1.0/$metadata";

    private final SimulatedDirectory tenant;

    GraphSimulator(SimulatedDirectory tenant) {
        this.tenant = tenant;
    }

    @GetMapping("/users/{idOrUpn}")
    ResponseEntity<Map<String, Object>> user(
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @PathVariable String idOrUpn,
            @RequestParam(name = "$select", required = false) String select) {
        if (!ACCEPTED_TOKEN.equals(authorization)) {
            return unauthenticated();
        }
        return tenant.user(idOrUpn)
                .map(user -> ResponseEntity.ok(selected(userJson(user), select)))
                .orElseGet(() -> GraphErrors.notFound(idOrUpn));
    }

    @PostMapping("/users/{idOrUpn}/checkMemberGroups")
    ResponseEntity<Map<String, Object>> checkMemberGroups(
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @PathVariable String idOrUpn,
            @RequestBody Map<String, List<String>> body) {
        if (!ACCEPTED_TOKEN.equals(authorization)) {
            return unauthenticated();
        }
        List<String> groupIds = body.getOrDefault("groupIds", List.of());
        if (groupIds.size() > 20) {
            return GraphErrors.error(
                    HttpStatus.BAD_REQUEST,
                    "Request_BadRequest",
                    "The number of groupIds passed in exceeds the maximum of 20.");
        }
        return tenant.user(idOrUpn)
                .map(user -> ResponseEntity.ok(collection(tenant.memberGroups(user.id(), groupIds))))
                .orElseGet(() -> GraphErrors.notFound(idOrUpn));
    }

    private static ResponseEntity<Map<String, Object>> unauthenticated() {
        return GraphErrors.error(HttpStatus.UNAUTHORIZED, "InvalidAuthenticationToken", "Access token is empty.");
    }

    private static Map<String, Object> userJson(TenantSeed.SeedUser user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", METADATA + "#users/$entity");
        json.put("id", user.id());
        json.put("displayName", user.displayName());
        json.put("userPrincipalName", user.userPrincipalName());
        json.put("mailNickname", user.mailNickname());
        json.put("mail", user.userPrincipalName());
        json.put("accountEnabled", user.accountEnabled());
        json.put("usageLocation", user.usageLocation());
        return json;
    }

    private static Map<String, Object> selected(Map<String, Object> json, String select) {
        if (select == null || select.isBlank()) {
            return json;
        }
        Set<String> fields = Arrays.stream(select.split(",")).map(String::trim).collect(Collectors.toSet());
        Map<String, Object> result = new LinkedHashMap<>();
        json.forEach((key, value) -> {
            if (key.startsWith("@odata") || fields.contains(key)) {
                result.put(key, value);
            }
        });
        return result;
    }

    private static Map<String, Object> collection(Set<String> values) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", METADATA + "#Collection(Edm.String)");
        json.put("value", List.copyOf(values));
        return json;
    }
}
