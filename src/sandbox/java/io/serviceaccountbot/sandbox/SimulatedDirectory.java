package io.serviceaccountbot.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;

/**
 * The simulated Entra ID: domains, licences, users and groups, changed and looked up the way Entra ID does. Every
 * method holds the directory's lock, so concurrent requests see one consistent tenant (two creations of the same user
 * principal name give one user and one conflict). A mailbox becomes ready {@code mailboxDelay} after a licence with
 * Exchange is assigned, as Exchange Online takes a while to create it.
 */
class SimulatedDirectory implements Recipients {

    private static final String MICROSOFT_GRAPH = "00000003-0000-0000-c000-000000000000";
    private static final String EXCHANGE_ONLINE = "00000002-0000-0ff1-ce00-000000000000";

    private final Clock clock;
    private final Duration mailboxDelay;
    private String tenantId;
    private List<TenantSeed.SeedDomain> domains;
    private final Map<String, SimulatedSku> skus = new LinkedHashMap<>();
    private final Map<String, SimulatedUser> users = new LinkedHashMap<>();
    private GroupMembership groups;
    private List<TenantSeed.SeedServicePrincipal> servicePrincipals;
    private final List<TenantSeed.SeedAppRoleAssignment> appRoleAssignments = new ArrayList<>();

    SimulatedDirectory(TenantSeed seed, Clock clock, Duration mailboxDelay) {
        this.clock = clock;
        this.mailboxDelay = mailboxDelay;
        restore(fromSeed(seed, clock.instant()));
    }

    /**
     * Everything the directory holds, as it is saved and restored.
     *
     * @param tenantId the tenant id
     * @param domains the organisation's domains
     * @param subscribedSkus the licences bought
     * @param users the users, with their licences and mailbox clock
     * @param groups the groups
     * @param servicePrincipals the enterprise applications
     * @param appRoleAssignments the application permissions granted tenant-wide
     */
    record Saved(
            String tenantId,
            List<TenantSeed.SeedDomain> domains,
            List<TenantSeed.SeedSku> subscribedSkus,
            List<SimulatedUser> users,
            List<TenantSeed.SeedGroup> groups,
            List<TenantSeed.SeedServicePrincipal> servicePrincipals,
            List<TenantSeed.SeedAppRoleAssignment> appRoleAssignments) {

        Saved {
            appRoleAssignments = appRoleAssignments == null ? List.of() : List.copyOf(appRoleAssignments);
            domains = List.copyOf(domains);
            subscribedSkus = List.copyOf(subscribedSkus);
            users = List.copyOf(users);
            groups = List.copyOf(groups);
            servicePrincipals = List.copyOf(servicePrincipals);
        }
    }

    /** The directory as a seed describes it, its people created and their mailboxes ready at {@code start}. */
    static Saved fromSeed(TenantSeed seed, Instant start) {
        Map<String, SimulatedSku> bought = new LinkedHashMap<>();
        seed.subscribedSkus().forEach(sku -> bought.put(key(sku.skuId()), new SimulatedSku(sku)));
        List<SimulatedUser> people = seed.users().stream()
                .map(user -> fromSeed(user, bought.values(), start))
                .toList();
        return new Saved(
                seed.tenantId(),
                seed.domains(),
                seed.subscribedSkus(),
                people,
                seed.groups(),
                seed.servicePrincipals(),
                seed.appRoleAssignments());
    }

    synchronized Saved saved() {
        return new Saved(
                tenantId,
                domains,
                skus.values().stream().map(SimulatedSku::seed).toList(),
                List.copyOf(users.values()),
                groups.all(),
                servicePrincipals,
                List.copyOf(appRoleAssignments));
    }

    /** Replaces everything the directory holds. */
    synchronized void restore(Saved saved) {
        tenantId = saved.tenantId();
        domains = saved.domains().stream()
                .sorted(Comparator.comparing(domain -> !domain.isDefault()))
                .toList();
        skus.clear();
        saved.subscribedSkus().forEach(sku -> skus.put(key(sku.skuId()), new SimulatedSku(sku)));
        users.clear();
        saved.users().forEach(user -> users.put(key(user.id()), user));
        groups = new GroupMembership(saved.groups());
        servicePrincipals = saved.servicePrincipals();
        appRoleAssignments.clear();
        appRoleAssignments.addAll(saved.appRoleAssignments());
    }

    private static SimulatedUser fromSeed(TenantSeed.SeedUser user, Collection<SimulatedSku> skus, Instant start) {
        List<SimulatedUser.Licence> licences = new ArrayList<>();
        boolean mailbox = false;
        for (String partNumber : user.licenses()) {
            SimulatedSku sku = skus.stream()
                    .filter(candidate -> candidate.skuPartNumber().equalsIgnoreCase(partNumber))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "seed user " + user.userPrincipalName() + " has unknown licence " + partNumber));
            licences.add(new SimulatedUser.Licence(sku.skuId(), start));
            mailbox |= sku.givesMailbox();
        }
        return new SimulatedUser(
                user.id(),
                user.displayName(),
                user.userPrincipalName(),
                user.mailNickname(),
                user.accountEnabled(),
                user.usageLocation(),
                false,
                start,
                start,
                licences,
                mailbox ? start : null,
                Set.of());
    }

    synchronized String tenantId() {
        return tenantId;
    }

    Instant now() {
        return clock.instant();
    }

    /** The verified domain names, the default first. */
    synchronized List<String> domains() {
        return domains.stream()
                .filter(TenantSeed.SeedDomain::isVerified)
                .map(TenantSeed.SeedDomain::id)
                .toList();
    }

    synchronized List<TenantSeed.SeedDomain> domainEntries() {
        return domains;
    }

    /** A user by object id or (case-insensitive) user principal name, as {@code /users/{id | userPrincipalName}}. */
    synchronized Optional<SimulatedUser> user(String idOrUpn) {
        SimulatedUser byId = users.get(key(idOrUpn));
        if (byId != null) {
            return Optional.of(byId);
        }
        return users.values().stream()
                .filter(user -> user.userPrincipalName().equalsIgnoreCase(idOrUpn))
                .findFirst();
    }

    synchronized List<SimulatedUser> users(Predicate<SimulatedUser> filter) {
        return users.values().stream().filter(filter).toList();
    }

    /**
     * Creates a user, refusing as Entra ID does: the user principal name must be in a verified domain, and no other
     * object may have the same user principal name or alias.
     */
    synchronized SimulatedUser create(
            String displayName,
            String userPrincipalName,
            String mailNickname,
            boolean accountEnabled,
            String usageLocation,
            boolean forceChangePasswordNextSignIn,
            Set<String> passwordPolicies) {
        String domain = userPrincipalName.substring(userPrincipalName.lastIndexOf('@') + 1);
        if (domains().stream().noneMatch(domain::equalsIgnoreCase)) {
            throw new GraphRefusal(
                    HttpStatus.BAD_REQUEST,
                    "Request_BadRequest",
                    "The domain portion of the userPrincipalName property is invalid. You must use one of the verified"
                            + " domain names in your organization.",
                    List.of(new GraphRefusal.Detail(
                            "InvalidValue",
                            "The domain portion of the userPrincipalName property is invalid.",
                            "userPrincipalName")));
        }
        if (users.values().stream().anyMatch(user -> user.userPrincipalName().equalsIgnoreCase(userPrincipalName))) {
            throw GraphRefusal.conflict("userPrincipalName");
        }
        if (users.values().stream().anyMatch(user -> user.mailNickname().equalsIgnoreCase(mailNickname))) {
            throw GraphRefusal.conflict("mailNickname");
        }
        Instant now = clock.instant();
        SimulatedUser user = new SimulatedUser(
                UUID.randomUUID().toString(),
                displayName,
                userPrincipalName,
                mailNickname,
                accountEnabled,
                usageLocation,
                forceChangePasswordNextSignIn,
                now,
                now,
                List.of(),
                null,
                passwordPolicies);
        users.put(key(user.id()), user);
        return user;
    }

    /** Deletes a user, as an admin may behind the bot's back; the deleted user, or empty when there was none. */
    synchronized Optional<SimulatedUser> delete(String idOrUpn) {
        Optional<SimulatedUser> user = user(idOrUpn);
        user.ifPresent(found -> users.remove(key(found.id())));
        return user;
    }

    /** Changes a user, or refuses with 404 when there is none. */
    synchronized SimulatedUser update(String idOrUpn, UnaryOperator<SimulatedUser> change) {
        SimulatedUser user = user(idOrUpn).orElseThrow(() -> GraphRefusal.notFound(idOrUpn));
        SimulatedUser changed = change.apply(user);
        users.put(key(user.id()), changed);
        return changed;
    }

    /**
     * Adds and removes licences as {@code assignLicense} does. Adding one the user has already changes nothing; a new
     * licence needs a usage location and a free unit; a first licence with Exchange starts the mailbox clock.
     */
    synchronized SimulatedUser assignLicenses(String idOrUpn, List<String> add, List<String> remove) {
        SimulatedUser user = user(idOrUpn).orElseThrow(() -> GraphRefusal.notFound(idOrUpn));
        for (String skuId : concat(add, remove)) {
            if (!skus.containsKey(key(skuId))) {
                throw GraphRefusal.badRequest("License " + skuId + " does not correspond to a valid company License.");
            }
        }
        List<String> toAdd =
                add.stream().filter(skuId -> !user.hasLicence(skuId)).toList();
        if (!toAdd.isEmpty()
                && (user.usageLocation() == null || user.usageLocation().isBlank())) {
            throw GraphRefusal.badRequest("License assignment cannot be done for user with invalid usage location.");
        }
        for (String skuId : toAdd) {
            if (available(skus.get(key(skuId))) <= 0) {
                throw GraphRefusal.badRequest(
                        "Subscription with SKU " + skuId + " does not have any available licenses.");
            }
        }
        Instant now = clock.instant();
        List<SimulatedUser.Licence> licences = new ArrayList<>();
        for (SimulatedUser.Licence licence : user.licences()) {
            if (remove.stream().noneMatch(licence.skuId()::equalsIgnoreCase)) {
                licences.add(licence);
            }
        }
        toAdd.forEach(skuId ->
                licences.add(new SimulatedUser.Licence(skus.get(key(skuId)).skuId(), now)));
        boolean mailboxLicence = licences.stream()
                .anyMatch(licence -> skus.get(key(licence.skuId())).givesMailbox());
        Instant mailboxReadyAt =
                !mailboxLicence ? null : user.mailboxReadyAt() != null ? user.mailboxReadyAt() : now.plus(mailboxDelay);
        SimulatedUser changed = user.withLicences(licences, mailboxReadyAt);
        users.put(key(user.id()), changed);
        return changed;
    }

    synchronized List<SimulatedSku> skus() {
        return List.copyOf(skus.values());
    }

    synchronized Optional<SimulatedSku> sku(String skuId) {
        return Optional.ofNullable(skus.get(key(skuId)));
    }

    synchronized int consumed(SimulatedSku sku) {
        return (int) users.values().stream()
                .filter(user -> user.hasLicence(sku.skuId()))
                .count();
    }

    private int available(SimulatedSku sku) {
        return sku.seed().enabledUnits() - consumed(sku);
    }

    /** The enterprise applications. */
    synchronized List<TenantSeed.SeedServicePrincipal> servicePrincipals() {
        return servicePrincipals;
    }

    /** The enterprise application with this object id. */
    synchronized Optional<TenantSeed.SeedServicePrincipal> servicePrincipal(String id) {
        return servicePrincipals.stream()
                .filter(candidate -> candidate.id().equalsIgnoreCase(id))
                .findFirst();
    }

    /** The application permissions granted to this service principal. */
    synchronized List<TenantSeed.SeedAppRoleAssignment> appRoleAssignments(String principalId) {
        return appRoleAssignments.stream()
                .filter(assignment -> assignment.principalId().equalsIgnoreCase(principalId))
                .toList();
    }

    /** The application permissions granted on the API whose service principal this is, to any app. */
    synchronized List<TenantSeed.SeedAppRoleAssignment> appRoleAssignedTo(String resourceId) {
        return appRoleAssignments.stream()
                .filter(assignment -> assignment.resourceId().equalsIgnoreCase(resourceId))
                .toList();
    }

    /** Removes one application permission of the service principal; whether there was one. */
    synchronized boolean removeAppRoleAssignment(String principalId, String assignmentId) {
        return appRoleAssignments.removeIf(
                assignment -> assignment.principalId().equalsIgnoreCase(principalId)
                        && assignment.id().equals(assignmentId));
    }

    /**
     * The application permissions the app (by application id) holds tenant-wide that reach every mailbox: Microsoft
     * Graph's on mail, calendars, contacts and mailbox settings, folders and items; Office 365 Exchange Online's
     * full_access_as_app and its own on mail, calendars, contacts and mailbox settings.
     */
    synchronized List<SimulatedAppAccess.ConsentedPermission> mailboxConsent(String appId) {
        Optional<TenantSeed.SeedServicePrincipal> app = servicePrincipals.stream()
                .filter(candidate -> candidate.appId().equalsIgnoreCase(appId))
                .findFirst();
        if (app.isEmpty()) {
            return List.of();
        }
        List<SimulatedAppAccess.ConsentedPermission> found = new ArrayList<>();
        for (TenantSeed.SeedAppRoleAssignment assignment :
                appRoleAssignments(app.get().id())) {
            Optional<TenantSeed.SeedServicePrincipal> resource = servicePrincipal(assignment.resourceId());
            resource.flatMap(api -> api.appRoles().stream()
                            .filter(role -> role.id().equalsIgnoreCase(assignment.appRoleId()))
                            .findFirst())
                    .filter(role -> reachesMailboxes(resource.get().appId(), role.value()))
                    .ifPresent(role -> found.add(new SimulatedAppAccess.ConsentedPermission(
                            resource.get().displayName(), role.value())));
        }
        return found;
    }

    private static boolean reachesMailboxes(String resourceAppId, String value) {
        String permission = value.toLowerCase(Locale.ROOT);
        if (MICROSOFT_GRAPH.equalsIgnoreCase(resourceAppId)) {
            return permission.matches("(mail|calendars|contacts|mailboxsettings|mailboxfolder|mailboxitem)\\..*");
        }
        return EXCHANGE_ONLINE.equalsIgnoreCase(resourceAppId)
                && permission.matches("full_access_as_app|(mail|calendars|contacts|mailboxsettings)\\..*");
    }

    synchronized Optional<TenantSeed.SeedGroup> group(String id) {
        return groups.group(id);
    }

    /** Of the given groups, those the object belongs to directly or through nested groups. */
    synchronized Set<String> memberGroups(String objectId, Collection<String> groupIds) {
        return groups.memberGroups(objectId, groupIds);
    }

    /** The users in a group, directly or through nested groups. */
    synchronized List<SimulatedUser> transitiveUsers(String groupId) {
        return groups.transitiveNonGroupMembers(groupId).stream()
                .map(this::user)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public synchronized Optional<MailboxUser> mailboxUser(String identity) {
        Instant now = clock.instant();
        return users.values().stream()
                .filter(user -> user.hasMailbox(now))
                .filter(user -> identity.equalsIgnoreCase(user.id())
                        || identity.equalsIgnoreCase(user.mailNickname())
                        || identity.equalsIgnoreCase(user.userPrincipalName())
                        || identity.equalsIgnoreCase(user.displayName()))
                .findFirst()
                .map(user ->
                        new MailboxUser(user.id(), user.mailNickname(), user.userPrincipalName(), user.displayName()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
