package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /subscribedSkus} and {@code /users/{id}/assignLicense}. */
@RestController
@ConditionalOnSandboxMode
@RequestMapping(GraphGate.PREFIX)
class GraphLicensingEndpoint {

    private final SimulatedDirectory directory;

    GraphLicensingEndpoint(SimulatedDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/subscribedSkus")
    Map<String, Object> subscribedSkus(@RequestParam(name = "$select", required = false) String select) {
        List<String> names = ODataQuery.names(select);
        List<Map<String, Object>> value = directory.skus().stream()
                .map(sku -> ODataQuery.selected(json(sku), names, "microsoft.graph.subscribedSku"))
                .toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "@odata.context",
                ODataQuery.METADATA + "#subscribedSkus" + (names.isEmpty() ? "" : "(" + String.join(",", names) + ")"));
        json.put("value", value);
        return json;
    }

    /**
     * Adds and removes licences. Like Graph, it needs both {@code addLicenses} and {@code removeLicenses}, even when
     * one is empty, and answers with the user.
     */
    @PostMapping("/users/{idOrUpn}/assignLicense")
    Map<String, Object> assignLicense(@PathVariable String idOrUpn, @RequestBody Map<String, Object> body) {
        List<String> missing = new ArrayList<>();
        for (String parameter : List.of("addLicenses", "removeLicenses")) {
            if (!(body.get(parameter) instanceof List<?>)) {
                missing.add(parameter);
            }
        }
        if (!missing.isEmpty()) {
            throw GraphRefusal.badRequest("One or more parameters of the operation 'assignLicense' are missing from the"
                    + " request payload. The missing parameters are: " + String.join(",", missing) + ".");
        }
        List<String> add = new ArrayList<>();
        for (Object license : (List<?>) body.get("addLicenses")) {
            Object skuId = license instanceof Map<?, ?> map ? map.get("skuId") : null;
            add.add(guid(skuId, "skuId"));
        }
        List<String> remove = new ArrayList<>();
        for (Object skuId : (List<?>) body.get("removeLicenses")) {
            remove.add(guid(skuId, "removeLicenses"));
        }
        SimulatedUser user = directory.assignLicenses(idOrUpn, add, remove);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", ODataQuery.METADATA + "#users/$entity");
        json.putAll(GraphUsersEndpoint.defaults(UserJson.of(user, directory)));
        return json;
    }

    private static String guid(Object value, String property) {
        try {
            return UUID.fromString(String.valueOf(value)).toString();
        } catch (IllegalArgumentException notAGuid) {
            throw GraphRefusal.badRequest("Invalid value specified for property '" + property + "'.");
        }
    }

    private Map<String, Object> json(SimulatedSku sku) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accountName", "Simulated tenant");
        json.put("accountId", directory.tenantId());
        json.put("appliesTo", "User");
        json.put("capabilityStatus", "Enabled");
        json.put("consumedUnits", directory.consumed(sku));
        json.put("id", directory.tenantId() + "_" + sku.skuId());
        json.put(
                "prepaidUnits",
                Map.of("enabled", sku.seed().enabledUnits(), "lockedOut", 0, "suspended", 0, "warning", 0));
        json.put("servicePlans", servicePlans(sku));
        json.put("skuId", sku.skuId());
        json.put("skuPartNumber", sku.skuPartNumber());
        json.put(
                "subscriptionIds",
                List.of(UUID.nameUUIDFromBytes(sku.skuId().getBytes()).toString()));
        return json;
    }

    static List<Map<String, Object>> servicePlans(SimulatedSku sku) {
        return sku.servicePlans().stream()
                .map(plan -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("servicePlanId", plan.servicePlanId());
                    json.put("servicePlanName", plan.servicePlanName());
                    json.put("provisioningStatus", "Success");
                    json.put("appliesTo", plan.appliesTo());
                    return json;
                })
                .toList();
    }
}
