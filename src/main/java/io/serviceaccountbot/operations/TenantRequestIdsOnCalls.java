package io.serviceaccountbot.operations;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Spring's names and keys for an HTTP call's span, plus the ids Microsoft's services give a call: {@code
 * tenant.request_id}, the answer's {@code request-id} (Graph, Exchange Online's admin API) or {@code x-ms-request-id}
 * (Azure Resource Manager), and {@code tenant.client_request_id}, the one the bot asked under. They are high
 * cardinality: on the span only, never a metric's tag.
 */
final class TenantRequestIdsOnCalls extends DefaultClientRequestObservationConvention {

    @Override
    public KeyValues getHighCardinalityKeyValues(ClientRequestObservationContext context) {
        List<KeyValue> ids = new ArrayList<>(2);
        if (context.getCarrier() != null) {
            first(context.getCarrier().getHeaders(), "client-request-id", "x-ms-client-request-id")
                    .ifPresent(id -> ids.add(KeyValue.of("tenant.client_request_id", id)));
        }
        if (context.getResponse() != null) {
            try {
                first(context.getResponse().getHeaders(), "request-id", "x-ms-request-id")
                        .ifPresent(id -> ids.add(KeyValue.of("tenant.request_id", id)));
            } catch (RuntimeException unreadable) {
                // a response whose headers cannot be read gives no id; the span keeps the rest
            }
        }
        return super.getHighCardinalityKeyValues(context).and(ids);
    }

    private static Optional<String> first(HttpHeaders headers, String... names) {
        for (String name : names) {
            String value = headers.getFirst(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
