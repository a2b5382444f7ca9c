package io.serviceaccountbot.tenant;

/**
 * A licence the organisation has bought.
 *
 * @param skuId the licence's id, which differs between tenants
 * @param skuPartNumber the licence's stable name, e.g. {@code STANDARDPACK} (Office 365 E1)
 * @param enabledUnits units bought and active
 * @param consumedUnits units assigned
 * @param includesExchange whether it includes an Exchange Online service plan
 */
public record SubscribedSku(
        String skuId, String skuPartNumber, int enabledUnits, int consumedUnits, boolean includesExchange) {

    public int availableUnits() {
        return Math.max(0, enabledUnits - consumedUnits);
    }
}
