package io.serviceaccountbot.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The seed file of the simulated tenant.
 *
 * @param tenantId the tenant id
 * @param domains the organisation's domains
 * @param subscribedSkus the licences the organisation has bought
 * @param users the users
 * @param groups the groups, whose members are user or group ids
 * @param servicePrincipals the enterprise applications (apps registered or consented to in the tenant), and the APIs
 *     (Microsoft Graph, Office 365 Exchange Online) whose app roles are application permissions
 * @param appRoleAssignments the application permissions granted tenant-wide, as admin consent grants them
 * @param mailEnabledSecurityGroups the mail-enabled security groups the Exchange organisation starts with
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TenantSeed(
        String tenantId,
        List<SeedDomain> domains,
        List<SeedSku> subscribedSkus,
        List<SeedUser> users,
        List<SeedGroup> groups,
        List<SeedServicePrincipal> servicePrincipals,
        List<SeedAppRoleAssignment> appRoleAssignments,
        List<SeedMailGroup> mailEnabledSecurityGroups) {

    TenantSeed {
        appRoleAssignments = appRoleAssignments == null ? List.of() : List.copyOf(appRoleAssignments);
        mailEnabledSecurityGroups =
                mailEnabledSecurityGroups == null ? List.of() : List.copyOf(mailEnabledSecurityGroups);
        domains = domains == null ? List.of() : List.copyOf(domains);
        subscribedSkus = subscribedSkus == null ? List.of() : List.copyOf(subscribedSkus);
        users = users == null ? List.of() : List.copyOf(users);
        groups = groups == null ? List.of() : List.copyOf(groups);
        servicePrincipals = servicePrincipals == null ? List.of() : List.copyOf(servicePrincipals);
    }

    /** A domain of the organisation; users can only be created in a verified one. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedDomain(String id, boolean isDefault, boolean isInitial, boolean isVerified) {}

    /**
     * A licence the organisation has bought.
     *
     * @param skuId its id (the same in every tenant, but clients must look it up)
     * @param skuPartNumber its stable name, e.g. STANDARDPACK
     * @param displayName the product name admins know, e.g. Office 365 E1
     * @param enabledUnits how many users it can be assigned to
     * @param servicePlans what it contains
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedSku(
            String skuId,
            String skuPartNumber,
            String displayName,
            int enabledUnits,
            List<SeedServicePlan> servicePlans) {

        SeedSku {
            servicePlans = servicePlans == null ? List.of() : List.copyOf(servicePlans);
        }
    }

    /**
     * A service plan inside a licence.
     *
     * @param servicePlanId its id
     * @param servicePlanName its name, e.g. EXCHANGE_S_STANDARD
     * @param service the service an assigned plan names, e.g. exchange
     * @param appliesTo User or Company
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedServicePlan(String servicePlanId, String servicePlanName, String service, String appliesTo) {}

    /**
     * A user of the seed; a licence with Exchange gives the user a mailbox that is ready from the start.
     *
     * @param licenses the skuPartNumbers assigned
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedUser(
            String id,
            String displayName,
            String userPrincipalName,
            String mailNickname,
            String usageLocation,
            boolean accountEnabled,
            List<String> licenses) {

        SeedUser {
            licenses = licenses == null ? List.of() : List.copyOf(licenses);
        }
    }

    /** A group of the seed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedGroup(
            String id, String displayName, String description, boolean securityEnabled, List<String> members) {}

    /**
     * An enterprise application: the service principal of an app in this tenant.
     *
     * @param id the service principal's object id
     * @param appId the application (client) id
     * @param displayName the app's name
     * @param appRoles the app roles it defines (an API's application permissions); none for most apps
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedServicePrincipal(String id, String appId, String displayName, List<SeedAppRole> appRoles) {

        SeedServicePrincipal {
            appRoles = appRoles == null ? List.of() : List.copyOf(appRoles);
        }

        SeedServicePrincipal(String id, String appId, String displayName) {
            this(id, appId, displayName, List.of());
        }
    }

    /**
     * An app role an API defines: for Microsoft Graph, an application permission such as Mail.Read.
     *
     * @param id the appRoleId, the same in every tenant
     * @param value the permission's name, e.g. Mail.Read
     * @param displayName what the consent screen shows
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedAppRole(String id, String value, String displayName) {}

    /**
     * An application permission granted tenant-wide: an app role of the resource assigned to the principal.
     *
     * @param id the assignment's id
     * @param principalId the object id of the app's service principal that holds it
     * @param resourceId the object id of the API's service principal
     * @param appRoleId the app role
     * @param createdDateTime when it was granted, e.g. 2026-01-15T09:30:00Z
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedAppRoleAssignment(
            String id, String principalId, String resourceId, String appRoleId, String createdDateTime) {}

    /**
     * A mail-enabled security group of the Exchange organisation.
     *
     * @param id its object id (ExternalDirectoryObjectId), lower case
     * @param name its name
     * @param alias its alias
     * @param members the object ids of its members, users with a mailbox
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedMailGroup(String id, String name, String alias, List<String> members) {

        SeedMailGroup {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }
}
