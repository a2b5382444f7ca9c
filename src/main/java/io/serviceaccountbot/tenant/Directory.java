package io.serviceaccountbot.tenant;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant's directory (Microsoft Entra ID): users, licences, mailboxes as Entra sees them, and group membership.
 * Every method that changes something is safe to repeat: it creates or assigns only what is absent, then reads back.
 * Failures are {@link TenantException}s.
 */
public interface Directory {

    /** The user with this object id or user principal name. */
    Optional<DirectoryUser> findUser(String objectIdOrUpn);

    /** The user with this alias (mailNickname); aliases are unique in a tenant. */
    Optional<DirectoryUser> findUserByAlias(String alias);

    /**
     * In one lookup, the users whose user principal name or alias is one of these: what stands in the way of creating
     * an account with them.
     */
    List<DirectoryUser> findUsersByUpnOrAlias(String userPrincipalName, String alias);

    /**
     * Creates the user (enabled, no forced password change, a password that never expires) unless one with that user
     * principal name exists, and returns the user as the directory now has it. The caller compares an existing user
     * with what it asked for.
     */
    DirectoryUser createUser(NewUser user);

    /** Sets a new password, without forcing a change at next sign-in. */
    void resetPassword(String userId, Secret password);

    /**
     * Sets the user's password policies to exactly these (e.g. {@code DisablePasswordExpiration} and {@code
     * DisableStrongPassword}); the directory keeps them as one value, so a caller adding one passes those the user has
     * too. An empty set clears them, leaving the organisation's password policy to apply.
     */
    void setPasswordPolicies(String userId, Set<String> policies);

    /** Sets the usage location, which Microsoft requires before a licence can be assigned. */
    void setUsageLocation(String userId, String countryCode);

    /** The licences the organisation has bought. */
    List<SubscribedSku> subscribedSkus();

    /**
     * Assigns the licence with this skuPartNumber (e.g. {@code STANDARDPACK} for Office 365 E1), resolved to its id
     * at run time, with every service plan enabled; nothing happens if the user has it already.
     *
     * @throws TenantException of kind NOT_FOUND when the organisation has no such licence, INVALID_REQUEST when the
     *     user has no usage location or no licence is left
     */
    void assignLicense(String userId, String skuPartNumber);

    /** Whether Exchange has finished creating the user's mailbox. */
    MailboxStatus mailboxStatus(String userId);

    /** Which of the given groups the user or group belongs to, directly or through nested groups. */
    Set<String> memberGroups(String objectId, Collection<String> groupIds);

    /**
     * A group's direct members, users and groups alike, every page of them; nested groups are listed, not expanded.
     *
     * @throws TenantException of kind NOT_FOUND when there is no such group
     */
    List<GroupMember> groupMembers(String groupId);

    /** The object ids of the users in a group, directly or through nested groups. */
    Set<String> transitiveUserMembers(String groupId);

    /**
     * The service principal (enterprise application) of the app with this application (client) id, if the app is
     * registered or consented to in this organisation.
     */
    Optional<ServicePrincipal> findServicePrincipal(String appId);

    /**
     * The application permissions the app holds tenant-wide (its service principal's appRoleAssignments), each
     * resolved to its name through the app roles of the API that defines it.
     *
     * @throws TenantException of kind ACCESS_DENIED when the bot may not read them (Application.Read.All)
     */
    List<TenantWidePermission> tenantWidePermissions(ServicePrincipal app);

    /**
     * Every app granted a tenant-wide permission of one API (the appRoleAssignedTo of the API's service principal),
     * each with the app's own service principal; empty when the API is not in this organisation. Grants to users and
     * groups (app roles of the API's own users) are left out.
     *
     * @param resourceAppId the API's application id, e.g. {@link MailboxPermissions#MICROSOFT_GRAPH}
     * @throws TenantException of kind ACCESS_DENIED when the bot may not read them (Application.Read.All)
     */
    List<TenantWideGrant> tenantWideGrantsOn(String resourceAppId);

    /**
     * Removes one of the app's tenant-wide permissions (an appRoleAssignment); nothing happens if it is gone already.
     *
     * @throws TenantException of kind ACCESS_DENIED when the bot may not remove it (AppRoleAssignment.ReadWrite.All)
     */
    void removeTenantWidePermission(ServicePrincipal app, String assignmentId);

    /** The organisation's verified domains, the default first; they rarely change, so adapters may keep them a while. */
    List<VerifiedDomain> verifiedDomains();

    /** The verified domains read afresh, not from what an adapter keeps (for {@code doctor}). */
    default List<VerifiedDomain> verifiedDomainsAfresh() {
        return verifiedDomains();
    }
}
