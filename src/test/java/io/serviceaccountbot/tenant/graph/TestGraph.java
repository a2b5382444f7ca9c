package io.serviceaccountbot.tenant.graph;

import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;

/** A real {@link GraphDirectory} pointed at a test server, with short timeouts so that no test can hang. */
final class TestGraph {

    /** Short enough for tests, long enough for a loaded CI machine. */
    static final GraphHttpSettings SETTINGS =
            new GraphHttpSettings(Duration.ofSeconds(2), 3, Duration.ofSeconds(1), Duration.ofMillis(50));

    private TestGraph() {}

    static GraphDirectory directory(String baseUrl) {
        return directory(baseUrl, SETTINGS);
    }

    static GraphDirectory directory(String baseUrl, GraphHttpSettings settings) {
        return directory(baseUrl, settings, "test-token");
    }

    /** A fresh adapter (nothing cached) for the simulated tenant of a sandbox bot on that port. */
    static GraphDirectory sandbox(int port) {
        return directory("http://127.0.0.1:" + port + "/sandbox/graph/v1.0", SETTINGS, "sandbox-token");
    }

    private static GraphDirectory directory(String baseUrl, GraphHttpSettings settings, String token) {
        return new GraphDirectory(
                () -> GraphClientConfiguration.client(baseUrl, scope -> token, settings, ObservationRegistry.NOOP),
                settings.timeout());
    }
}
