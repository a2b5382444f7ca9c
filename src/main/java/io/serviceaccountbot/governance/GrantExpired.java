package io.serviceaccountbot.governance;

import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.plans.ProvisioningReport;
import java.util.List;

/**
 * A time-bound grant ended and the bot revoked what it gave, under the grant's own approval; published done or failed,
 * with what the audit log needs.
 *
 * @param id the grant's request
 * @param number its number
 * @param account the account whose access was revoked
 * @param command the revoke the bot ran, as canonical text
 * @param report each step of the revoke and its outcome
 * @param tenantRequestIds the tenant's ids of the calls it made
 */
public record GrantExpired(
        ApprovalRequestId id,
        RequestId number,
        String account,
        String command,
        ProvisioningReport report,
        List<String> tenantRequestIds) {

    public GrantExpired {
        tenantRequestIds = List.copyOf(tenantRequestIds);
    }
}
