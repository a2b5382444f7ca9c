import io.serviceaccountbot.audit.AuditLog;
import io.serviceaccountbot.audit.AuditRecord;
import io.serviceaccountbot.audit.ChainCheck;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log on PostgreSQL, through the bot's own {@link AuditLog} and migrations, in a schema of its own (dropped
 * at the end):
 *
 * <ol>
 *   <li>appends {@code --entries} entries (100,000) from {@code --threads} threads (8), each an entry the size of a
 *       plan step's (a detail of about 200 characters and three tenant request ids): entries per second and the
 *       latency of one append;
 *   <li>{@code audit verify} over all of them: the time to recompute the chain;
 *   <li>edits one entry in the middle with SQL and verifies again: the time to find it, and that it is named.
 * </ol>
 *
 * <p>Usage (see bench/audit.sh): java -cp target/classes:&lt;runtime classpath&gt; bench/AuditLoad.java
 * jdbc:postgresql://127.0.0.1:5432/test [--user postgres] [--entries 100000] [--threads 8]
 */
public class AuditLoad {

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 && !args[0].startsWith("--") ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
        String user = text(args, "--user", System.getProperty("user.name"));
        int entries = option(args, "--entries", 100_000);
        int threads = option(args, "--threads", 8);
        String schema = "bench_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setUsername(user);
        config.setMaximumPoolSize(threads + 2);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            AuditLog log = new AuditLog(
                    JdbcClient.create(dataSource),
                    new JdbcTemplate(dataSource),
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                    Clock.systemUTC());
            try {
                run(log, JdbcClient.create(dataSource), entries, threads, url);
            } finally {
                JdbcClient.create(dataSource).sql("drop schema " + schema + " cascade").update();
            }
        }
    }

    static void run(AuditLog log, JdbcClient jdbc, int entries, int threads, String url) throws Exception {
        System.out.printf("database=%s entries=%,d threads=%d cpus=%d%n",
                url, entries, threads, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < 2_000; i++) {
            log.append(step(i));
        }
        jdbc.sql("delete from audit_entry").update();
        jdbc.sql("update audit_head set last_seq = 0, last_hash = :zero where id = 1")
                .param("zero", "0".repeat(64))
                .update();

        long[] latencies = new long[entries];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < entries; ) {
                    long sent = System.nanoTime();
                    log.append(step(i));
                    latencies[i] = System.nanoTime() - sent;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf("append: %,d entries in %.1f s = %,.0f entries/s; one append p50 %.2f ms, p99 %.2f ms%n",
                entries, seconds, entries / seconds, latencies[entries / 2] / 1e6,
                latencies[(int) (entries * 0.99)] / 1e6);

        log.verify();
        long verifying = System.nanoTime();
        ChainCheck check = log.verify();
        System.out.printf("audit verify: %,d entries, intact=%s, in %.2f s%n",
                check.entries(), check.intact(), (System.nanoTime() - verifying) / 1e9);
        if (!check.intact() || check.entries() != entries) {
            throw new IllegalStateException("the chain should be intact: " + check);
        }

        long middle = entries / 2;
        jdbc.sql("update audit_entry set outcome = 'failed' where seq = :seq").param("seq", middle).update();
        verifying = System.nanoTime();
        ChainCheck tampered = log.verify();
        System.out.printf("audit verify after editing entry %,d: %s, in %.2f s%n",
                middle, tampered.problem(), (System.nanoTime() - verifying) / 1e9);
        if (tampered.intact() || tampered.firstBroken() != middle) {
            throw new IllegalStateException("the edit should be found: " + tampered);
        }
    }

    static AuditRecord step(int i) {
        return new AuditRecord(
                null,
                AuditRecord.BOT,
                "plan.step",
                "R-" + Integer.toString(100_000 + i % 900_000, 36).toUpperCase(),
                "svc-bench-" + (i % 500) + "@contoso.com",
                "done",
                "step 3: Add svc-bench-" + (i % 500) + "@contoso.com to the mail-enabled security group 'Exchange Sync"
                        + " Accounts' | Added svc-bench to Exchange Sync Accounts (it was not a member); read back: a"
                        + " member",
                List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString()),
                null);
    }

    static int option(String[] args, String name, int fallback) {
        return Integer.parseInt(text(args, name, Integer.toString(fallback)));
    }

    static String text(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
