package io.serviceaccountbot.governance;

import io.serviceaccountbot.plans.ProvisioningReport;
import java.util.List;

/**
 * An approver answered an access review: kept, or revoked (published when the revoke has run, with its report).
 *
 * @param review the review as decided
 * @param report the revoke's steps; null for a grant kept
 * @param tenantRequestIds the tenant's ids of the revoke's calls
 */
public record ReviewDecided(GrantReview review, ProvisioningReport report, List<String> tenantRequestIds) {

    public ReviewDecided {
        tenantRequestIds = List.copyOf(tenantRequestIds);
    }

    public boolean revoked() {
        return report != null;
    }
}
