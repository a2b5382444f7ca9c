package io.serviceaccountbot.teams;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits on a condition the bot reaches in its own time (a durable job, a check, a post), never on a fixed sleep. */
final class Eventually {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private Eventually() {}

    /** Polls the condition every 100 ms until it holds; fails, naming it, after a minute. */
    static void holds(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for: " + what);
            }
            Thread.sleep(100);
        }
    }
}
