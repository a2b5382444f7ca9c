import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Plans that wait for a slow Exchange Server worker, against a bot running in sandbox mode on its default Exchange
 * Server with few run threads (see bench/waits.sh): every runner job waits {@code --job-start-delay-ms} for the worker.
 * Alex asks for {@code --plans} "setup exchange sync for svc-wait-N"; Megan approves the first half as fast as she
 * can click, and then, once every one of those plans has begun its first step (its progress card says so), whose job
 * then waits for the worker, the second half. The tenant answers every call after {@code --latency-ms}. The clock runs
 * from the first click until the last report. From the moment the first half waits, the bot's threads are sampled
 * every 2 s with {@code jcmd Thread.print}: how many threads are inside a plan run, how many of them sleep (following a
 * job), and how many the JVM has in all. Then the simulated runner and tenant are read for duplicates.
 *
 * <p>Usage: java bench/WaitLoad.java http://127.0.0.1:3993 --pid 1234 [--plans 200] [--job-start-delay-ms 10000]
 * [--latency-ms 100]
 */
public class WaitLoad {

    static final String TENANT = "00000000-0000-0000-0000-0000000000001";
    static final String MEGAN = "00000000-0000-0000-0000-0000000000021";
    static final Pattern NUMBER = Pattern.compile("Approval request (R-[0-9A-Z]{6})");
    static final Pattern TITLE = Pattern.compile("Set up Exchange sync for (svc-[a-z0-9-]+)@example\\.com");
    static final Map<String, CompletableFuture<String>> REPLIES = new ConcurrentHashMap<>();
    static final Map<String, CompletableFuture<Long>> REPORTS = new ConcurrentHashMap<>();
    static final Map<String, CompletableFuture<Long>> WAITING = new ConcurrentHashMap<>();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(16))
            .build();

    static String bot;
    static String serviceUrl;

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        bot = args.length > 0 && !args[0].startsWith("--") ? args[0] : "http://127.0.0.1:3993";
        int plans = option(args, "--plans", 200);
        long pid = option(args, "--pid", 0);
        int jobStartDelay = option(args, "--job-start-delay-ms", 10000);
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
            if (title.find() && text.contains("(New-Mailbox)") && text.contains(" (now)")) {
                CompletableFuture<Long> waits = WAITING.get(title.group(1));
                if (waits != null) {
                    waits.complete(System.nanoTime());
                }
            }
            if (title.find(0) && text.contains("password is stored") && !text.contains("(now)")
                    && !text.contains("Approval request")) {
                CompletableFuture<Long> waiting = REPORTS.get(title.group(1));
                if (waiting != null) {
                    waiting.complete(System.nanoTime());
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
        System.out.printf("bot=%s pid=%d plans=%d job start delay=%d ms tenant latency=%d ms cpus=%d%n",
                bot, pid, plans, jobStartDelay, latency, Runtime.getRuntime().availableProcessors());

        List<String> numbers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService askers = Executors.newFixedThreadPool(8);
        List<Future<?>> asked = new ArrayList<>();
        long askStart = System.nanoTime();
        for (int i = 0; i < plans; i++) {
            String alias = "svc-wait-" + i;
            REPORTS.put(alias, new CompletableFuture<>());
            WAITING.put(alias, new CompletableFuture<>());
            int index = i;
            asked.add(askers.submit(() -> {
                String number = ask(alias);
                synchronized (numbers) {
                    while (numbers.size() <= index) {
                        numbers.add(null);
                    }
                    numbers.set(index, number);
                }
                return null;
            }));
        }
        for (Future<?> future : asked) {
            future.get();
        }
        askers.shutdown();
        System.out.printf("%d requests opened in %.1f s%n", plans, (System.nanoTime() - askStart) / 1e9);

        control("PUT", "/latency", "{\"millis\":" + latency + "}");
        ThreadSampler sampler = new ThreadSampler(pid);
        Thread sampling = new Thread(sampler, "thread-sampler");
        sampling.setDaemon(true);
        long start = System.nanoTime();
        List<Double> firstWave = approveAll(numbers.subList(0, plans / 2));
        long firstWaveDone = System.nanoTime();
        for (int i = 0; i < plans / 2; i++) {
            WAITING.get("svc-wait-" + i).get(5, TimeUnit.MINUTES);
        }
        long allWaiting = System.nanoTime();
        sampling.start();
        List<Double> secondWave = approveAll(numbers.subList(plans / 2, plans));
        long clicked = System.nanoTime();
        long last = 0;
        for (int i = 0; i < plans; i++) {
            last = Math.max(last, REPORTS.get("svc-wait-" + i).get(15, TimeUnit.MINUTES));
        }
        sampler.stop = true;
        sampling.join();
        System.out.printf("first half approved in %.1f s, clicks p50 %.0f ms, p99 %.0f ms%n",
                (firstWaveDone - start) / 1e9, percentile(firstWave, 50), percentile(firstWave, 99));
        System.out.printf("first half all on their first step, its job waiting for the worker, %.1f s after the first"
                        + " click%n",
                (allWaiting - start) / 1e9);
        System.out.printf("second half approved while the first half waited: in %.1f s, clicks p50 %.0f ms, p99 %.0f ms%n",
                (clicked - allWaiting) / 1e9, percentile(secondWave, 50), percentile(secondWave, 99));
        System.out.printf("%d plans: all reports %.1f s after the first click (job start delay %.0f s; the last approval"
                        + " came %.1f s after the first)%n",
                plans, (last - start) / 1e9, jobStartDelay / 1e3, (clicked - start) / 1e9);
        System.out.printf("from the first half waiting to the last report (sampled every 2 s, %d samples): plans waiting"
                        + " at once max %d; threads inside a plan run max %d, median %d, of them"
                        + " asleep max %d; JVM threads max %d%n",
                sampler.samples,
                sampler.maxPlansWaiting,
                sampler.maxInPlans,
                sampler.medianInPlans(),
                sampler.maxAsleep,
                sampler.maxThreads);

        control("PUT", "/latency", "{\"millis\":0}");
        int users = jobsAsking("New-Mailbox", "svc-wait-");
        String members = cmdlet("Get-DistributionGroupMember", "Exchange Sync Accounts");
        int rows = count(members, "\"Alias\"");
        System.out.printf("duplicates: New-Mailbox jobs %d for %d aliases; group members %d rows for %d accounts%n",
                users, plans, rows, plans);
        connector.stop(0);
        System.exit(users == plans && rows == plans ? 0 : 1);
    }

    /** Samples the bot's threads: how many are running a plan now, and how many there are. */
    static final class ThreadSampler implements Runnable {
        final long pid;
        volatile boolean stop;
        int samples;
        int maxInPlans;
        int maxThreads;
        int maxAsleep;
        int maxPlansWaiting;
        final List<Integer> inPlans = new ArrayList<>();

        ThreadSampler(long pid) {
            this.pid = pid;
        }

        @Override
        public void run() {
            while (!stop && pid > 0) {
                try {
                    Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "Thread.print")
                            .redirectErrorStream(true)
                            .start();
                    String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    jcmd.waitFor();
                    int running = 0;
                    int asleep = 0;
                    for (String thread : dump.split("\n\n")) {
                        if (thread.contains("io.serviceaccountbot.execution.PlanRun.run(")) {
                            running++;
                            if (thread.contains("java.lang.Thread.sleep")) {
                                asleep++;
                            }
                        }
                    }
                    int plansWaiting = (int) WAITING.entrySet().stream()
                            .filter(entry -> entry.getValue().isDone()
                                    && !REPORTS.get(entry.getKey()).isDone())
                            .count();
                    String status = Files.readString(Path.of("/proc/" + pid + "/status"));
                    Matcher threads = Pattern.compile("Threads:\\s+(\\d+)").matcher(status);
                    int all = threads.find() ? Integer.parseInt(threads.group(1)) : -1;
                    samples++;
                    inPlans.add(running);
                    maxInPlans = Math.max(maxInPlans, running);
                    maxAsleep = Math.max(maxAsleep, asleep);
                    maxPlansWaiting = Math.max(maxPlansWaiting, plansWaiting);
                    maxThreads = Math.max(maxThreads, all);
                    Thread.sleep(2000);
                } catch (Exception e) {
                    return;
                }
            }
        }

        int medianInPlans() {
            List<Integer> sorted = new ArrayList<>(inPlans);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        }
    }

    static List<Double> approveAll(List<String> numbers) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clickers = Executors.newFixedThreadPool(8);
        List<Future<?>> clicks = new ArrayList<>();
        for (String number : numbers) {
            clicks.add(clickers.submit(() -> {
                long before = System.nanoTime();
                approve(number);
                latencies.add((System.nanoTime() - before) / 1e6);
                return null;
            }));
        }
        for (Future<?> click : clicks) {
            click.get();
        }
        clickers.shutdown();
        return latencies;
    }

    static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String ask(String alias) throws Exception {
        String reply = say("a:bench-alex-" + alias, "setup exchange sync for " + alias + " because benchmark of waits");
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

    static String say(String conversation, String text) throws Exception {
        String id = UUID.randomUUID().toString();
        CompletableFuture<String> reply = new CompletableFuture<>();
        REPLIES.put(id, reply);
        String activity = """
                {"type":"message","id":"%s","channelId":"msteams","serviceUrl":"%s","text":"%s",
                 "from":{"id":"29:alex","name":"Alex Wilber","aadObjectId":"00000000-0000-0000-0000-0000000000020"},
                 "recipient":{"id":"28:bot","name":"Service Account Bot"},
                 "conversation":{"id":"%s","conversationType":"personal","tenantId":"%s"},
                 "channelData":{"tenant":{"id":"%s"}}}"""
                .formatted(id, serviceUrl, text, conversation, TENANT, TENANT);
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
