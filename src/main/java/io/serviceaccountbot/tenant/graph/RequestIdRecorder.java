package io.serviceaccountbot.tenant.graph;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.serviceaccountbot.tenant.TenantCallGuard;
import io.serviceaccountbot.tenant.TenantRequestIds;
import java.io.IOException;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Notes the {@code request-id} of every Graph answer, retries included, for the audit log, and counts the calls by
 * status ({@code bot.tenant.calls}, 429s included). Before each call, runs the thread's {@link TenantCallGuard}.
 *
 * <p>Each call is also a {@code bot.tenant.call} observation, a span under whatever the thread is doing (a turn, a
 * plan's step), carrying Graph's {@code request-id} and the {@code client-request-id} it was asked under: the ids
 * Microsoft support asks for. Only the path is kept, never the query, the headers or the body.
 */
final class RequestIdRecorder implements Interceptor {

    private final ObservationRegistry observations;

    RequestIdRecorder(ObservationRegistry observations) {
        this.observations = observations;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        TenantCallGuard.beforeCall();
        Request request = chain.request();
        Observation call = Observation.createNotStarted("bot.tenant.call", observations)
                .contextualName("graph " + request.method())
                .lowCardinalityKeyValue("service", "graph")
                .lowCardinalityKeyValue("method", request.method().toUpperCase(Locale.ROOT))
                .highCardinalityKeyValue("url.path", request.url().encodedPath())
                .start();
        String clientRequestId = request.header("client-request-id");
        if (clientRequestId != null) {
            call.highCardinalityKeyValue("tenant.client_request_id", clientRequestId);
        }
        Response response;
        try (Observation.Scope scope = call.openScope()) {
            response = chain.proceed(request);
        } catch (IOException e) {
            Metrics.counter("bot.tenant.calls", "service", "graph", "status", "no-answer")
                    .increment();
            call.lowCardinalityKeyValue("status", "no-answer").error(e).stop();
            throw e;
        }
        String requestId = response.header("request-id");
        TenantRequestIds.record(requestId);
        String status = Integer.toString(response.code());
        Metrics.counter("bot.tenant.calls", "service", "graph", "status", status)
                .increment();
        call.lowCardinalityKeyValue("status", status);
        if (requestId != null) {
            call.highCardinalityKeyValue("tenant.request_id", requestId);
        }
        call.stop();
        return response;
    }
}
