package io.serviceaccountbot.tenant.graph;

import com.microsoft.graph.models.ServicePlanInfo;
import io.serviceaccountbot.tenant.SubscribedSku;
import java.util.List;
import java.util.Locale;

/** The organisation's licences in the port's shape, and which of them come with an Exchange Online mailbox. */
final class GraphLicences {

    /** Enough to tell the licences apart, count what is left, and see their service plans. */
    static final String[] SELECT = {
        "skuId", "skuPartNumber", "appliesTo", "capabilityStatus", "prepaidUnits", "consumedUnits", "servicePlans"
    };

    private GraphLicences() {}

    static SubscribedSku toSubscribedSku(com.microsoft.graph.models.SubscribedSku sku) {
        Integer enabled =
                sku.getPrepaidUnits() == null ? null : sku.getPrepaidUnits().getEnabled();
        return new SubscribedSku(
                sku.getSkuId() == null ? null : sku.getSkuId().toString(),
                sku.getSkuPartNumber(),
                enabled == null ? 0 : enabled,
                sku.getConsumedUnits() == null ? 0 : sku.getConsumedUnits(),
                includesExchange(sku.getServicePlans()));
    }

    /**
     * Whether a service plan gives users an Exchange Online mailbox: an {@code EXCHANGE_S_…} plan for users (Plan 1
     * is EXCHANGE_S_STANDARD in E1, Plan 2 EXCHANGE_S_ENTERPRISE in E3, EXCHANGE_S_DESKLESS in F3), not switched off,
     * and not EXCHANGE_S_FOUNDATION, which licences such as Power BI carry without any mailbox, nor an archive add-on.
     */
    static boolean includesExchange(List<ServicePlanInfo> plans) {
        return plans != null && plans.stream().anyMatch(GraphLicences::mailboxPlan);
    }

    private static boolean mailboxPlan(ServicePlanInfo plan) {
        String name = plan.getServicePlanName() == null
                ? ""
                : plan.getServicePlanName().toUpperCase(Locale.ROOT);
        return name.startsWith("EXCHANGE_S_")
                && !name.startsWith("EXCHANGE_S_FOUNDATION")
                && !name.contains("ARCHIVE")
                && (plan.getAppliesTo() == null || "User".equalsIgnoreCase(plan.getAppliesTo()))
                && !"Disabled".equalsIgnoreCase(plan.getProvisioningStatus());
    }
}
