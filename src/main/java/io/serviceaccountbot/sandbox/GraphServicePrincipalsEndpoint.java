package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /servicePrincipals}: the tenant's enterprise applications, listed with {@code $filter} (e.g. {@code appId eq
 * '…'}), {@code $select} and paging, or one by object id.
 */
@RestController
@ConditionalOnSandboxMode
@RequestMapping(GraphGate.PREFIX)
class GraphServicePrincipalsEndpoint {

    private static final String TYPE = "microsoft.graph.servicePrincipal";
    private static final Set<String> FILTERABLE = Set.of("id", "appId", "displayName");
    private static final int DEFAULT_PAGE_SIZE = 100;

    private final SimulatedDirectory directory;

    GraphServicePrincipalsEndpoint(SimulatedDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/servicePrincipals")
    Map<String, Object> servicePrincipals(
            @RequestParam(name = "$filter", required = false) String filter,
            @RequestParam(name = "$select", required = false) String select,
            @RequestParam(name = "$top", required = false) String top,
            @RequestParam(name = "$skiptoken", required = false) String skipToken) {
        Predicate<Map<String, Object>> matches = filter == null || filter.isBlank()
                ? json -> true
                : ODataFilter.parse(filter, FILTERABLE, "ServicePrincipal");
        List<String> names = ODataQuery.names(select);
        List<Map<String, Object>> found = directory.servicePrincipals().stream()
                .map(GraphServicePrincipalsEndpoint::json)
                .filter(matches)
                .map(json -> ODataQuery.selected(json, names, TYPE))
                .toList();
        String context = names.isEmpty() ? "servicePrincipals" : "servicePrincipals(" + String.join(",", names) + ")";
        return ODataQuery.page(found, top, skipToken, DEFAULT_PAGE_SIZE, context);
    }

    @GetMapping("/servicePrincipals/{id}")
    Map<String, Object> servicePrincipal(
            @PathVariable String id, @RequestParam(name = "$select", required = false) String select) {
        TenantSeed.SeedServicePrincipal principal = directory.servicePrincipals().stream()
                .filter(candidate -> candidate.id().equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> GraphRefusal.notFound(id));
        return ODataQuery.select(json(principal), select, "servicePrincipals", TYPE);
    }

    private static Map<String, Object> json(TenantSeed.SeedServicePrincipal principal) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", principal.id());
        json.put("accountEnabled", true);
        json.put("appDisplayName", principal.displayName());
        json.put("appId", principal.appId());
        json.put("displayName", principal.displayName());
        json.put("servicePrincipalType", "Application");
        json.put("signInAudience", "AzureADMultipleOrgs");
        json.put("tags", List.of("WindowsAzureActiveDirectoryIntegratedApp"));
        return json;
    }
}
