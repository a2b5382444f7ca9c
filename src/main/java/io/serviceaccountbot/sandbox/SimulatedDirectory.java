package io.serviceaccountbot.sandbox;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The simulated Entra ID: users and groups, looked up the way Entra ID does. */
class SimulatedDirectory {

    private final String tenantId;
    private final List<String> domains;
    private final Map<String, TenantSeed.SeedUser> users = new LinkedHashMap<>();
    private final Map<String, TenantSeed.SeedGroup> groups = new LinkedHashMap<>();

    SimulatedDirectory(TenantSeed seed) {
        this.tenantId = seed.tenantId();
        this.domains = List.copyOf(seed.domains());
        seed.users().forEach(user -> users.put(user.id().toLowerCase(), user));
        seed.groups().forEach(group -> groups.put(group.id().toLowerCase(), group));
    }

    String tenantId() {
        return tenantId;
    }

    List<String> domains() {
        return domains;
    }

    /** A user by object id or (case-insensitive) user principal name, as {@code /users/{id | userPrincipalName}}. */
    synchronized Optional<TenantSeed.SeedUser> user(String idOrUpn) {
        TenantSeed.SeedUser byId = users.get(idOrUpn.toLowerCase());
        if (byId != null) {
            return Optional.of(byId);
        }
        return users.values().stream()
                .filter(user -> user.userPrincipalName().equalsIgnoreCase(idOrUpn))
                .findFirst();
    }

    /** Of the given groups, those the object belongs to directly or through nested groups. */
    synchronized Set<String> memberGroups(String objectId, Collection<String> groupIds) {
        Set<String> result = new HashSet<>();
        for (String groupId : groupIds) {
            if (transitivelyContains(groupId.toLowerCase(), objectId.toLowerCase())) {
                result.add(groupId);
            }
        }
        return result;
    }

    private boolean transitivelyContains(String groupId, String objectId) {
        Deque<String> toVisit = new ArrayDeque<>(List.of(groupId));
        Set<String> seen = new HashSet<>();
        while (!toVisit.isEmpty()) {
            TenantSeed.SeedGroup group = groups.get(toVisit.pop());
            if (group == null || !seen.add(group.id().toLowerCase())) {
                continue;
            }
            for (String member : group.members()) {
                if (member.equalsIgnoreCase(objectId)) {
                    return true;
                }
                toVisit.push(member.toLowerCase());
            }
        }
        return false;
    }
}
