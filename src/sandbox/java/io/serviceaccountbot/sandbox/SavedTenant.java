package io.serviceaccountbot.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the simulated tenant holds, as its file keeps it between runs.
 *
 * @param format the layout of this record, so that a later bot can tell an older file
 * @param seed the SHA-256 of the seed file the tenant started from
 * @param directory Entra ID: domains, licences, users, groups, enterprise applications
 * @param credentials the sign-in checks (salted hashes, never passwords) of the users whose password Graph set
 * @param recipients Exchange's mail-enabled groups, and the group names taken
 * @param roleGroups Exchange's role groups
 * @param appAccess RBAC for Applications: service principals, scopes, assignments
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SavedTenant(
        int format,
        String seed,
        SimulatedDirectory.Saved directory,
        Map<String, SimulatedCredentials.Saved> credentials,
        SimulatedExchange.Saved recipients,
        List<SimulatedRoleGroups.SavedRoleGroup> roleGroups,
        SimulatedAppAccess.Saved appAccess) {

    static final int FORMAT = 1;

    SavedTenant {
        credentials = credentials == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(credentials));
        recipients = recipients == null ? SimulatedExchange.Saved.empty() : recipients;
        roleGroups = roleGroups == null ? List.of() : List.copyOf(roleGroups);
        appAccess = appAccess == null ? SimulatedAppAccess.Saved.empty() : appAccess;
    }
}
