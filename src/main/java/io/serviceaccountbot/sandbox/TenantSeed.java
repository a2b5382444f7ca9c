package io.serviceaccountbot.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The seed file of the simulated tenant.
 *
 * @param tenantId the tenant id
 * @param domains the verified domains
 * @param users the users
 * @param groups the groups, whose members are user or group ids
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TenantSeed(String tenantId, List<String> domains, List<SeedUser> users, List<SeedGroup> groups) {

    /** A user of the seed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedUser(
            String id,
            String displayName,
            String userPrincipalName,
            String mailNickname,
            String usageLocation,
            boolean accountEnabled) {}

    /** A group of the seed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedGroup(
            String id, String displayName, String description, boolean securityEnabled, List<String> members) {}
}
