import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a killed replica's run waits before another replica carries it on (see bench/takeover.sh). Starts
 * {@code --replicas} bots on one PostgreSQL schema, all using the simulated tenant at {@code --tenant}. Each trial: Alex
 * asks "setup exchange sync for svc-takeover-N", Megan approves; the tenant holds back its answer to the plan's
 * {@code Add-DistributionGroupMember}, so the run sits in the step "Add … to it"; at a random moment of the next two
 * heartbeats the replica running it (the {@code picked_by} of its execution names the process) is killed with SIGKILL; the clock runs from the kill until
 * another replica picks the run (its execution's {@code picked_by} changes) and until it records the step as started
 * again, under its attempt ({@code plan_step.started_at} after the kill: the resumed run drafts the plan again and
 * re-reads the steps done first), following the runner job the killed replica started, and the plan must then end done. The killed replica is started again before the next trial. Prints each trial, then the
 * minimum, median and maximum.
 *
 * <p>Usage: java bench/TakeoverLoad.java --jar target/service-account-bot-sandbox.jar --tenant http://127.0.0.1:3993
 * --db jdbc:postgresql://127.0.0.1:5432/test --db-user postgres --schema S --out target/bench/takeover [--replicas 2]
 * [--trials 6] [--first-port 3994] [--heartbeat 5s]
 */
public class TakeoverLoad {

    static final String TENANT = "00000000-0000-0000-0000-0000000000001";
    static final String ALEX = "00000000-0000-0000-0000-0000000000020";
    static final String MEGAN = "00000000-0000-0000-0000-0000000000021";
    static final Pattern NUMBER = Pattern.compile("Approval request (R-[0-9A-Z]{6})");
    static final Map<String, CompletableFuture<String>> REPLIES = new ConcurrentHashMap<>();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8))
            .build();

    static String serviceUrl;
    static String jar;
    static String tenant;
    static String db;
    static String dbUser;
    static String schema;
    static String out;
    static String heartbeat;

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        jar = option(args, "--jar", "target/service-account-bot-sandbox.jar");
        tenant = option(args, "--tenant", "http://127.0.0.1:3993");
        db = option(args, "--db", "jdbc:postgresql://127.0.0.1:5432/test");
        dbUser = option(args, "--db-user", "postgres");
        schema = option(args, "--schema", null);
        out = option(args, "--out", "target/bench/takeover");
        heartbeat = option(args, "--heartbeat", "5s");
        int replicas = Integer.parseInt(option(args, "--replicas", "2"));
        int trials = Integer.parseInt(option(args, "--trials", "6"));
        int firstPort = Integer.parseInt(option(args, "--first-port", "3994"));

        HttpServer connector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        connector.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Matcher replyTo = Pattern.compile("\"replyToId\":\"([^\"]+)\"")
                    .matcher(new String(body, StandardCharsets.UTF_8));
            if (replyTo.find() && REPLIES.containsKey(replyTo.group(1))) {
                REPLIES.get(replyTo.group(1)).complete(new String(body, StandardCharsets.UTF_8));
            }
            byte[] answer = ("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 201 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        connector.setExecutor(Executors.newFixedThreadPool(4));
        connector.start();
        serviceUrl = "http://127.0.0.1:" + connector.getAddress().getPort() + "/amer/";

        Process[] bots = new Process[replicas];
        int[] ports = new int[replicas];
        int[] starts = new int[replicas];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process bot : bots) {
                if (bot != null) {
                    bot.destroyForcibly();
                }
            }
        }));
        for (int i = 0; i < replicas; i++) {
            ports[i] = firstPort + i;
            bots[i] = start(ports[i], starts[i]++);
        }
        for (int port : ports) {
            awaitPort(port);
        }
        System.out.printf("replicas=%d heartbeat=%s trials=%d cpus=%d%n",
                replicas, heartbeat, trials, Runtime.getRuntime().availableProcessors());

        List<Double> takeovers = new ArrayList<>();
        List<Double> picks = new ArrayList<>();
        for (int trial = 1; trial <= trials; trial++) {
            String alias = "svc-takeover-" + trial;
            String bot = "http://127.0.0.1:" + ports[trial % replicas];
            tenantFault();
            String number = ask(bot, alias);
            approve(bot, number);
            String step = "(select %s from plan_step s join approval_request r on r.id = s.request_id"
                    + " where r.number = '" + number + "' and s.words like 'Add %% to it')";
            await(() -> "RUNNING".equals(sql(step.formatted("s.status"))), 120, "the step that adds " + alias);
            String requestId = sql("select id from approval_request where number = '" + number + "'");
            String pickedBy = sql("select picked_by from scheduled_tasks where task_instance = '" + requestId + "'");
            long pid = Long.parseLong(pickedBy.substring(0, pickedBy.indexOf('@')));
            int victim = -1;
            for (int i = 0; i < replicas; i++) {
                if (bots[i].pid() == pid) {
                    victim = i;
                }
            }
            if (victim < 0) {
                throw new IllegalStateException(number + " is run by " + pickedBy + ", not one of the replicas");
            }
            // at a random moment of the heartbeat cycle, as a real death is
            Thread.sleep(ThreadLocalRandom.current().nextLong(2 * heartbeatMillis()));
            long killedAt = System.currentTimeMillis();
            bots[victim].destroyForcibly();
            bots[victim].waitFor();
            long[] pickedAt = {0};
            await(
                    () -> {
                        if (pickedAt[0] == 0) {
                            String by = sql("select coalesce(picked_by, '') from scheduled_tasks"
                                    + " where task_instance = '" + requestId + "'");
                            if (!by.isEmpty() && !by.equals(pickedBy)) {
                                pickedAt[0] = System.currentTimeMillis();
                            }
                        }
                        return Long.parseLong(sql(step.formatted("(extract(epoch from s.started_at) * 1000)::bigint")))
                                > killedAt;
                    },
                    300,
                    "the step to start again");
            long resumedAt = Long.parseLong(sql(step.formatted("(extract(epoch from s.started_at) * 1000)::bigint")));
            double seconds = (resumedAt - killedAt) / 1000.0;
            takeovers.add(seconds);
            double picked = pickedAt[0] == 0 ? Double.NaN : (pickedAt[0] - killedAt) / 1000.0;
            if (pickedAt[0] != 0) {
                picks.add(picked);
            }
            await(() -> "DONE".equals(sql("select status from approval_request where number = '" + number + "'")),
                    120, number + " to end done");
            System.out.printf("trial %d: %s, killed replica %d (pid %d); picked by another replica %.1f s after the"
                    + " kill, its step started again at %.1f s; plan done%n", trial, number, victim + 1, pid, picked,
                    seconds);
            bots[victim] = start(ports[victim], starts[victim]++);
            awaitPort(ports[victim]);
        }
        for (Process bot : bots) {
            bot.destroy();
        }
        for (Process bot : bots) {
            bot.waitFor(20, TimeUnit.SECONDS);
        }
        connector.stop(0);
        summary("kill to run picked by another replica", picks);
        summary("kill to interrupted step started again", takeovers);
    }

    static long heartbeatMillis() {
        return java.time.Duration.parse("PT" + heartbeat.toUpperCase()).toMillis();
    }

    static Process start(int port, int start) throws Exception {
        String sandbox = tenant + "/sandbox";
        return new ProcessBuilder(
                        "java", "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar,
                        "--server.port=" + port,
                        "--spring.datasource.url=" + db + "?currentSchema=" + schema,
                        "--spring.datasource.username=" + dbUser,
                        "--bot.provisioning.graph-base-url=" + sandbox + "/graph/v1.0",
                        "--bot.exchange-server.runner.arm-url=" + sandbox + "/arm",
                        // the run follows the held job on its thread, as a replica that dies mid-step does
                        "--bot.exchange-server.runner.step-hold=10m",
                        "--bot.provisioning.ews-url=" + sandbox + "/ews/Exchange.asmx",
                        "--bot.provisioning.run-heartbeat=" + heartbeat,
                        "--bot.secrets.directory=" + out + "/secrets")
                .redirectErrorStream(true)
                .redirectOutput(new File(out + "/bot-" + port + "-" + start + ".log"))
                .start();
    }

    static void tenantFault() throws Exception {
        String fault = "{\"service\":\"EXCHANGE\",\"matching\":\"Add-DistributionGroupMember\",\"status\":0,"
                + "\"times\":1,\"hang\":\"PT45S\"}";
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(tenant + "/sandbox/control/faults"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(fault))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("the tenant refused the fault: " + answer.body());
        }
    }

    /** One value from PostgreSQL, through psql, in the benchmark's schema ("" for none). */
    static String sql(String query) {
        try {
            ProcessBuilder psql = new ProcessBuilder("psql", db.substring("jdbc:".length()), "-U", dbUser, "-Atc", query)
                    .redirectErrorStream(true);
            psql.environment().put("PGOPTIONS", "--search_path=" + schema);
            Process process = psql.start();
            String value = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(query + ": " + value);
            }
            return value;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(Check check, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + seconds + " s for " + what);
            }
            Thread.sleep(50);
        }
    }

    static void awaitPort(int port) throws Exception {
        await(() -> {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        }, 180, "the bot on port " + port);
    }

    static String ask(String bot, String alias) throws Exception {
        String reply = say(bot, ALEX, "Alex Wilber", "a:bench-alex-" + alias,
                "setup exchange sync for " + alias + " because benchmark of takeovers");
        Matcher number = NUMBER.matcher(reply);
        if (!number.find()) {
            throw new IllegalStateException("no request number in " + reply);
        }
        return number.group(1);
    }

    static void approve(String bot, String number) throws Exception {
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

    static String say(String bot, String aadObjectId, String name, String conversation, String text)
            throws Exception {
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

    static void summary(String what, List<Double> seconds) {
        if (seconds.isEmpty()) {
            return;
        }
        Collections.sort(seconds);
        System.out.printf("%s, %d trials, heartbeat %s: min %.1f s, median %.1f s, max %.1f s%n",
                what, seconds.size(), heartbeat, seconds.get(0), median(seconds), seconds.get(seconds.size() - 1));
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
