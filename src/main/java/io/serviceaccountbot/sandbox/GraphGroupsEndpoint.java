package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Groups: transitive membership checks ({@code checkMemberGroups}) and, for inspection, a group and its members. */
@RestController
@ConditionalOnSandboxMode
@RequestMapping(GraphGate.PREFIX)
class GraphGroupsEndpoint {

    /** {@code checkMemberGroups} takes at most 20 group ids. */
    static final int MAX_GROUP_IDS = 20;

    private final SimulatedDirectory directory;

    GraphGroupsEndpoint(SimulatedDirectory directory) {
        this.directory = directory;
    }

    @PostMapping({
        "/users/{id}/checkMemberGroups",
        "/groups/{id}/checkMemberGroups",
        "/directoryObjects/{id}/checkMemberGroups"
    })
    Map<String, Object> checkMemberGroups(@PathVariable String id, @RequestBody Map<String, Object> body) {
        if (!(body.get("groupIds") instanceof List<?> ids)) {
            throw GraphRefusal.badRequest("One or more parameters of the operation 'checkMemberGroups' are missing from"
                    + " the request payload. The missing parameters are: groupIds.");
        }
        if (ids.size() > MAX_GROUP_IDS) {
            throw GraphRefusal.badRequest("The number of groupIds passed in exceeds the maximum of 20.");
        }
        String objectId = directory.user(id).map(SimulatedUser::id).orElse(null);
        if (objectId == null && directory.group(id).isEmpty()) {
            throw GraphRefusal.notFound(id);
        }
        Set<String> found = directory.memberGroups(
                objectId == null ? id : objectId,
                ids.stream().map(String::valueOf).toList());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", ODataQuery.METADATA + "#Collection(Edm.String)");
        json.put(
                "value",
                ids.stream().map(String::valueOf).filter(found::contains).toList());
        return json;
    }

    @GetMapping("/groups/{id}")
    Map<String, Object> group(@PathVariable String id) {
        TenantSeed.SeedGroup group = directory.group(id).orElseThrow(() -> GraphRefusal.notFound(id));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", ODataQuery.METADATA + "#groups/$entity");
        json.put("id", group.id());
        json.put("displayName", group.displayName());
        json.put("description", group.description());
        json.put("mailEnabled", false);
        json.put("securityEnabled", group.securityEnabled());
        json.put("groupTypes", List.of());
        return json;
    }

    /**
     * The users in a group, nested groups expanded: {@code /groups/{id}/transitiveMembers/microsoft.graph.user}, or
     * {@code …/graph.user} as the Graph SDK writes the cast.
     */
    @GetMapping({"/groups/{id}/transitiveMembers/microsoft.graph.user", "/groups/{id}/transitiveMembers/graph.user"})
    Map<String, Object> transitiveUsers(@PathVariable String id) {
        directory.group(id).orElseThrow(() -> GraphRefusal.notFound(id));
        List<Map<String, Object>> users = directory.transitiveUsers(id).stream()
                .map(user -> Map.<String, Object>of(
                        "@odata.type", "#microsoft.graph.user",
                        "id", user.id(),
                        "displayName", user.displayName(),
                        "userPrincipalName", user.userPrincipalName()))
                .toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", ODataQuery.METADATA + "#users");
        json.put("value", users);
        return json;
    }

    @GetMapping("/groups/{id}/members")
    Map<String, Object> members(@PathVariable String id) {
        TenantSeed.SeedGroup group = directory.group(id).orElseThrow(() -> GraphRefusal.notFound(id));
        List<Map<String, Object>> members = group.members().stream()
                .map(member -> directory
                        .user(member)
                        .<Map<String, Object>>map(user -> Map.of(
                                "@odata.type", "#microsoft.graph.user",
                                "id", user.id(),
                                "displayName", user.displayName(),
                                "userPrincipalName", user.userPrincipalName()))
                        .or(() -> directory
                                .group(member)
                                .map(nested -> Map.of(
                                        "@odata.type", "#microsoft.graph.group",
                                        "id", nested.id(),
                                        "displayName", nested.displayName())))
                        .orElse(Map.of("@odata.type", "#microsoft.graph.directoryObject", "id", member)))
                .toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", ODataQuery.METADATA + "#directoryObjects");
        json.put("value", members);
        return json;
    }
}
