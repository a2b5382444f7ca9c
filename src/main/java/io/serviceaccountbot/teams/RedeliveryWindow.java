package io.serviceaccountbot.teams;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells redelivered messages from new ones, and every {@code bot.teams.redelivery-cleanup} forgets the processed
 * activity ids older than {@code bot.teams.redelivery-window}. Safe on several replicas: deleting twice deletes once.
 */
@Component
class RedeliveryWindow {

    private static final Logger log = LoggerFactory.getLogger(RedeliveryWindow.class);

    private final ProcessedActivities processed;
    private final Duration window;
    private final Clock clock;

    RedeliveryWindow(ProcessedActivities processed, TeamsProperties properties, Clock clock) {
        this.processed = processed;
        this.window = properties.redeliveryWindow();
        this.clock = clock;
    }

    /**
     * Whether the message is new and is now taken on; false for a redelivery. A message without an id cannot be
     * recognised again, so it is always new.
     */
    boolean takeOn(ConversationReference.Key conversation, String activityId) {
        return activityId == null || activityId.isBlank() || processed.firstDelivery(conversation, activityId);
    }

    /** Lets a redelivery of a message that was taken on but could not be handled through after all. */
    void release(ConversationReference.Key conversation, String activityId) {
        if (activityId != null && !activityId.isBlank()) {
            processed.forget(conversation, activityId);
        }
    }

    @Scheduled(
            fixedDelayString = "${bot.teams.redelivery-cleanup:1h}",
            initialDelayString = "${bot.teams.redelivery-cleanup:1h}")
    void forgetOldActivities() {
        try {
            int forgotten = processed.forgetBefore(clock.instant().minus(window));
            log.debug("Forgot {} processed activity id(s) older than {}", forgotten, window);
        } catch (RuntimeException e) {
            log.warn("Could not forget old processed activity ids: {}", e.getMessage());
        }
    }
}
