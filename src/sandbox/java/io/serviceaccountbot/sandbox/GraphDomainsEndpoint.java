package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /domains}: the organisation's domains, which ones are verified and which is the default. */
@RestController
@ConditionalOnSandboxMode
@RequestMapping(GraphGate.PREFIX)
class GraphDomainsEndpoint {

    private static final String TYPE = "microsoft.graph.domain";

    private final SimulatedDirectory directory;

    GraphDomainsEndpoint(SimulatedDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/domains")
    Map<String, Object> domains(@RequestParam(name = "$select", required = false) String select) {
        List<String> names = ODataQuery.names(select);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "@odata.context",
                ODataQuery.METADATA + "#domains" + (names.isEmpty() ? "" : "(" + String.join(",", names) + ")"));
        json.put(
                "value",
                directory.domainEntries().stream()
                        .map(domain -> ODataQuery.selected(json(domain), names, TYPE))
                        .toList());
        return json;
    }

    @GetMapping("/domains/{id}")
    Map<String, Object> domain(
            @PathVariable String id, @RequestParam(name = "$select", required = false) String select) {
        TenantSeed.SeedDomain domain = directory.domainEntries().stream()
                .filter(candidate -> candidate.id().equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> GraphRefusal.notFound(id));
        return ODataQuery.select(json(domain), select, "domains", TYPE);
    }

    private static Map<String, Object> json(TenantSeed.SeedDomain domain) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("authenticationType", "Managed");
        json.put("availabilityStatus", null);
        json.put("id", domain.id());
        json.put("isAdminManaged", true);
        json.put("isDefault", domain.isDefault());
        json.put("isInitial", domain.isInitial());
        json.put("isRoot", true);
        json.put("isVerified", domain.isVerified());
        json.put("supportedServices", List.of("Email", "OfficeCommunicationsOnline"));
        return json;
    }
}
