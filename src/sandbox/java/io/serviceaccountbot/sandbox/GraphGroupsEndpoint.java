package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Groups: transitive membership checks ({@code checkMemberGroups}), a group, and its members. */
@RestController
@ConditionalOnSandboxMode
@RequestMapping(GraphGate.PREFIX)
class GraphGroupsEndpoint {

    /** {@code checkMemberGroups} takes at most 20 group ids. */
    static final int MAX_GROUP_IDS = 20;

    /** Graph's page size for a group's members when {@code $top} is not given. */
    static final int DEFAULT_MEMBERS_PAGE = 100;

    private final SimulatedDirectory directory;
    private final SimulatedExchange exchange;

    GraphGroupsEndpoint(SimulatedDirectory directory, SimulatedExchange exchange) {
        this.directory = directory;
        this.exchange = exchange;
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

    /**
     * A group's direct members, users and groups alike, each with its {@code @odata.type}
     * (https://learn.microsoft.com/graph/api/group-list-members): a group of the seed, or a mail-enabled security group
     * made in Exchange, which Entra knows by the id Exchange shows as ExternalDirectoryObjectId. {@code $select} keeps
     * the named properties a member has; pages of {@code $top} (100 unless asked) link to the next with {@code
     * @odata.nextLink}.
     */
    @GetMapping("/groups/{id}/members")
    Map<String, Object> members(
            @PathVariable String id,
            @RequestParam(name = "$select", required = false) String select,
            @RequestParam(name = "$top", required = false) String top,
            @RequestParam(name = "$skiptoken", required = false) String skipToken) {
        List<Map<String, Object>> members = memberIds(id).stream()
                .map(this::member)
                .map(member -> selected(member, ODataQuery.names(select)))
                .toList();
        return ODataQuery.page(members, top, skipToken, DEFAULT_MEMBERS_PAGE, "directoryObjects");
    }

    /** The members' object ids, of a seed group or of a group made in Exchange; 404 when there is neither. */
    private List<String> memberIds(String id) {
        Optional<TenantSeed.SeedGroup> seeded = directory.group(id);
        if (seeded.isPresent()) {
            return seeded.get().members();
        }
        return exchange.groupByObjectId(id)
                .map(group -> group.memberKeys().stream()
                        .map(key -> key.substring(key.indexOf(':') + 1))
                        .toList())
                .orElseThrow(() -> GraphRefusal.notFound(id));
    }

    private Map<String, Object> member(String objectId) {
        Optional<Map<String, Object>> user = directory.user(objectId).map(found -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("@odata.type", "#microsoft.graph.user");
            json.put("id", found.id());
            json.put("displayName", found.displayName());
            json.put("userPrincipalName", found.userPrincipalName());
            json.put("mail", found.userPrincipalName());
            return json;
        });
        return user.or(() -> directory.group(objectId).map(group -> group(group.id(), group.displayName())))
                .or(() -> exchange.groupByObjectId(objectId).map(group -> group(group.id(), group.name())))
                .orElseGet(() -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("@odata.type", "#microsoft.graph.directoryObject");
                    json.put("id", objectId);
                    return json;
                });
    }

    private static Map<String, Object> group(String id, String displayName) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.type", "#microsoft.graph.group");
        json.put("id", id);
        json.put("displayName", displayName);
        json.put("securityEnabled", true);
        return json;
    }

    /** A member with the selected properties it has; its {@code @odata.type} stays, as Graph keeps it. */
    private static Map<String, Object> selected(Map<String, Object> member, List<String> names) {
        if (names.isEmpty()) {
            return member;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("@odata.type", member.get("@odata.type"));
        for (String name : names) {
            member.keySet().stream()
                    .filter(name::equalsIgnoreCase)
                    .findFirst()
                    .ifPresent(key -> result.put(key, member.get(key)));
        }
        return result;
    }
}
