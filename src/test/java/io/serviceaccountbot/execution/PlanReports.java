package io.serviceaccountbot.execution;

import io.serviceaccountbot.plans.ProvisioningReport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.transaction.event.TransactionalEventListener;

/** Collects the reports of executed plans, by request number, for tests to wait for. Import it into the test. */
public class PlanReports {

    private final Map<String, ProvisioningReport> reports = new ConcurrentHashMap<>();
    private final Map<String, Integer> endings = new ConcurrentHashMap<>();

    /** After the request's end is committed, so that a test that read the report reads the request's end too. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(RunEnded ended) {
        reports.put(ended.number().value(), ended.report());
        endings.merge(ended.number().value(), 1, Integer::sum);
    }

    /** Forgets the request's report, to wait for the next run's. */
    public void forget(String requestNumber) {
        reports.remove(requestNumber);
    }

    /** How many times a run of the request ended. */
    public int endings(String requestNumber) {
        return endings.getOrDefault(requestNumber, 0);
    }

    /** The report of that request, waiting for it at most {@code patience}. */
    public ProvisioningReport awaitReport(String requestNumber, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            ProvisioningReport report = reports.get(requestNumber);
            if (report != null) {
                return report;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("request " + requestNumber + " did not finish within " + patience);
    }
}
