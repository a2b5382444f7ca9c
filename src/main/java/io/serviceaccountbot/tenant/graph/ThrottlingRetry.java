package io.serviceaccountbot.tenant.graph;

import io.serviceaccountbot.retry.Backoff;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Tries a Graph request again when Graph throttles it (429) or cannot serve it (503, 504), at most {@code maxRetries}
 * times, waiting as its {@link Backoff} says (see {@link GraphHttpSettings#backoff}). It replaces the SDK's own retry
 * handler, which waits up to 180 s, fails on a fractional Retry-After, and re-sends a POST body it has already
 * consumed. Here the body is buffered once, so every attempt sends the same bytes.
 */
final class ThrottlingRetry implements Interceptor {

    private final int maxRetries;
    private final Backoff backoff;

    ThrottlingRetry(int maxRetries, Backoff backoff) {
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    static boolean retryable(int status) {
        return status == 429 || status == 503 || status == 504;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = buffered(chain.request());
        Response response = chain.proceed(request);
        for (int attempt = 1; attempt <= maxRetries && retryable(response.code()); attempt++) {
            Optional<Duration> wait =
                    backoff.pauseBefore(attempt, response.header("Retry-After")).orGiveUp();
            if (wait.isEmpty()) {
                break;
            }
            response.close();
            sleep(wait.get());
            response = chain.proceed(request.newBuilder()
                    .header("Retry-Attempt", Integer.toString(attempt))
                    .build());
        }
        return response;
    }

    private static Request buffered(Request request) throws IOException {
        RequestBody body = request.body();
        if (body == null) {
            return request;
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return request.newBuilder()
                .method(request.method(), RequestBody.create(buffer.readByteArray(), body.contentType()))
                .build();
    }

    private static void sleep(Duration wait) throws InterruptedIOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry a Microsoft Graph request");
        }
    }
}
