package io.serviceaccountbot.provisioning.graph;

import io.serviceaccountbot.provisioning.TenantRequestIds;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Notes the {@code request-id} of every Graph answer, retries included, for the audit log. */
final class RequestIdRecorder implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        TenantRequestIds.record(response.header("request-id"));
        return response;
    }
}
