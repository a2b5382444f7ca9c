package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /users}: get one by id or user principal name, list with {@code $filter} and paging, create, update. */
@RestController
@ConditionalOnSandboxMode
@RequestMapping(GraphGate.PREFIX)
class GraphUsersEndpoint {

    static final String USER_TYPE = "microsoft.graph.user";
    private static final int DEFAULT_PAGE_SIZE = 100;

    private final SimulatedDirectory directory;
    private final SimulatedCredentials credentials;

    GraphUsersEndpoint(SimulatedDirectory directory, SimulatedCredentials credentials) {
        this.directory = directory;
        this.credentials = credentials;
    }

    @GetMapping("/users/{idOrUpn}")
    Map<String, Object> user(
            @PathVariable String idOrUpn, @RequestParam(name = "$select", required = false) String select) {
        SimulatedUser user = directory.user(idOrUpn).orElseThrow(() -> GraphRefusal.notFound(idOrUpn));
        return ODataQuery.select(UserJson.of(user, directory), select, "users", USER_TYPE);
    }

    @GetMapping("/users")
    Map<String, Object> users(
            @RequestParam(name = "$filter", required = false) String filter,
            @RequestParam(name = "$select", required = false) String select,
            @RequestParam(name = "$top", required = false) String top,
            @RequestParam(name = "$skiptoken", required = false) String skipToken) {
        Predicate<Map<String, Object>> matches = filter == null || filter.isBlank()
                ? json -> true
                : ODataFilter.parse(filter, UserJson.FILTERABLE, "User");
        List<String> names = ODataQuery.names(select);
        List<Map<String, Object>> found = directory.users(user -> true).stream()
                .map(user -> UserJson.of(user, directory))
                .filter(matches)
                .map(json -> ODataQuery.selected(names.isEmpty() ? defaults(json) : json, names, USER_TYPE))
                .toList();
        String context = names.isEmpty() ? "users" : "users(" + String.join(",", names) + ")";
        return ODataQuery.page(found, top, skipToken, DEFAULT_PAGE_SIZE, context);
    }

    @PostMapping("/users")
    ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
        UserRules.checkCreate(body);
        Map<?, ?> profile = (Map<?, ?>) body.get("passwordProfile");
        SimulatedUser user = directory.create(
                (String) body.get("displayName"),
                (String) body.get("userPrincipalName"),
                (String) body.get("mailNickname"),
                (Boolean) body.get("accountEnabled"),
                (String) body.get("usageLocation"),
                Boolean.TRUE.equals(profile.get("forceChangePasswordNextSignIn")),
                UserRules.passwordPolicies(body.get("passwordPolicies")));
        credentials.set(user.id(), (String) profile.get("password"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", ODataQuery.METADATA + "#users/$entity");
        json.putAll(defaults(UserJson.of(user, directory)));
        return ResponseEntity.status(HttpStatus.CREATED).body(json);
    }

    /**
     * Changes the given properties. A new password without {@code forceChangePasswordNextSignIn: false} must be
     * changed at the next sign-in, as Graph's passwordProfile documentation says.
     */
    @PatchMapping("/users/{idOrUpn}")
    ResponseEntity<Void> update(@PathVariable String idOrUpn, @RequestBody Map<String, Object> body) {
        UserRules.checkUpdate(body);
        SimulatedUser updated = directory.update(idOrUpn, user -> {
            SimulatedUser changed = user;
            if (body.get("displayName") instanceof String name) {
                changed = changed.withDisplayName(name);
            }
            if (body.get("accountEnabled") instanceof Boolean enabled) {
                changed = changed.withAccountEnabled(enabled);
            }
            if (body.containsKey("usageLocation")) {
                changed = changed.withUsageLocation((String) body.get("usageLocation"));
            }
            if (body.containsKey("passwordPolicies")) {
                changed = changed.withPasswordPolicies(UserRules.passwordPolicies(body.get("passwordPolicies")));
            }
            if (body.get("passwordProfile") instanceof Map<?, ?> profile) {
                Object force = profile.get("forceChangePasswordNextSignIn");
                if (profile.get("password") != null) {
                    changed = changed.withPasswordSet(!Boolean.FALSE.equals(force), directory.now());
                } else if (force instanceof Boolean flag) {
                    changed = changed.withForceChange(flag);
                }
            }
            return changed;
        });
        if (body.get("passwordProfile") instanceof Map<?, ?> profile && profile.get("password") instanceof String set) {
            credentials.set(updated.id(), set);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/users/{idOrUpn}/licenseDetails")
    Map<String, Object> licenseDetails(@PathVariable String idOrUpn) {
        SimulatedUser user = directory.user(idOrUpn).orElseThrow(() -> GraphRefusal.notFound(idOrUpn));
        List<Map<String, Object>> details = user.licences().stream()
                .flatMap(licence -> directory.sku(licence.skuId()).stream())
                .map(sku -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("id", user.id() + "_" + sku.skuId());
                    json.put("skuId", sku.skuId());
                    json.put("skuPartNumber", sku.skuPartNumber());
                    json.put("servicePlans", GraphLicensingEndpoint.servicePlans(sku));
                    return json;
                })
                .toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", ODataQuery.METADATA + "#users('" + user.id() + "')/licenseDetails");
        json.put("value", details);
        return json;
    }

    static Map<String, Object> defaults(Map<String, Object> full) {
        Map<String, Object> json = new LinkedHashMap<>();
        UserJson.DEFAULT_PROPERTIES.forEach(name -> json.put(name, full.get(name)));
        return json;
    }
}
