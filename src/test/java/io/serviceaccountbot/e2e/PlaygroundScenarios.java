package io.serviceaccountbot.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one scenario of {@code e2e/run.mjs} against a bot and returns its exit code and output. */
final class PlaygroundScenarios {

    private PlaygroundScenarios() {}

    record Outcome(int exitCode, String output) {}

    static Outcome run(String scenario, String botEndpoint, Path out) throws Exception {
        Files.createDirectories(out);
        Path transcript = out.resolve(scenario + "-runner.log");
        Process node = new ProcessBuilder(List.of(
                        "node",
                        "run.mjs",
                        "--bot",
                        botEndpoint,
                        "--scenario",
                        scenario,
                        "--out",
                        out.toString(),
                        "--bot-wait",
                        Long.toString(BotProcess.STARTUP.toSeconds())))
                .directory(EndToEndPrerequisites.E2E.toFile())
                .redirectErrorStream(true)
                .redirectOutput(transcript.toFile())
                .start();
        long limit = BotProcess.STARTUP.toSeconds() + 240;
        try {
            if (!node.waitFor(limit, TimeUnit.SECONDS)) {
                return new Outcome(-1, Files.readString(transcript) + "\n(timed out after " + limit + " s)");
            }
        } finally {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly().waitFor();
        }
        return new Outcome(node.exitValue(), Files.readString(transcript));
    }
}
