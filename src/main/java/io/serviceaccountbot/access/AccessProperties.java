package io.serviceaccountbot.access;

import io.serviceaccountbot.identity.RequiredSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Entra groups that grant the bot's roles.
 *
 * @param adminsGroupId object id of the group whose members may provision accounts and request impersonation; in
 *     sandbox mode defaults to the simulated tenant's "Service Account Bot Admins"
 * @param approversGroupId object id of the group whose members decide approval requests; in sandbox mode defaults to
 *     the simulated tenant's "Service Account Bot Approvers"
 * @param roleCacheTtl how long a person's roles are remembered for showing help
 * @param refusalCacheTtl how long a person's roles are remembered for refusing a privileged command they do not hold
 *     the role for, so that repeated attempts do not each ask Microsoft Graph; a command is only ever allowed, and an
 *     approval only ever decided, on roles checked afresh. A role just given may be refused for this long
 */
@ConfigurationProperties("bot.access")
public record AccessProperties(
        String adminsGroupId,
        String approversGroupId,
        @DefaultValue("1m") Duration roleCacheTtl,
        @DefaultValue("30s") Duration refusalCacheTtl)
        implements RequiredSettings {

    /** "Service Account Bot Admins" in the simulated tenant's seed. */
    static final String SANDBOX_ADMINS_GROUP_ID = "5b07ad31-0000-4000-8000-000000000001";

    /** "Service Account Bot Approvers" in the simulated tenant's seed. */
    static final String SANDBOX_APPROVERS_GROUP_ID = "5b07ad31-0000-4000-8000-000000000002";

    @Override
    public List<String> missingForProduction() {
        List<String> missing = new ArrayList<>();
        if (adminsGroupId == null || adminsGroupId.isBlank()) {
            missing.add("bot.access.admins-group-id (Entra group of the people who may provision)");
        }
        if (approversGroupId == null || approversGroupId.isBlank()) {
            missing.add("bot.access.approvers-group-id (Entra group of the people who approve)");
        }
        return missing;
    }

    AccessProperties withSandboxDefaults() {
        return new AccessProperties(
                isBlank(adminsGroupId) ? SANDBOX_ADMINS_GROUP_ID : adminsGroupId,
                isBlank(approversGroupId) ? SANDBOX_APPROVERS_GROUP_ID : approversGroupId,
                roleCacheTtl,
                refusalCacheTtl);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
