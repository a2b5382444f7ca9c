package io.serviceaccountbot.tenant.graph;

import com.microsoft.graph.models.AppRole;
import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.AppRoleAssignmentCollectionResponse;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryObjectCollectionResponse;
import com.microsoft.graph.models.Domain;
import com.microsoft.graph.models.DomainCollectionResponse;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.ServicePrincipalCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostRequestBody;
import com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostResponse;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.GroupMember;
import io.serviceaccountbot.tenant.MailboxStatus;
import io.serviceaccountbot.tenant.NewUser;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.ServicePrincipal;
import io.serviceaccountbot.tenant.SubscribedSku;
import io.serviceaccountbot.tenant.TenantException.Kind;
import io.serviceaccountbot.tenant.TenantWideGrant;
import io.serviceaccountbot.tenant.TenantWidePermission;
import io.serviceaccountbot.tenant.VerifiedDomain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The directory through Microsoft Graph, with as few round trips as the API allows: every read names exactly the
 * properties it needs ({@code $select}), and a created user is read from Graph's 201 answer instead of a second GET
 * (which could also miss it during directory replication). Licences are {@link GraphLicensing}'s.
 */
class GraphDirectory implements Directory {

    /** {@code checkMemberGroups} takes at most 20 group ids per call. */
    static final int MAX_GROUPS_PER_CHECK = 20;

    /** Verified domains change rarely and only by an admin's hand; they are read again after this long. */
    static final Duration DOMAINS_KEPT = Duration.ofMinutes(5);

    private final Supplier<GraphServiceClient> graph;
    private volatile KnownDomains knownDomains;
    private final Duration timeout;
    private final GraphLicensing licensing;

    GraphDirectory(Supplier<GraphServiceClient> graph, Duration timeout) {
        this.graph = graph;
        this.timeout = timeout;
        this.licensing = new GraphLicensing(graph, timeout);
    }

    @Override
    public Optional<DirectoryUser> findUser(String objectIdOrUpn) {
        try {
            User user = graph.get()
                    .users()
                    .byUserId(objectIdOrUpn)
                    .get(request -> request.queryParameters.select = GraphUsers.SELECT);
            return Optional.ofNullable(user).map(GraphUsers::toDirectoryUser);
        } catch (RuntimeException e) {
            GraphFailure failure = GraphFailure.of(e);
            if (failure.status() == 404) {
                return Optional.empty();
            }
            throw failure.toTenantException("look up the user " + objectIdOrUpn, timeout);
        }
    }

    @Override
    public Optional<DirectoryUser> findUserByAlias(String alias) {
        try {
            UserCollectionResponse page = graph.get().users().get(request -> {
                request.queryParameters.filter = "mailNickname eq " + ODataLiteral.quoted(alias);
                request.queryParameters.select = GraphUsers.SELECT;
            });
            return page == null || page.getValue() == null
                    ? Optional.empty()
                    : page.getValue().stream().findFirst().map(GraphUsers::toDirectoryUser);
        } catch (RuntimeException e) {
            throw GraphFailure.of(e).toTenantException("find the user with alias " + alias, timeout);
        }
    }

    @Override
    public List<DirectoryUser> findUsersByUpnOrAlias(String userPrincipalName, String alias) {
        try {
            UserCollectionResponse page = graph.get().users().get(request -> {
                request.queryParameters.filter = "userPrincipalName eq " + ODataLiteral.quoted(userPrincipalName)
                        + " or mailNickname eq " + ODataLiteral.quoted(alias);
                request.queryParameters.select = GraphUsers.SELECT;
            });
            return page == null || page.getValue() == null
                    ? List.of()
                    : page.getValue().stream().map(GraphUsers::toDirectoryUser).toList();
        } catch (RuntimeException e) {
            throw GraphFailure.of(e)
                    .toTenantException("look for users named " + userPrincipalName + " or " + alias, timeout);
        }
    }

    @Override
    public DirectoryUser createUser(NewUser user) {
        try {
            User created = graph.get().users().post(GraphUsers.newUser(user));
            return GraphUsers.created(created, user);
        } catch (RuntimeException e) {
            GraphFailure failure = GraphFailure.of(e);
            if (!failure.conflictOn("userPrincipalName")) {
                throw failure.toTenantException("create the user " + user.userPrincipalName(), timeout);
            }
            return findUser(user.userPrincipalName())
                    .orElseThrow(() -> failure.as(
                            Kind.UNAVAILABLE,
                            "Microsoft Graph says " + user.userPrincipalName()
                                    + " exists but cannot show it yet (directory replication). Try again shortly."));
        }
    }

    @Override
    public void resetPassword(String userId, Secret password) {
        User change = new User();
        change.setPasswordProfile(GraphUsers.passwordProfile(password));
        patch(userId, change, "set a new password for " + userId);
    }

    @Override
    public void setPasswordPolicies(String userId, Set<String> policies) {
        User change = new User();
        change.setPasswordPolicies(GraphUsers.passwordPolicies(policies));
        patch(userId, change, "set the password policies of " + userId + " to " + change.getPasswordPolicies());
    }

    @Override
    public void setUsageLocation(String userId, String countryCode) {
        User change = new User();
        change.setUsageLocation(countryCode);
        patch(userId, change, "set the usage location of " + userId + " to " + countryCode);
    }

    private void patch(String userId, User change, String action) {
        try {
            graph.get().users().byUserId(userId).patch(change);
        } catch (RuntimeException e) {
            throw GraphFailure.of(e).toTenantException(action, timeout);
        }
    }

    @Override
    public List<SubscribedSku> subscribedSkus() {
        return licensing.subscribedSkus();
    }

    @Override
    public void assignLicense(String userId, String skuPartNumber) {
        licensing.assign(userId, skuPartNumber);
    }

    @Override
    public MailboxStatus mailboxStatus(String userId) {
        try {
            graph.get().users().byUserId(userId).mailboxSettings().get();
            return MailboxStatus.READY;
        } catch (RuntimeException e) {
            GraphFailure failure = GraphFailure.of(e);
            if ("MailboxNotEnabledForRESTAPI".equalsIgnoreCase(failure.code())) {
                return MailboxStatus.NOT_PROVISIONED;
            }
            throw failure.toTenantException("check the mailbox of " + userId, timeout);
        }
    }

    @Override
    public Set<String> memberGroups(String objectId, Collection<String> groupIds) {
        Set<String> found = new HashSet<>();
        List<String> ids = new ArrayList<>(groupIds);
        for (int from = 0; from < ids.size(); from += MAX_GROUPS_PER_CHECK) {
            CheckMemberGroupsPostRequestBody body = new CheckMemberGroupsPostRequestBody();
            body.setGroupIds(ids.subList(from, Math.min(ids.size(), from + MAX_GROUPS_PER_CHECK)));
            try {
                CheckMemberGroupsPostResponse response = graph.get()
                        .users()
                        .byUserId(objectId)
                        .checkMemberGroups()
                        .post(body);
                if (response != null && response.getValue() != null) {
                    found.addAll(response.getValue());
                }
            } catch (RuntimeException e) {
                GraphFailure failure = GraphFailure.of(e);
                if (failure.status() == 404) {
                    return Set.of();
                }
                throw failure.toTenantException("check the group membership of " + objectId, timeout);
            }
        }
        return found;
    }

    @Override
    public List<GroupMember> groupMembers(String groupId) {
        try {
            List<GroupMember> members = new ArrayList<>();
            DirectoryObjectCollectionResponse page = graph.get()
                    .groups()
                    .byGroupId(groupId)
                    .members()
                    .get(request ->
                            request.queryParameters.select = new String[] {"id", "displayName", "userPrincipalName"});
            while (page != null) {
                for (DirectoryObject member : page.getValue() == null ? List.<DirectoryObject>of() : page.getValue()) {
                    members.add(member(member));
                }
                String next = page.getOdataNextLink();
                page = next == null
                        ? null
                        : graph.get()
                                .groups()
                                .byGroupId(groupId)
                                .members()
                                .withUrl(next)
                                .get();
            }
            return members;
        } catch (RuntimeException e) {
            throw GraphFailure.of(e).toTenantException("list the members of group " + groupId, timeout);
        }
    }

    /** A member as Graph typed it by its {@code @odata.type}: a user, a group, or another kind of object. */
    private static GroupMember member(DirectoryObject member) {
        if (member instanceof User user) {
            return new GroupMember(user.getId(), user.getDisplayName(), user.getUserPrincipalName(), false);
        }
        if (member instanceof Group group) {
            return new GroupMember(group.getId(), group.getDisplayName(), null, true);
        }
        Object name = member.getAdditionalData().get("displayName");
        return new GroupMember(member.getId(), name == null ? null : name.toString(), null, false);
    }

    @Override
    public Set<String> transitiveUserMembers(String groupId) {
        try {
            Set<String> ids = new java.util.LinkedHashSet<>();
            UserCollectionResponse page = graph.get()
                    .groups()
                    .byGroupId(groupId)
                    .transitiveMembers()
                    .graphUser()
                    .get(request -> request.queryParameters.select = new String[] {"id"});
            while (page != null) {
                for (User user : page.getValue() == null ? List.<User>of() : page.getValue()) {
                    ids.add(user.getId());
                }
                String next = page.getOdataNextLink();
                page = next == null
                        ? null
                        : graph.get()
                                .groups()
                                .byGroupId(groupId)
                                .transitiveMembers()
                                .graphUser()
                                .withUrl(next)
                                .get();
            }
            return ids;
        } catch (RuntimeException e) {
            throw GraphFailure.of(e).toTenantException("list the members of group " + groupId, timeout);
        }
    }

    @Override
    public Optional<ServicePrincipal> findServicePrincipal(String appId) {
        try {
            ServicePrincipalCollectionResponse page = graph.get()
                    .servicePrincipals()
                    .get(request -> {
                        request.queryParameters.filter = "appId eq " + ODataLiteral.quoted(appId);
                        request.queryParameters.select = new String[] {"id", "appId", "displayName"};
                    });
            return page == null || page.getValue() == null
                    ? Optional.empty()
                    : page.getValue().stream()
                            .findFirst()
                            .map(found ->
                                    new ServicePrincipal(found.getId(), found.getAppId(), found.getDisplayName()));
        } catch (RuntimeException e) {
            throw GraphFailure.of(e).toTenantException("find the enterprise app with app id " + appId, timeout);
        }
    }

    /**
     * The app's appRoleAssignments (serviceprincipal-list-approleassignments), every page, each appRoleId named by the
     * resource service principal's appRoles, read once per resource.
     */
    @Override
    public List<TenantWidePermission> tenantWidePermissions(ServicePrincipal app) {
        try {
            List<AppRoleAssignment> assignments = new ArrayList<>();
            AppRoleAssignmentCollectionResponse page = graph.get()
                    .servicePrincipals()
                    .byServicePrincipalId(app.id())
                    .appRoleAssignments()
                    .get();
            while (page != null) {
                assignments.addAll(page.getValue() == null ? List.of() : page.getValue());
                String next = page.getOdataNextLink();
                page = next == null
                        ? null
                        : graph.get()
                                .servicePrincipals()
                                .byServicePrincipalId(app.id())
                                .appRoleAssignments()
                                .withUrl(next)
                                .get();
            }
            Map<String, com.microsoft.graph.models.ServicePrincipal> resources = new HashMap<>();
            List<TenantWidePermission> permissions = new ArrayList<>();
            for (AppRoleAssignment assignment : assignments) {
                String resourceId = String.valueOf(assignment.getResourceId());
                com.microsoft.graph.models.ServicePrincipal resource =
                        resources.computeIfAbsent(resourceId, this::resource);
                permissions.add(new TenantWidePermission(
                        assignment.getId(),
                        resource.getAppId(),
                        resource.getDisplayName() != null
                                ? resource.getDisplayName()
                                : assignment.getResourceDisplayName(),
                        permissionName(resource, String.valueOf(assignment.getAppRoleId()))));
            }
            return permissions;
        } catch (RuntimeException e) {
            throw GraphFailure.of(e)
                    .toTenantException("list the tenant-wide permissions of " + app.displayName(), timeout);
        }
    }

    /**
     * The API's appRoleAssignedTo (serviceprincipal-list-approleassignedto), every page: the API's service principal
     * found by its app id with its appRoles, then each app holding a grant read once ({@code $select}), for its app id.
     */
    @Override
    public List<TenantWideGrant> tenantWideGrantsOn(String resourceAppId) {
        try {
            ServicePrincipalCollectionResponse found = graph.get()
                    .servicePrincipals()
                    .get(request -> {
                        request.queryParameters.filter = "appId eq " + ODataLiteral.quoted(resourceAppId);
                        request.queryParameters.select = new String[] {"id", "appId", "displayName", "appRoles"};
                    });
            if (found == null || found.getValue() == null || found.getValue().isEmpty()) {
                return List.of();
            }
            com.microsoft.graph.models.ServicePrincipal resource =
                    found.getValue().get(0);
            List<AppRoleAssignment> assignments = new ArrayList<>();
            AppRoleAssignmentCollectionResponse page = graph.get()
                    .servicePrincipals()
                    .byServicePrincipalId(resource.getId())
                    .appRoleAssignedTo()
                    .get();
            while (page != null) {
                assignments.addAll(page.getValue() == null ? List.of() : page.getValue());
                String next = page.getOdataNextLink();
                page = next == null
                        ? null
                        : graph.get()
                                .servicePrincipals()
                                .byServicePrincipalId(resource.getId())
                                .appRoleAssignedTo()
                                .withUrl(next)
                                .get();
            }
            Map<String, ServicePrincipal> apps = new HashMap<>();
            List<TenantWideGrant> grants = new ArrayList<>();
            for (AppRoleAssignment assignment : assignments) {
                if (!"ServicePrincipal".equalsIgnoreCase(assignment.getPrincipalType())) {
                    continue;
                }
                ServicePrincipal app = apps.computeIfAbsent(String.valueOf(assignment.getPrincipalId()), this::app);
                TenantWidePermission permission = new TenantWidePermission(
                        assignment.getId(),
                        resource.getAppId(),
                        resource.getDisplayName() != null
                                ? resource.getDisplayName()
                                : assignment.getResourceDisplayName(),
                        permissionName(resource, String.valueOf(assignment.getAppRoleId())));
                grants.add(new TenantWideGrant(
                        app,
                        permission,
                        assignment.getCreatedDateTime() == null
                                ? null
                                : assignment.getCreatedDateTime().toString()));
            }
            return grants;
        } catch (RuntimeException e) {
            throw GraphFailure.of(e)
                    .toTenantException("list the apps granted permissions of the API " + resourceAppId, timeout);
        }
    }

    /** An app holding a grant, by its service principal's object id (serviceprincipal-get with {@code $select}). */
    private ServicePrincipal app(String id) {
        com.microsoft.graph.models.ServicePrincipal found = graph.get()
                .servicePrincipals()
                .byServicePrincipalId(id)
                .get(request -> request.queryParameters.select = new String[] {"id", "appId", "displayName"});
        return new ServicePrincipal(found.getId(), found.getAppId(), found.getDisplayName());
    }

    /** The API an assignment is on, with its app roles (serviceprincipal-get with {@code $select}). */
    private com.microsoft.graph.models.ServicePrincipal resource(String resourceId) {
        return graph.get()
                .servicePrincipals()
                .byServicePrincipalId(resourceId)
                .get(request ->
                        request.queryParameters.select = new String[] {"id", "appId", "displayName", "appRoles"});
    }

    private static String permissionName(com.microsoft.graph.models.ServicePrincipal resource, String appRoleId) {
        for (AppRole role : resource.getAppRoles() == null ? List.<AppRole>of() : resource.getAppRoles()) {
            if (role.getId() != null && appRoleId.equalsIgnoreCase(role.getId().toString())) {
                return role.getValue() != null ? role.getValue() : appRoleId;
            }
        }
        return appRoleId;
    }

    /** serviceprincipal-delete-approleassignments; a 404 means it is gone already. */
    @Override
    public void removeTenantWidePermission(ServicePrincipal app, String assignmentId) {
        try {
            graph.get()
                    .servicePrincipals()
                    .byServicePrincipalId(app.id())
                    .appRoleAssignments()
                    .byAppRoleAssignmentId(assignmentId)
                    .delete();
        } catch (RuntimeException e) {
            GraphFailure failure = GraphFailure.of(e);
            if (failure.status() != 404) {
                throw failure.toTenantException(
                        "remove the tenant-wide permission " + assignmentId + " of " + app.displayName(), timeout);
            }
        }
    }

    @Override
    public List<VerifiedDomain> verifiedDomains() {
        KnownDomains known = knownDomains;
        if (known != null && System.nanoTime() - known.readAt() < DOMAINS_KEPT.toNanos()) {
            return known.domains();
        }
        List<VerifiedDomain> domains = readVerifiedDomains();
        knownDomains = new KnownDomains(domains, System.nanoTime());
        return domains;
    }

    @Override
    public List<VerifiedDomain> verifiedDomainsAfresh() {
        List<VerifiedDomain> domains = readVerifiedDomains();
        knownDomains = new KnownDomains(domains, System.nanoTime());
        return domains;
    }

    private List<VerifiedDomain> readVerifiedDomains() {
        try {
            List<VerifiedDomain> domains = new ArrayList<>();
            DomainCollectionResponse page = graph.get()
                    .domains()
                    .get(request -> request.queryParameters.select = new String[] {"id", "isDefault", "isVerified"});
            while (page != null) {
                for (Domain domain : page.getValue() == null ? List.<Domain>of() : page.getValue()) {
                    if (Boolean.TRUE.equals(domain.getIsVerified())) {
                        domains.add(new VerifiedDomain(domain.getId(), Boolean.TRUE.equals(domain.getIsDefault())));
                    }
                }
                String next = page.getOdataNextLink();
                page = next == null ? null : graph.get().domains().withUrl(next).get();
            }
            domains.sort(Comparator.comparing(domain -> !domain.isDefault()));
            return List.copyOf(domains);
        } catch (RuntimeException e) {
            throw GraphFailure.of(e).toTenantException("list the organisation's verified domains", timeout);
        }
    }

    /** The verified domains as last read, and when. */
    private record KnownDomains(List<VerifiedDomain> domains, long readAt) {}
}
