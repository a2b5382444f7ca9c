import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Approvals under load, against a bot running in sandbox mode with plans (see bench/approvals.sh):
 *
 * <ol>
 *   <li>Alex opens {@code --requests} approval requests ("grant impersonation to svc-bench because …", for the
 *       service account svc-bench it creates first), 16 at a
 *       time, each in its own conversation; the approvers have no personal chat with the bot, so no approval card is
 *       posted and nothing is paced.
 *   <li>Megan types {@code requests pending} {@code --listings} times, one after the other: latency from posting the
 *       message to the reply reaching this program's fake connector.
 *   <li>The simulated tenant's latency is set to {@code --tenant-latency-ms} (2,000 by default), and Megan clicks on
 *       the cards, {@code --clients} at a time: after a warm-up (Refresh on half the requests, Approve on a few),
 *       Approve on a different request each time, then the same clicks again (replays of decided requests), then
 *       Refresh. Latency is the HTTP round trip of the {@code invoke}, i.e. the time until Teams would show the
 *       answer.
 *   <li>{@code requests pending} once more under that tenant latency, for comparison.
 * </ol>
 *
 * <p>Usage: java bench/ApprovalLoad.java http://127.0.0.1:3991 [--requests 1000] [--listings 50] [--clients 8]
 * [--tenant-latency-ms 2000]
 *
 * <p>With {@code --replica <url of a second bot on the same database>} (and {@code --tenant <url of the bot that
 * serves the simulated tenant>}), it opens the requests and then only clicks: Refresh and Approve on the first half
 * to warm up, then Approve on each of the second half on both bots at once (see bench/replicas.sh).
 */
public class ApprovalLoad {

    static final String TENANT = "00000000-0000-0000-0000-0000000000001";
    static final String ALEX = "00000000-0000-0000-0000-0000000000020";
    static final String MEGAN = "00000000-0000-0000-0000-0000000000021";
    static final Pattern NUMBER = Pattern.compile("Approval request (R-[0-9A-Z]{6})");
    static final Map<String, CompletableFuture<String>> REPLIES = new ConcurrentHashMap<>();

    static String bot;
    static String tenant;
    static String serviceUrl;
    static final AtomicInteger APPROVED = new AtomicInteger();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(32))
            .build();

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        bot = args.length > 0 && !args[0].startsWith("--") ? args[0] : "http://127.0.0.1:3991";
        int requests = option(args, "--requests", 1000);
        int listings = option(args, "--listings", 50);
        int clients = option(args, "--clients", 8);
        int tenantLatency = option(args, "--tenant-latency-ms", 2000);
        String replica = text(args, "--replica", null);
        tenant = text(args, "--tenant", bot);

        HttpServer connector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        connector.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String text = new String(body, StandardCharsets.UTF_8);
            Matcher replyTo = Pattern.compile("\"replyToId\":\"([^\"]+)\"").matcher(text);
            if (replyTo.find()) {
                CompletableFuture<String> waiting = REPLIES.get(replyTo.group(1));
                if (waiting != null) {
                    waiting.complete(text);
                }
            }
            byte[] answer = ("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 201 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        connector.setExecutor(Executors.newFixedThreadPool(8));
        connector.start();
        serviceUrl = "http://127.0.0.1:" + connector.getAddress().getPort() + "/amer/";
        System.out.printf("bot=%s requests=%d listings=%d clients=%d tenant latency for clicks=%d ms cpus=%d%n",
                bot, requests, listings, clients, tenantLatency, Runtime.getRuntime().availableProcessors());

        tenantLatency(0);
        String created = say(ALEX, "Alex Wilber", "a:bench-alex-0", "create service account svc-bench");
        if (!created.contains("svc-bench@example.com")) {
            throw new IllegalStateException("could not create svc-bench: " + created);
        }
        long start = System.nanoTime();
        List<String> numbers = openRequests(requests);
        System.out.printf("opened %d requests in %.1f s%n", numbers.size(), (System.nanoTime() - start) / 1e9);
        if (replica != null) {
            twoReplicas(numbers, replica, clients, tenantLatency);
            connector.stop(0);
            System.exit(0);
        }

        for (int i = 0; i < 10; i++) {
            say(MEGAN, "Megan Bowen", "a:bench-megan", "requests pending");
        }
        long[] listing = new long[listings];
        for (int i = 0; i < listings; i++) {
            long sent = System.nanoTime();
            String reply = say(MEGAN, "Megan Bowen", "a:bench-megan", "requests pending");
            listing[i] = System.nanoTime() - sent;
            if (!reply.contains("Requests waiting for a decision")) {
                throw new IllegalStateException("unexpected answer to requests pending: " + reply);
            }
        }
        report("requests pending (" + numbers.size() + " pending, tenant latency 0 ms)", listing);

        tenantLatency(tenantLatency);
        int half = numbers.size() / 2;
        int warmup = Math.min(100, half / 5);
        click(numbers.subList(half, numbers.size()), "refresh", clients);
        click(numbers.subList(0, warmup), "approve", clients);
        List<String> toApprove = numbers.subList(warmup, half);
        report("approve, first click (tenant latency " + tenantLatency + " ms)", click(toApprove, "approve", clients));
        report("approve, replayed click (tenant latency " + tenantLatency + " ms)", click(toApprove, "approve", clients));
        report(
                "refresh (tenant latency " + tenantLatency + " ms)",
                click(numbers.subList(half, numbers.size()), "refresh", clients));

        long sent = System.nanoTime();
        say(MEGAN, "Megan Bowen", "a:bench-megan", "requests pending");
        System.out.printf(
                "requests pending once under %d ms tenant latency: %.0f ms (the role check asks Entra ID afresh)%n",
                tenantLatency, (System.nanoTime() - sent) / 1e6);
        tenantLatency(0);
        connector.stop(0);
        System.exit(0);
    }

    /**
     * Two replicas on one database: Megan's click on each request reaches both replicas (as when Teams redelivers to
     * another instance behind the load balancer), {@code clients} clicks at a time. Exactly one click per request may
     * record the decision.
     */
    static void twoReplicas(List<String> opened, String replica, int clients, int tenantLatency) throws Exception {
        tenantLatency(tenantLatency);
        List<String> warmUp = opened.subList(0, opened.size() / 2);
        List<String> numbers = opened.subList(opened.size() / 2, opened.size());
        click(warmUp, "refresh", clients, bot, replica);
        click(warmUp, "approve", clients, bot, replica);
        List<String> twice = new ArrayList<>();
        for (String number : numbers) {
            twice.add(number);
            twice.add(number);
        }
        APPROVED.set(0);
        report(
                "approve on both replicas, " + clients + " at once (tenant latency " + tenantLatency + " ms)",
                click(twice, "approve", clients, bot, replica));
        System.out.printf("decisions recorded: %d for %d requests clicked %d times%n",
                APPROVED.get(), numbers.size(), twice.size());
        tenantLatency(0);
        if (APPROVED.get() != numbers.size()) {
            throw new IllegalStateException("each request should be approved exactly once");
        }
    }

    /** Alex asks, 16 conversations at a time; returns the request numbers from the replies. */
    static List<String> openRequests(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<String> numbers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            int worker = w;
            workers.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    String reply = say(
                            ALEX,
                            "Alex Wilber",
                            "a:bench-alex-" + worker,
                            "grant impersonation to svc-bench because benchmark of the approval cards, request " + i);
                    Matcher number = NUMBER.matcher(reply);
                    if (!number.find()) {
                        throw new IllegalStateException("no request number in " + reply);
                    }
                    numbers.add(number.group(1));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return numbers;
    }

    /** Megan clicks {@code verb} on each request's card (card version 1), {@code clients} at a time. */
    static long[] click(List<String> numbers, String verb, int clients) throws Exception {
        return click(numbers, verb, clients, bot);
    }

    /** The same, the i-th click going to the i-th bot in turn. */
    static long[] click(List<String> numbers, String verb, int clients, String... bots) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long[] latencies = new long[numbers.size()];
        List<Future<?>> clicks = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            int index = i;
            clicks.add(pool.submit(() -> {
                String invoke = """
                        {"type":"invoke","name":"adaptiveCard/action","id":"%s","channelId":"msteams","serviceUrl":"%s",
                         "from":{"id":"user-id-1","name":"Megan Bowen","aadObjectId":"%s"},
                         "recipient":{"id":"28:bot","name":"Service Account Bot"},
                         "conversation":{"id":"a:bench-megan","conversationType":"personal","tenantId":"%s"},
                         "channelData":{"tenant":{"id":"%s"}},"replyToId":"1",
                         "value":{"action":{"type":"Action.Execute","verb":"%s",
                                            "data":{"request":"%s","cardVersion":1}}}}"""
                        .formatted(UUID.randomUUID(), serviceUrl, MEGAN, TENANT, TENANT, verb, numbers.get(index));
                long sent = System.nanoTime();
                HttpResponse<String> answer = HTTP.send(
                        HttpRequest.newBuilder(URI.create(bots[index % bots.length] + "/api/messages"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(invoke))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                latencies[index] = System.nanoTime() - sent;
                if (answer.body().contains("You approved request")) {
                    APPROVED.incrementAndGet();
                }
                if (answer.statusCode() != 200 || !answer.body().contains("application/vnd.microsoft.card.adaptive")) {
                    throw new IllegalStateException("unexpected invoke answer " + answer.statusCode() + " "
                            + answer.body());
                }
                return null;
            }));
        }
        for (Future<?> click : clicks) {
            click.get();
        }
        pool.shutdown();
        return latencies;
    }

    /** Posts a personal-chat message and waits for the bot's reply at the fake connector. */
    static String say(String aadObjectId, String name, String conversation, String text) throws Exception {
        String id = UUID.randomUUID().toString();
        CompletableFuture<String> reply = new CompletableFuture<>();
        REPLIES.put(id, reply);
        String activity = """
                {"type":"message","id":"%s","channelId":"msteams","serviceUrl":"%s","text":"%s",
                 "from":{"id":"29:%s","name":"%s","aadObjectId":"%s"},
                 "recipient":{"id":"28:bot","name":"Service Account Bot"},
                 "conversation":{"id":"%s","conversationType":"personal","tenantId":"%s"},
                 "channelData":{"tenant":{"id":"%s"}}}"""
                .formatted(id, serviceUrl, text, aadObjectId, name, aadObjectId, conversation, TENANT, TENANT);
        HttpResponse<Void> accepted = HTTP.send(
                HttpRequest.newBuilder(URI.create(bot + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(activity))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (accepted.statusCode() != 200) {
            throw new IllegalStateException("the bot answered " + accepted.statusCode());
        }
        try {
            return reply.get(60, TimeUnit.SECONDS);
        } finally {
            REPLIES.remove(id);
        }
    }

    static void tenantLatency(int millis) throws Exception {
        HttpResponse<String> set = HTTP.send(
                HttpRequest.newBuilder(URI.create(tenant + "/sandbox/control/latency"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"millis\":" + millis + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (set.statusCode() / 100 != 2) {
            throw new IllegalStateException("could not set the tenant latency: " + set.statusCode() + " " + set.body());
        }
    }

    static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%-55s n=%-5d p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms  max=%7.2f ms%n",
                what,
                sorted.length,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static String text(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
