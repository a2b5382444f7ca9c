package io.serviceaccountbot.tenant.graph;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import io.serviceaccountbot.tenant.SubscribedSku;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The organisation's licences, and assigning one by its stable name (skuPartNumber). The name is resolved to the
 * licence's id through {@code /subscribedSkus} at run time, never hard-coded, and remembered for the life of the
 * process (a licence's id never changes), so a second assignment is a single round trip. Graph's refusals become
 * sentences an admin can act on: no usage location, no licence left, no such licence.
 */
final class GraphLicensing {

    private final Supplier<GraphServiceClient> graph;
    private final Duration timeout;
    private final Map<String, UUID> skuIds = new ConcurrentHashMap<>();

    GraphLicensing(Supplier<GraphServiceClient> graph, Duration timeout) {
        this.graph = graph;
        this.timeout = timeout;
    }

    List<SubscribedSku> subscribedSkus() {
        try {
            var answer =
                    graph.get().subscribedSkus().get(request -> request.queryParameters.select = GraphLicences.SELECT);
            List<SubscribedSku> skus = new ArrayList<>();
            if (answer != null && answer.getValue() != null) {
                for (var sku : answer.getValue()) {
                    if (sku.getSkuId() != null && sku.getSkuPartNumber() != null) {
                        skuIds.put(sku.getSkuPartNumber().toUpperCase(Locale.ROOT), sku.getSkuId());
                    }
                    skus.add(GraphLicences.toSubscribedSku(sku));
                }
            }
            return skus;
        } catch (RuntimeException e) {
            throw GraphFailure.of(e).toTenantException("list the organisation's licences", timeout);
        }
    }

    void assign(String userId, String skuPartNumber) {
        String part = skuPartNumber.toUpperCase(Locale.ROOT);
        UUID skuId = skuIds.get(part);
        List<SubscribedSku> known = List.of();
        if (skuId == null) {
            known = subscribedSkus();
            skuId = skuIds.get(part);
        }
        if (skuId == null) {
            throw new TenantException(
                    Kind.NOT_FOUND,
                    GraphFailure.SERVICE,
                    null,
                    null,
                    "The organisation has no " + skuPartNumber + " licence. It has: "
                            + known.stream().map(SubscribedSku::skuPartNumber).toList() + ".",
                    null);
        }
        AssignedLicense license = new AssignedLicense();
        license.setSkuId(skuId);
        license.setDisabledPlans(List.of());
        AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
        body.setAddLicenses(List.of(license));
        body.setRemoveLicenses(List.of());
        try {
            graph.get().users().byUserId(userId).assignLicense().post(body);
        } catch (RuntimeException e) {
            throw licenceRefused(GraphFailure.of(e), userId, skuPartNumber, part);
        }
    }

    private TenantException licenceRefused(GraphFailure failure, String userId, String skuPartNumber, String part) {
        if (failure.status() == 400 && failure.messageMentions("usage location")) {
            return failure.as(
                    Kind.INVALID_REQUEST,
                    userId + " has no usage location, and Microsoft needs one before it can assign a licence. Set"
                            + " the user's usage location (a country code such as US) and try again.");
        }
        if (failure.status() == 400 && failure.messageMentions("does not have any available licenses")) {
            return failure.as(
                    Kind.INVALID_REQUEST,
                    "Every " + skuPartNumber + " licence is already assigned. Buy more, or free one, then try again.");
        }
        if (failure.status() == 400 && failure.messageMentions("does not correspond to a valid company license")) {
            skuIds.remove(part);
            return failure.as(Kind.NOT_FOUND, "The organisation no longer has a " + skuPartNumber + " licence.");
        }
        return failure.toTenantException("assign a " + skuPartNumber + " licence to " + userId, timeout);
    }
}
