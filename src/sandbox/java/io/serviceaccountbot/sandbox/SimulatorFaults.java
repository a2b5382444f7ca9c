package io.serviceaccountbot.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency and failures the simulated tenant adds to its answers, so clients are tested the way Microsoft 365 treats
 * them: a fixed latency per call, and scripted faults (429 with Retry-After, 5xx, a timeout) for the next calls to a
 * service whose request matches. It also counts the calls each service answered, for the round-trip benchmarks.
 */
class SimulatorFaults {

    /** The simulated services; ARM is Azure Resource Manager, where the Exchange Server runner's jobs start. */
    enum Service {
        GRAPH,
        EXCHANGE,
        EWS,
        ARM
    }

    /**
     * A failure to inject.
     *
     * @param service the service that fails
     * @param matching a substring of "METHOD path" (Graph, ARM) or the cmdlet name (Exchange) that selects the calls;
     *     empty for any call
     * @param status the HTTP status to answer, or 0 for a timeout (the call hangs for {@code hang}, then gets 504)
     * @param retryAfterSeconds the Retry-After header to send, or 0 for none
     * @param times how many matching calls fail
     * @param hang how long a timeout hangs
     */
    record Fault(Service service, String matching, int status, int retryAfterSeconds, int times, Duration hang) {}

    private final Map<Service, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<Service, AtomicLong> calls = new ConcurrentHashMap<>();
    private volatile Duration latency;

    SimulatorFaults(Duration latency) {
        this.latency = latency;
        for (Service service : Service.values()) {
            faults.put(service, new ArrayDeque<>());
            calls.put(service, new AtomicLong());
        }
    }

    Duration latency() {
        return latency;
    }

    void setLatency(Duration latency) {
        this.latency = latency;
    }

    void inject(Fault fault) {
        Deque<Fault> queue = faults.get(fault.service());
        synchronized (queue) {
            queue.add(fault);
        }
    }

    void clear() {
        faults.values().forEach(queue -> {
            synchronized (queue) {
                queue.clear();
            }
        });
    }

    /**
     * Counts a call and returns the fault it should suffer, if one is scripted for it.
     *
     * @param request "METHOD path" for Graph, the cmdlet name for Exchange
     */
    Optional<Fault> onCall(Service service, String request) {
        calls.get(service).incrementAndGet();
        Deque<Fault> queue = faults.get(service);
        synchronized (queue) {
            for (Fault fault : queue) {
                if (request.contains(fault.matching())) {
                    queue.remove(fault);
                    if (fault.times() > 1) {
                        queue.addFirst(new Fault(
                                fault.service(),
                                fault.matching(),
                                fault.status(),
                                fault.retryAfterSeconds(),
                                fault.times() - 1,
                                fault.hang()));
                    }
                    return Optional.of(fault);
                }
            }
        }
        return Optional.empty();
    }

    /** Calls answered per service since start or the last reset. */
    Map<Service, Long> callCounts() {
        Map<Service, Long> counts = new java.util.EnumMap<>(Service.class);
        calls.forEach((service, count) -> counts.put(service, count.get()));
        return counts;
    }

    void resetCounts() {
        calls.values().forEach(count -> count.set(0));
    }

    /** Waits the configured latency, as a remote service would. */
    void delay() {
        Duration wait = latency;
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
