package io.serviceaccountbot.provisioning.graph;

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
        return new GraphDirectory(
                () -> GraphClientConfiguration.client(baseUrl, scope -> "test-token", settings), settings.timeout());
    }
}
