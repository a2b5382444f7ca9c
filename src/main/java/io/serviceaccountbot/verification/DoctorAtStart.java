package io.serviceaccountbot.verification;

import io.serviceaccountbot.identity.BotIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The start-up check: once a production bot is ready, {@code doctor} runs once in the background and logs each missing
 * token or permission as a warning, so that a deployment with a permission missing says so before the first admin
 * finds out. The sandbox's simulated tenant grants everything unless told otherwise, so it is not checked at start.
 */
@Component
class DoctorAtStart {

    private static final Logger log = LoggerFactory.getLogger(DoctorAtStart.class);

    private final BotIdentity identity;
    private final BotAccessCheck check;

    DoctorAtStart(BotIdentity identity, BotAccessCheck check) {
        this.identity = identity;
        this.check = check;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkOnce() {
        if (identity.mode().isSandbox()) {
            return;
        }
        Thread thread = new Thread(this::report, "doctor-at-start");
        thread.setDaemon(true);
        thread.start();
    }

    void report() {
        try {
            VerificationReport report = check.check();
            if (report.allPassed()) {
                log.info("Doctor: every token and permission the bot needs is there");
                return;
            }
            report.checks().stream()
                    .filter(line -> line.result() == Check.Result.FAILED)
                    .forEach(line -> log.warn("Doctor: {}: {}. Fix: {}", line.name(), line.detail(), line.fix()));
        } catch (RuntimeException e) {
            log.warn("Doctor could not run at start: {}", e.toString());
        }
    }
}
