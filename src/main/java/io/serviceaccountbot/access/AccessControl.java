package io.serviceaccountbot.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.serviceaccountbot.command.Role;
import io.serviceaccountbot.provisioning.Directory;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The roles a person holds, from their transitive membership of the configured groups. A person without an Entra
 * object id holds none.
 *
 * @see io.serviceaccountbot.provisioning.TenantException thrown when the directory cannot answer
 */
public class AccessControl {

    private final Directory directory;
    private final Map<String, Role> roleByGroup;
    private final Cache<String, Set<Role>> recent;

    AccessControl(Directory directory, AccessProperties properties) {
        this.directory = directory;
        this.roleByGroup = Map.of(
                properties.adminsGroupId().toLowerCase(Locale.ROOT), Role.PROVISIONING_ADMIN,
                properties.approversGroupId().toLowerCase(Locale.ROOT), Role.APPROVER);
        this.recent = Caffeine.newBuilder()
                .expireAfterWrite(properties.roleCacheTtl())
                .maximumSize(10_000)
                .build();
    }

    /** Roles for showing what someone may do; may be up to the cache time old. */
    public Set<Role> rolesOf(String aadObjectId) {
        if (aadObjectId == null || aadObjectId.isBlank()) {
            return Set.of();
        }
        return recent.get(aadObjectId, this::lookUp);
    }

    /** Roles checked against the directory now, for deciding whether someone may change something. */
    public Set<Role> currentRolesOf(String aadObjectId) {
        if (aadObjectId == null || aadObjectId.isBlank()) {
            return Set.of();
        }
        Set<Role> roles = lookUp(aadObjectId);
        recent.put(aadObjectId, roles);
        return roles;
    }

    private Set<Role> lookUp(String aadObjectId) {
        Set<String> groups = directory.memberGroups(aadObjectId, roleByGroup.keySet());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        groups.forEach(group -> {
            Role role = roleByGroup.get(group.toLowerCase(Locale.ROOT));
            if (role != null) {
                roles.add(role);
            }
        });
        return Set.copyOf(roles);
    }
}
