package io.serviceaccountbot.sandbox;

import java.util.List;
import java.util.Locale;

/**
 * A licence the simulated organisation has bought.
 *
 * @param seed what it is and contains
 */
record SimulatedSku(TenantSeed.SeedSku seed) {

    String skuId() {
        return seed.skuId();
    }

    String skuPartNumber() {
        return seed.skuPartNumber();
    }

    List<TenantSeed.SeedServicePlan> servicePlans() {
        return seed.servicePlans();
    }

    /**
     * Whether it gives users an Exchange Online mailbox: an {@code EXCHANGE_S_…} plan for users, other than the
     * Exchange Foundation plan that licences such as Power BI carry without a mailbox, or an archive add-on.
     */
    boolean givesMailbox() {
        return servicePlans().stream().anyMatch(plan -> {
            String name = plan.servicePlanName().toUpperCase(Locale.ROOT);
            return name.startsWith("EXCHANGE_S_")
                    && !name.startsWith("EXCHANGE_S_FOUNDATION")
                    && !name.contains("ARCHIVE")
                    && "User".equalsIgnoreCase(plan.appliesTo());
        });
    }
}
