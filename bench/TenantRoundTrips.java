import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Round trips and wall time of the tenant operations behind chat commands, against a bot running in sandbox mode:
 * for each command it resets the simulated tenant's call counters, posts the command as Alex in a personal chat,
 * waits for the reply at a local fake connector, and prints the wall time and the Graph and Exchange calls made.
 *
 * <p>A command written {@code approved:<command>} is a privileged one carried through: the line of the command counts
 * the planning (up to the "waiting for approval" card), then Megan approves by a card click and a second line counts
 * the approved run, up to the requester's card saying it is done.
 *
 * <p>Usage: java bench/TenantRoundTrips.java http://127.0.0.1:3990 [command ...]
 */
public class TenantRoundTrips {

    static final Map<String, CompletableFuture<String>> replies = new ConcurrentHashMap<>();
    static final java.util.List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String bot = args.length > 0 ? args[0] : "http://127.0.0.1:3978";
        String[] commands = args.length > 1
                ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[] {
                    "create service account svc-rt",
                    "create service account svc-rt",
                    "verify svc-rt",
                    "use alexw@example.com as service account",
                    "show role group \"Organization Management\""
                };
        HttpServer connector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        connector.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getPath();
            String replyTo = path.substring(path.lastIndexOf('/') + 1);
            sent.add(body);
            CompletableFuture<String> waiting = replies.get(replyTo);
            if (waiting != null) {
                waiting.complete(body);
            }
            byte[] answer = ("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        connector.start();
        String serviceUrl = "http://127.0.0.1:" + connector.getAddress().getPort() + "/amer/";
        HttpClient http = HttpClient.newHttpClient();
        System.out.printf("%-45s %9s %6s %9s %5s%n", "command", "wall ms", "graph", "exchange", "ok");
        for (String given : commands) {
            boolean approved = given.startsWith("approved:");
            String command = approved ? given.substring("approved:".length()) : given;
            http.send(HttpRequest.newBuilder(URI.create(bot + "/sandbox/control/calls")).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            String id = UUID.randomUUID().toString();
            CompletableFuture<String> reply = new CompletableFuture<>();
            replies.put(id, reply);
            String activity = """
                    {"type":"message","id":"%s","channelId":"msteams","serviceUrl":"%s","text":%s,
                     "from":{"id":"29:alex","name":"Alex Wilber","aadObjectId":"00000000-0000-0000-0000-0000000000020"},
                     "recipient":{"id":"28:bot","name":"Service Account Bot"},
                     "conversation":{"id":"a:roundtrips","conversationType":"personal","tenantId":"00000000-0000-0000-0000-0000000000001"},
                     "channelData":{"tenant":{"id":"00000000-0000-0000-0000-0000000000001"}}}"""
                    .formatted(id, serviceUrl, quote(command));
            long start = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(bot + "/api/messages"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(activity))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            String answer = reply.get(120, TimeUnit.SECONDS);
            long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            String calls = http.send(HttpRequest.newBuilder(URI.create(bot + "/sandbox/control/calls")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            System.out.printf("%-45s %9d %6s %9s %5s%n", command, wall, count(calls, "GRAPH"), count(calls, "EXCHANGE"),
                    answer.contains("❌") || answer.contains("stopped") ? "no" : "yes");
            if (approved) {
                approveAndWait(http, bot, serviceUrl, answer);
            }
        }
        connector.stop(0);
    }

    /** Megan approves the request on the card in {@code answer}; prints the run's calls once Alex's card says done. */
    static void approveAndWait(HttpClient http, String bot, String serviceUrl, String answer) throws Exception {
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("R-[0-9A-Z]{6}").matcher(answer);
        if (!number.find()) {
            System.out.println("  (no request number in the answer, nothing to approve)");
            return;
        }
        String request = number.group();
        http.send(HttpRequest.newBuilder(URI.create(bot + "/sandbox/control/calls")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        String invoke = """
                {"type":"invoke","name":"adaptiveCard/action","id":"%s","replyToId":"1","channelId":"msteams","serviceUrl":"%s",
                 "from":{"id":"29:megan","name":"Megan Bowen","aadObjectId":"00000000-0000-0000-0000-0000000000021"},
                 "recipient":{"id":"28:bot","name":"Service Account Bot"},
                 "conversation":{"id":"a:roundtrips-megan","conversationType":"personal","tenantId":"00000000-0000-0000-0000-0000000000001"},
                 "channelData":{"tenant":{"id":"00000000-0000-0000-0000-0000000000001"}},
                 "value":{"action":{"type":"Action.Execute","verb":"approve","data":{"request":"%s","cardVersion":1}}}}"""
                .formatted(UUID.randomUUID(), serviceUrl, request);
        int before = sent.size();
        long start = System.nanoTime();
        http.send(HttpRequest.newBuilder(URI.create(bot + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(invoke))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        String done = null;
        while (done == null && System.nanoTime() < deadline) {
            for (String body : sent.subList(before, sent.size())) {
                if (body.contains(request) && (body.contains("and done") || body.contains("failed"))) {
                    done = body;
                }
            }
            Thread.sleep(20);
        }
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String calls = http.send(HttpRequest.newBuilder(URI.create(bot + "/sandbox/control/calls")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        System.out.printf("%-45s %9d %6s %9s %5s%n", "  approved and run (" + request + ")", wall,
                count(calls, "GRAPH"), count(calls, "EXCHANGE"), done != null && !done.contains("failed") ? "yes" : "no");
    }

    static String count(String json, String service) {
        int at = json.indexOf("\"" + service + "\":");
        if (at < 0) {
            return "?";
        }
        int from = at + service.length() + 3;
        int to = from;
        while (to < json.length() && Character.isDigit(json.charAt(to))) {
            to++;
        }
        return json.substring(from, to);
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
