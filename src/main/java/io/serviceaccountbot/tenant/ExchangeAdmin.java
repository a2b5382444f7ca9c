package io.serviceaccountbot.tenant;

import java.util.List;
import java.util.Optional;

/**
 * Exchange administration (Exchange Online's admin API, or Exchange Server): mail-enabled security groups, role
 * groups, management roles and their effective assignments, and, for Exchange Online, RBAC for Applications. Every
 * method that changes something is safe to repeat: "ensure" creates only what is absent and returns what Exchange then
 * has; adding a member who is one already, or removing one who is not, succeeds. Failures are {@link
 * TenantException}s (ROLE_NOT_FOUND when a role such as ApplicationImpersonation does not exist here).
 */
public interface ExchangeAdmin {

    /**
     * The Exchange server that answered this thread's last call, on Exchange Server (its runner says which); empty on
     * Exchange Online, or before any call.
     */
    default Optional<ExchangeServerVersion> lastServer() {
        return Optional.empty();
    }

    /**
     * A hint that these reads come next: where a call is costly (a job of Exchange Server's runner), they are asked
     * together now and the reads that follow on this thread take their answers from it until the answers are closed.
     * Nothing else changes: each read still asks when it was not answered, and a change in between makes the next read
     * ask again. By default, nothing.
     */
    default ExchangeReads.Kept readTogether(ExchangeReads reads) {
        return ExchangeReads.Kept.NOTHING;
    }

    /** The management role with that name ({@code Get-ManagementRole}), if this organisation has it. */
    Optional<ManagementRole> managementRole(String name);

    /** The mail-enabled security group with that name. */
    Optional<MailEnabledGroup> securityGroup(String name);

    /** Creates a mail-enabled security group ({@code New-DistributionGroup -Type Security}) unless it exists. */
    MailEnabledGroup ensureSecurityGroup(String name);

    /** Adds a mailbox user or group to a mail-enabled group ({@code Add-DistributionGroupMember}). */
    void addGroupMember(String group, String member);

    /** Removes a member from a mail-enabled group ({@code Remove-DistributionGroupMember}). */
    void removeGroupMember(String group, String member);

    /** The role group with its roles and members ({@code Get-RoleGroup}, {@code Get-RoleGroupMember}). */
    Optional<RoleGroup> roleGroup(String name);

    /**
     * Creates a role group with these roles and members ({@code New-RoleGroup}) unless one with that name exists; the
     * caller compares an existing one with what it asked for.
     */
    RoleGroup ensureRoleGroup(String name, List<String> roles, List<String> members);

    /** Adds a mailbox user or mail-enabled security group to a role group ({@code Add-RoleGroupMember}). */
    void addRoleGroupMember(String roleGroup, String member);

    /** Removes a member from a role group ({@code Remove-RoleGroupMember}). */
    void removeRoleGroupMember(String roleGroup, String member);

    /**
     * Who effectively holds a role, groups expanded ({@code Get-ManagementRoleAssignment -Role … -GetEffectiveUsers}).
     */
    List<EffectiveAssignment> effectiveAssignments(String role);

    /** Registers an Entra app's service principal in Exchange Online ({@code New-ServicePrincipal}) unless it is. */
    ExchangeServicePrincipal ensureServicePrincipal(String appId, String objectId, String displayName);

    /** Removes the service principal ({@code Remove-ServicePrincipal}); nothing happens if it is absent. */
    void removeServicePrincipal(String appId);

    /**
     * Creates a management scope ({@code New-ManagementScope -RecipientRestrictionFilter}) unless one with that name
     * exists.
     */
    ManagementScope ensureManagementScope(String name, String recipientRestrictionFilter);

    /** Removes the management scope; nothing happens if it is absent. */
    void removeManagementScope(String name);

    /**
     * Assigns an application role to a service principal within a scope ({@code New-ManagementRoleAssignment -App
     * -Role -CustomResourceScope}) unless that assignment exists.
     */
    AppRoleAssignment ensureAppRoleAssignment(String appId, String role, String scope);

    /** Removes the application role assignment; nothing happens if it is absent. */
    void removeAppRoleAssignment(String appId, String role, String scope);

    /**
     * Every application role assigned to an app in this organisation, with the app and the scope (RBAC for
     * Applications: {@code Get-ManagementRoleAssignment -RoleAssigneeType ServicePrincipal}, each assignee found
     * among {@code Get-ServicePrincipal}'s apps). Exchange Online only.
     */
    List<AppRoleGrant> appRoleAssignments();

    /** What an app may do on one mailbox ({@code Test-ServicePrincipalAuthorization -Resource}). */
    List<AuthorizationResult> testServicePrincipalAuthorization(String appId, String mailbox);

    /**
     * The roles an app holds in Exchange and the scope of each ({@code Test-ServicePrincipalAuthorization} without a
     * mailbox, so every line is "not run" and {@link AuthorizationResult#inScope()} false); empty when the app is not
     * registered in Exchange.
     */
    Optional<List<AuthorizationResult>> servicePrincipalRoles(String appId);

    /**
     * Assigns a management role to a mailbox user directly, limited to the recipients of a management scope ({@code
     * New-ManagementRoleAssignment -Name -Role -User -CustomRecipientWriteScope}, Exchange Server), unless an
     * assignment of that name exists; the caller reads the effective assignments to see it.
     */
    void ensureUserRoleAssignment(String name, String role, String user, String recipientWriteScope);

    /** Removes the role assignment of that name ({@code Remove-ManagementRoleAssignment}); done when it is gone. */
    void removeRoleAssignment(String name);

    /** The management scope of that name ({@code Get-ManagementScope}), if Exchange has it. */
    Optional<ManagementScope> managementScope(String name);

    /**
     * A management role.
     *
     * @param name e.g. ApplicationImpersonation
     * @param roleType Exchange's role type, e.g. ApplicationImpersonation
     */
    record ManagementRole(String name, String roleType) {}

    /**
     * A mail-enabled security group.
     *
     * @param name its name
     * @param alias its alias
     * @param primarySmtpAddress its address
     * @param distinguishedName its distinguished name in Exchange's directory, which recipient filters such as {@code
     *     MemberOfGroup -eq '…'} compare with; null when Exchange did not say
     * @param members the members' names
     * @param objectId its Entra object id (ExternalDirectoryObjectId), by which Graph lists its members; null when
     *     Exchange did not say
     */
    record MailEnabledGroup(
            String name,
            String alias,
            String primarySmtpAddress,
            String distinguishedName,
            List<String> members,
            String objectId) {}

    /**
     * A role group.
     *
     * @param name its name
     * @param roles the management roles assigned to it
     * @param members the members' names (mailbox users, mail-enabled security groups)
     */
    record RoleGroup(String name, List<String> roles, List<String> members) {}

    /**
     * One person's effective hold on a role.
     *
     * @param role the role
     * @param user the effective user (a mailbox user)
     * @param assignee the role group or user the role is assigned to
     * @param via the group through which the user holds it, or null when a direct member
     * @param name the name of an assignment limited to a scope, which is how the bot removes it; null for an
     *     assignment over the whole organisation (held through a role group, left to its own steps)
     * @param recipientScope the management scope the assignment is limited to ({@code -CustomRecipientWriteScope}),
     *     or null when it reaches every recipient of the organisation
     */
    record EffectiveAssignment(
            String role, String user, String assignee, String via, String name, String recipientScope) {

        /** An assignment over the whole organisation, its name unknown. */
        public EffectiveAssignment(String role, String user, String assignee, String via) {
            this(role, user, assignee, via, null, null);
        }
    }

    /**
     * An Entra app registered in Exchange Online.
     *
     * @param appId the application (client) id
     * @param objectId the service principal's object id in Entra
     * @param displayName its name
     */
    record ExchangeServicePrincipal(String appId, String objectId, String displayName) {}

    /**
     * A management scope.
     *
     * @param name its name
     * @param recipientRestrictionFilter the OPATH filter it applies
     */
    record ManagementScope(String name, String recipientRestrictionFilter) {}

    /**
     * An application role granted to a service principal within a scope.
     *
     * @param name the assignment's name
     * @param appId the app
     * @param role e.g. Application Mail.ReadWrite
     * @param scope the custom resource scope
     */
    record AppRoleAssignment(String name, String appId, String role, String scope) {}

    /**
     * An application role an app holds.
     *
     * @param app the app, as Exchange registered it; only its object id or name when Exchange lists no such app
     * @param assignment the assignment, whose scope is null when it reaches every mailbox of the organisation
     */
    record AppRoleGrant(ExchangeServicePrincipal app, AppRoleAssignment assignment) {}

    /**
     * One line of {@code Test-ServicePrincipalAuthorization}.
     *
     * @param role the application role
     * @param grantedPermissions what the role grants, e.g. Mail.ReadWrite
     * @param scope the scope the role is limited to; {@code Organization} when the line reaches every mailbox (a role
     *     assigned without a scope, or, in the simulated tenant, a tenant-wide permission from admin consent)
     * @param inScope whether the tested mailbox is inside that scope
     */
    record AuthorizationResult(String role, String grantedPermissions, String scope, boolean inScope) {}
}
