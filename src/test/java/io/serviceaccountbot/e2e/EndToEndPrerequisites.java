package io.serviceaccountbot.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the end-to-end tests need besides a JDK: Node 20+, Debian's Chromium and the e2e npm packages. Where they are
 * missing the tests are skipped with a message saying what to install; with {@code CI=true} a skip is a failure.
 */
final class EndToEndPrerequisites {

    static final Path E2E = Path.of("e2e").toAbsolutePath();
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private EndToEndPrerequisites() {}

    static void require() {
        List<String> missing = new ArrayList<>();
        if (!onPath("node")) {
            missing.add("Node.js 20 or later (node on the PATH)");
        }
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add("Chromium at " + CHROMIUM + " (apt-get install -y chromium, or set CHROMIUM_PATH)");
        }
        if (!Files.isDirectory(E2E.resolve("node_modules/@microsoft/m365agentsplayground"))) {
            missing.add("the e2e npm packages (cd e2e && npm ci)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "End-to-end tests need: " + String.join("; ", missing) + ".";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " CI=true, so a skipped end-to-end test is a failure.");
        }
        Assumptions.abort(message + " Skipping.");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
