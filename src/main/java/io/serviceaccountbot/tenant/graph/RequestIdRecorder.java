package io.serviceaccountbot.tenant.graph;

import io.micrometer.core.instrument.Metrics;
import io.serviceaccountbot.tenant.TenantCallGuard;
import io.serviceaccountbot.tenant.TenantRequestIds;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Notes the {@code request-id} of every Graph answer, retries included, for the audit log, and counts the calls by
 * status ({@code bot.tenant.calls}, 429s included). Before each call, runs the thread's {@link TenantCallGuard}.
 */
final class RequestIdRecorder implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        TenantCallGuard.beforeCall();
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            Metrics.counter("bot.tenant.calls", "service", "graph", "status", "no-answer")
                    .increment();
            throw e;
        }
        TenantRequestIds.record(response.header("request-id"));
        Metrics.counter("bot.tenant.calls", "service", "graph", "status", Integer.toString(response.code()))
                .increment();
        return response;
    }
}
