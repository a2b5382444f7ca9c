import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Approved plans under a slow tenant, against a bot running in sandbox mode on its default Exchange Server, each
 * cmdlet a job of the simulated runner (see bench/plans.sh):
 *
 * <ol>
 *   <li>One plan at a time, three times after a warm-up plan: Alex asks "setup exchange sync for svc-one-N", Megan
 *       approves with a click, and the clock runs until
 *       the progress card turns into the report. The simulated tenant's calls (Azure Resource Manager's, for the
 *       runner's jobs, and Graph's) are counted from the click to that moment (the verification that follows the
 *       report is not counted). The lower bound is the calls one after the other at the tenant latency: no run can be
 *       faster.
 *   <li>{@code --plans} plans at once: Alex asks for each (svc-many-N), Megan approves them all as fast as she can
 *       click, and the clock runs until every report is in. Then the simulated tenant is asked how many New-Mailbox
 *       jobs ran, and how many group members and role group members there are: each must be there exactly once.
 * </ol>
 *
 * <p>Usage: java bench/PlanLoad.java http://127.0.0.1:3992 [--plans 100] [--latency-ms 100]
 */
public class PlanLoad {

    static final String TENANT = "00000000-0000-0000-0000-0000000000001";
    static final String ALEX = "00000000-0000-0000-0000-0000000000020";
    static final String MEGAN = "00000000-0000-0000-0000-0000000000021";
    static final Pattern NUMBER = Pattern.compile("Approval request (R-[0-9A-Z]{6})");
    static final Pattern TITLE = Pattern.compile("Set up Exchange sync for (svc-[a-z0-9-]+)@example\\.com");
    static final Map<String, CompletableFuture<String>> REPLIES = new ConcurrentHashMap<>();
    static final Map<String, CompletableFuture<long[]>> REPORTS = new ConcurrentHashMap<>();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(16))
            .build();

    static String bot;
    static String serviceUrl;

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        bot = args.length > 0 && !args[0].startsWith("--") ? args[0] : "http://127.0.0.1:3992";
        int plans = option(args, "--plans", 100);
        int latency = option(args, "--latency-ms", 100);

        HttpServer connector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        connector.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String text = new String(body, StandardCharsets.UTF_8);
            Matcher replyTo = Pattern.compile("\"replyToId\":\"([^\"]+)\"").matcher(text);
            if (replyTo.find() && REPLIES.containsKey(replyTo.group(1))) {
                REPLIES.get(replyTo.group(1)).complete(text);
            }
            Matcher title = TITLE.matcher(text);
            if (title.find() && text.contains("password is stored") && !text.contains("(now)")
                    && !text.contains("Approval request")) {
                CompletableFuture<long[]> waiting = REPORTS.get(title.group(1));
                if (waiting != null && !waiting.isDone()) {
                    // counted before answering, so the verification that follows the report is not counted
                    waiting.complete(new long[] {System.nanoTime(), calls()});
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
        System.out.printf("bot=%s plans=%d tenant latency=%d ms cpus=%d%n",
                bot, plans, latency, Runtime.getRuntime().availableProcessors());

        control("PUT", "/latency", "{\"millis\":" + latency + "}");
        for (int run = 0; run <= 3; run++) {
            String alias = run == 0 ? "svc-warm-up" : "svc-one-" + run;
            String number = ask(alias);
            REPORTS.put(alias, new CompletableFuture<>());
            control("DELETE", "/calls", null);
            long clicked = System.nanoTime();
            approve(number);
            long answered = System.nanoTime();
            long[] done = REPORTS.get(alias).get(5, TimeUnit.MINUTES);
            System.out.printf("  click answered in %.0f ms%n", (answered - clicked) / 1e6);
            double wall = (done[0] - clicked) / 1e6;
            long roundTrips = done[1];
            double lowerBound = roundTrips * (double) latency;
            System.out.printf(
                    "%s: wall %.0f ms; %d tenant round trips; lower bound (round trips x latency)"
                            + " %.0f ms; wall / lower bound = %.2f%n",
                    run == 0 ? "warm-up plan" : "one plan, run " + run,
                    wall,
                    roundTrips,
                    lowerBound,
                    wall / lowerBound);
        }

        List<String> numbers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService askers = Executors.newFixedThreadPool(8);
        List<Future<?>> asked = new ArrayList<>();
        for (int i = 0; i < plans; i++) {
            String alias = "svc-many-" + i;
            REPORTS.put(alias, new CompletableFuture<>());
            asked.add(askers.submit(() -> numbers.add(ask(alias))));
        }
        for (Future<?> future : asked) {
            future.get();
        }
        askers.shutdown();
        control("DELETE", "/calls", null);
        long start = System.nanoTime();
        ExecutorService clickers = Executors.newFixedThreadPool(8);
        List<Future<?>> clicks = new ArrayList<>();
        for (String number : numbers) {
            clicks.add(clickers.submit(() -> {
                approve(number);
                return null;
            }));
        }
        for (Future<?> click : clicks) {
            click.get();
        }
        clickers.shutdown();
        long last = 0;
        for (int i = 0; i < plans; i++) {
            last = Math.max(last, REPORTS.get("svc-many-" + i).get(15, TimeUnit.MINUTES)[0]);
        }
        long manyCalls = calls();
        System.out.printf("%d plans at once: all reports in %.1f s; %d tenant round trips (%.1f per plan)%n",
                plans, (last - start) / 1e9, manyCalls, manyCalls / (double) plans);
        control("PUT", "/latency", "{\"millis\":0}");

        int users = jobsAsking("New-Mailbox", "svc-many-");
        String members = cmdlet("Get-DistributionGroupMember", "Exchange Sync Accounts");
        int memberships = 0;
        for (int i = 0; i < plans; i++) {
            memberships += count(members, "\"svc-many-" + i + "\"") > 0 ? 1 : 0;
        }
        int rows = count(members, "\"Alias\"");
        String roleGroups = cmdlet("Get-RoleGroup", "Exchange sync role group");
        System.out.printf(
                "duplicates: New-Mailbox jobs %d for %d aliases; group members %d rows, %d of the %d accounts; role group"
                        + " rows %d%n",
                users, plans, rows, memberships, plans, count(roleGroups, "\"Guid\""));
        connector.stop(0);
        System.exit(users == plans && memberships == plans && rows == plans + 4 ? 0 : 1);
    }

    static String ask(String alias) throws Exception {
        String reply = say(ALEX, "Alex Wilber", "a:bench-alex-" + alias,
                "setup exchange sync for " + alias + " because benchmark of the plans");
        Matcher number = NUMBER.matcher(reply);
        if (!number.find()) {
            throw new IllegalStateException("no request number in " + reply);
        }
        return number.group(1);
    }

    static void approve(String number) throws Exception {
        String invoke = """
                {"type":"invoke","name":"adaptiveCard/action","id":"%s","channelId":"msteams","serviceUrl":"%s",
                 "from":{"id":"user-id-1","name":"Megan Bowen","aadObjectId":"%s"},
                 "recipient":{"id":"28:bot","name":"Service Account Bot"},
                 "conversation":{"id":"a:bench-megan","conversationType":"personal","tenantId":"%s"},
                 "channelData":{"tenant":{"id":"%s"}},"replyToId":"1",
                 "value":{"action":{"type":"Action.Execute","verb":"approve",
                                    "data":{"request":"%s","cardVersion":1}}}}"""
                .formatted(UUID.randomUUID(), serviceUrl, MEGAN, TENANT, TENANT, number);
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(bot + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(invoke))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (!answer.body().contains("You approved request")) {
            throw new IllegalStateException("the approval of " + number + " was answered " + answer.body());
        }
    }

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
        HTTP.send(
                HttpRequest.newBuilder(URI.create(bot + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(activity))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        try {
            return reply.get(120, TimeUnit.SECONDS);
        } finally {
            REPLIES.remove(id);
        }
    }

    static long calls() {
        try {
            String counts = control("GET", "/calls", null);
            long total = 0;
            Matcher number = Pattern.compile("\"(GRAPH|EXCHANGE|EWS|ARM)\":(\\d+)").matcher(counts);
            while (number.find()) {
                total += Long.parseLong(number.group(2));
            }
            return total;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String control(String method, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(bot + "/sandbox/control" + path))
                        .header("Content-Type", "application/json")
                        .method(method, body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** How many of the simulated runner's jobs ran the cmdlet for an account whose alias starts so. */
    static int jobsAsking(String cmdlet, String aliasStart) throws Exception {
        int jobs = 0;
        for (String job : control("GET", "/runner/history", null).split("\"name\":")) {
            if (job.contains("\\\"" + cmdlet + "\\\"") && job.contains(aliasStart)) {
                jobs++;
            }
        }
        return jobs;
    }

    static String cmdlet(String name, String identity) throws Exception {
        String body = "{\"CmdletInput\":{\"CmdletName\":\"" + name + "\",\"Parameters\":{\"Identity\":\"" + identity
                + "\"}}}";
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(
                                        bot + "/sandbox/exchange/adminapi/beta/" + TENANT + "/InvokeCommand"))
                                .header("Authorization", "Bearer sandbox-token")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static int count(String text, String needle) {
        int found = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            found++;
        }
        return found;
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
