package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /servicePrincipals}: the tenant's enterprise applications, listed with {@code $filter} (e.g. {@code appId eq
 * '…'}), {@code $select} and paging, or one by object id with its {@code appRoles}; and the application permissions
 * one holds tenant-wide, {@code /servicePrincipals/{id}/appRoleAssignments}, listed (serviceprincipal-list-approleassignments)
 * and removed one by one (serviceprincipal-delete-approleassignments: 204, or 404 when there is no such assignment);
 * and those granted on an API to any app, {@code /servicePrincipals/{id}/appRoleAssignedTo}, listed with paging
 * (serviceprincipal-list-approleassignedto).
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
        TenantSeed.SeedServicePrincipal principal =
                directory.servicePrincipal(id).orElseThrow(() -> GraphRefusal.notFound(id));
        return ODataQuery.select(json(principal), select, "servicePrincipals", TYPE);
    }

    @GetMapping("/servicePrincipals/{id}/appRoleAssignments")
    Map<String, Object> appRoleAssignments(
            @PathVariable String id,
            @RequestParam(name = "$top", required = false) String top,
            @RequestParam(name = "$skiptoken", required = false) String skipToken) {
        TenantSeed.SeedServicePrincipal principal =
                directory.servicePrincipal(id).orElseThrow(() -> GraphRefusal.notFound(id));
        List<Map<String, Object>> assignments = directory.appRoleAssignments(principal.id()).stream()
                .map(assignment -> assignmentJson(principal, assignment))
                .toList();
        return ODataQuery.page(
                assignments,
                top,
                skipToken,
                DEFAULT_PAGE_SIZE,
                "servicePrincipals('" + principal.id() + "')/appRoleAssignments");
    }

    @GetMapping("/servicePrincipals/{id}/appRoleAssignedTo")
    Map<String, Object> appRoleAssignedTo(
            @PathVariable String id,
            @RequestParam(name = "$top", required = false) String top,
            @RequestParam(name = "$skiptoken", required = false) String skipToken) {
        TenantSeed.SeedServicePrincipal resource =
                directory.servicePrincipal(id).orElseThrow(() -> GraphRefusal.notFound(id));
        List<Map<String, Object>> assignments = directory.appRoleAssignedTo(resource.id()).stream()
                .flatMap(assignment -> directory.servicePrincipal(assignment.principalId())
                        .map(principal -> assignmentJson(principal, assignment))
                        .stream())
                .toList();
        return ODataQuery.page(
                assignments,
                top,
                skipToken,
                DEFAULT_PAGE_SIZE,
                "servicePrincipals('" + resource.id() + "')/appRoleAssignedTo");
    }

    @DeleteMapping("/servicePrincipals/{id}/appRoleAssignments/{assignmentId}")
    ResponseEntity<Void> removeAppRoleAssignment(@PathVariable String id, @PathVariable String assignmentId) {
        directory.servicePrincipal(id).orElseThrow(() -> GraphRefusal.notFound(id));
        if (!directory.removeAppRoleAssignment(id, assignmentId)) {
            throw GraphRefusal.notFound(assignmentId);
        }
        return ResponseEntity.noContent().build();
    }

    /** An appRoleAssignment in the documented shape; a principal of a service principal is a "ServicePrincipal". */
    private Map<String, Object> assignmentJson(
            TenantSeed.SeedServicePrincipal principal, TenantSeed.SeedAppRoleAssignment assignment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", assignment.id());
        json.put("deletedDateTime", null);
        json.put("appRoleId", assignment.appRoleId());
        json.put("createdDateTime", assignment.createdDateTime());
        json.put("principalDisplayName", principal.displayName());
        json.put("principalId", principal.id());
        json.put("principalType", "ServicePrincipal");
        json.put(
                "resourceDisplayName",
                directory
                        .servicePrincipal(assignment.resourceId())
                        .map(TenantSeed.SeedServicePrincipal::displayName)
                        .orElse(null));
        json.put("resourceId", assignment.resourceId());
        return json;
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
        json.put(
                "appRoles",
                principal.appRoles().stream()
                        .map(GraphServicePrincipalsEndpoint::appRole)
                        .toList());
        return json;
    }

    /** An app role as Graph shows it on a service principal. */
    private static Map<String, Object> appRole(TenantSeed.SeedAppRole role) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("allowedMemberTypes", List.of("Application"));
        json.put("description", role.displayName());
        json.put("displayName", role.displayName());
        json.put("id", role.id());
        json.put("isEnabled", true);
        json.put("origin", "Application");
        json.put("value", role.value());
        return json;
    }
}
