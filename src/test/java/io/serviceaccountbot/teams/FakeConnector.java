package io.serviceaccountbot.teams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Bot Connector on a local port that records what the bot sends and answers like the Agents Playground's
 * connector (201 with an id for POST, 200 for PUT); tests can script failures for the next calls.
 */
final class FakeConnector implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong(1_700_000_000_000L);

    FakeConnector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The serviceUrl activities should carry so that the bot answers here. */
    String serviceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/_connector";
    }

    /** The next call gets this status, body and headers instead of success. */
    synchronized FakeConnector thenAnswer(int status, String body, String... headers) {
        script.add(new Scripted(status, body, headers));
        return this;
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    /** Waits until a call matching the predicate arrives. */
    Call await(Predicate<Call> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Call call : calls) {
                if (matching.test(call)) {
                    return call;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("No matching connector call within " + timeout + "; calls were: " + calls);
    }

    /**
     * How long a test waits for an answer it expects: generous, because a busy 2-core machine running several bot
     * processes can take many seconds, and a wait on a condition costs nothing when the answer comes at once.
     */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Waits for the reply to the activity with that id. */
    Call awaitReplyTo(String activityId) throws InterruptedException {
        return await(call -> activityId.equals(call.body().path("replyToId").asString(null)), PATIENCE);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readAllBytes();
        }
        JsonNode body = request.length == 0 ? JSON.nullNode() : JSON.readTree(request);
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        Scripted next;
        synchronized (this) {
            next = script.poll();
        }
        boolean post = "POST".equals(exchange.getRequestMethod());
        String id = next != null
                ? null
                : post ? String.valueOf(ids.incrementAndGet()) : path.substring(path.lastIndexOf('/') + 1);
        calls.add(new Call(
                exchange.getRequestMethod(),
                path,
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                body,
                id));
        if (next != null) {
            for (int i = 0; i + 1 < next.headers().length; i += 2) {
                exchange.getResponseHeaders().add(next.headers()[i], next.headers()[i + 1]);
            }
            respond(exchange, next.status(), next.body());
            return;
        }
        respond(exchange, post ? 201 : 200, "{\"id\":\"" + id + "\"}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * A request the bot made, and the activity id this connector answered with (null when it answered a scripted
     * failure).
     */
    record Call(String method, String path, String rawPath, String authorization, JsonNode body, String activityId) {

        /** Where an update of the activity this call created goes. */
        String updatePath() {
            return path.substring(0, path.indexOf("/activities")) + "/activities/" + activityId;
        }

        String text() {
            return body.path("text").asString("");
        }

        JsonNode card() {
            return body.path("attachments").path(0).path("content");
        }
    }

    private record Scripted(int status, String body, String[] headers) {}
}
