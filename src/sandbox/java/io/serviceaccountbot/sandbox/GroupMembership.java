package io.serviceaccountbot.sandbox;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated tenant's groups, from the seed, and who belongs to them, directly or through nested groups, as
 * {@code checkMemberGroups} reports it. The groups do not change, so no lock is needed.
 */
final class GroupMembership {

    private final Map<String, TenantSeed.SeedGroup> groups = new LinkedHashMap<>();

    GroupMembership(List<TenantSeed.SeedGroup> seed) {
        seed.forEach(group -> groups.put(key(group.id()), group));
    }

    /** Every group, as given. */
    List<TenantSeed.SeedGroup> all() {
        return List.copyOf(groups.values());
    }

    Optional<TenantSeed.SeedGroup> group(String id) {
        return Optional.ofNullable(groups.get(key(id)));
    }

    /** Of the given groups, those the object belongs to directly or through nested groups. */
    Set<String> memberGroups(String objectId, Collection<String> groupIds) {
        Set<String> result = new HashSet<>();
        for (String groupId : groupIds) {
            if (transitivelyContains(key(groupId), key(objectId))) {
                result.add(groupId);
            }
        }
        return result;
    }

    /** Everyone in the group, directly or through nested groups, who is not a group. */
    Set<String> transitiveNonGroupMembers(String groupId) {
        Set<String> found = new java.util.LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of(key(groupId)));
        Set<String> seen = new HashSet<>();
        while (!toVisit.isEmpty()) {
            TenantSeed.SeedGroup group = groups.get(toVisit.pop());
            if (group == null || !seen.add(key(group.id()))) {
                continue;
            }
            for (String member : group.members()) {
                if (groups.containsKey(key(member))) {
                    toVisit.push(key(member));
                } else {
                    found.add(member);
                }
            }
        }
        return found;
    }

    private boolean transitivelyContains(String groupId, String objectId) {
        Deque<String> toVisit = new ArrayDeque<>(List.of(groupId));
        Set<String> seen = new HashSet<>();
        while (!toVisit.isEmpty()) {
            TenantSeed.SeedGroup group = groups.get(toVisit.pop());
            if (group == null || !seen.add(key(group.id()))) {
                continue;
            }
            for (String member : group.members()) {
                if (key(member).equals(objectId)) {
                    return true;
                }
                toVisit.push(key(member));
            }
        }
        return false;
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
