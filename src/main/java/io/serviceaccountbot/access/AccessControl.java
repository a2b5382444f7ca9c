package io.serviceaccountbot.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.serviceaccountbot.command.Role;
import io.serviceaccountbot.tenant.Directory;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The roles a person holds, from their transitive membership of the configured groups. A person without an Entra
 * object id holds none.
 *
 * <p>How fresh an answer is depends on what it decides (deny by default throughout):
 *
 * <ul>
 *   <li>{@link #currentRolesOf} asks the directory now; approval decisions (card clicks) and {@code whoami} use it.
 *   <li>{@link #rolesForCommand} lets a privileged command be <em>refused</em> on an answer up to {@code
 *       bot.access.refusal-cache-ttl} old, and asks afresh before it is <em>allowed</em>. So someone without the role
 *       who types command after command costs one directory look-up per TTL (Graph asks clients to cache under
 *       throttling) instead of one per message; a role that was removed stops working at once; a role that was just
 *       given may be refused for up to the TTL.
 *   <li>{@link #rolesOf} may be up to {@code bot.access.role-cache-ttl} old; it only decides what help shows.
 * </ul>
 *
 * A look-up that fails is never remembered: the caller gets the exception (and refuses), and the next message asks
 * the directory again.
 *
 * @see io.serviceaccountbot.tenant.TenantException thrown when the directory cannot answer
 */
public class AccessControl {

    private final Directory directory;
    private final Map<String, Role> roleByGroup;
    private final Cache<String, Set<Role>> recent;
    private final Cache<String, Set<Role>> enoughToRefuse;

    AccessControl(Directory directory, AccessProperties properties) {
        this.directory = directory;
        this.roleByGroup = Map.of(
                properties.adminsGroupId().toLowerCase(Locale.ROOT), Role.PROVISIONING_ADMIN,
                properties.approversGroupId().toLowerCase(Locale.ROOT), Role.APPROVER);
        this.recent = Caffeine.newBuilder()
                .expireAfterWrite(properties.roleCacheTtl())
                .maximumSize(10_000)
                .build();
        this.enoughToRefuse = Caffeine.newBuilder()
                .expireAfterWrite(properties.refusalCacheTtl())
                .maximumSize(10_000)
                .build();
    }

    /** Roles for showing what someone may do; may be up to the cache time old. */
    public Set<Role> rolesOf(String aadObjectId) {
        if (aadObjectId == null || aadObjectId.isBlank()) {
            return Set.of();
        }
        return recent.get(aadObjectId, id -> {
            Set<Role> roles = askDirectory(id);
            enoughToRefuse.put(id, roles);
            return roles;
        });
    }

    /** Roles checked against the directory now, for deciding whether someone may change something. */
    public Set<Role> currentRolesOf(String aadObjectId) {
        if (aadObjectId == null || aadObjectId.isBlank()) {
            return Set.of();
        }
        return lookUp(aadObjectId);
    }

    /**
     * Roles for deciding whether someone may run a command that needs one of {@code anyOf}: an answer from the last
     * {@code refusal-cache-ttl} that holds none of them is trusted (it can only refuse); otherwise the directory is
     * asked now, so the command is never allowed on a remembered answer.
     */
    public Set<Role> rolesForCommand(String aadObjectId, Set<Role> anyOf) {
        if (aadObjectId == null || aadObjectId.isBlank()) {
            return Set.of();
        }
        Set<Role> remembered = enoughToRefuse.getIfPresent(aadObjectId);
        if (remembered != null && Collections.disjoint(remembered, anyOf)) {
            return remembered;
        }
        return lookUp(aadObjectId);
    }

    /** Asks the directory; only an answer is remembered, never a failure. */
    private Set<Role> lookUp(String aadObjectId) {
        Set<Role> roles = askDirectory(aadObjectId);
        recent.put(aadObjectId, roles);
        enoughToRefuse.put(aadObjectId, roles);
        return roles;
    }

    private Set<Role> askDirectory(String aadObjectId) {
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
