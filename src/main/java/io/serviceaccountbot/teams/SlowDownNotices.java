package io.serviceaccountbot.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a conversation that sends faster than the bot answers that some of its messages were skipped: at most once
 * per window per conversation, so that the notice cannot itself be used to make the bot flood the connector, and on
 * a thread of its own with a short queue (further notices are dropped), so that it never waits behind that
 * conversation's turns or holds up an HTTP request.
 */
public class SlowDownNotices implements AutoCloseable {

    public static final String SLOW_DOWN =
            "You're sending messages faster than I can answer them, so I skipped some of them"
                    + " and did nothing for those. Please wait for my answers, then send again what is still needed.";

    private static final Logger log = LoggerFactory.getLogger(SlowDownNotices.class);

    private final BotConnector connector;
    private final Cache<ConversationReference.Key, Boolean> told;
    private final ThreadPoolExecutor sender;

    SlowDownNotices(BotConnector connector, Duration window) {
        this.connector = connector;
        this.told = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(100_000)
                .build();
        this.sender = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(100),
                runnable -> {
                    Thread thread = new Thread(runnable, "slow-down-notices");
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Answers the skipped message with the notice, unless this conversation was told within the window. */
    void skipped(ConversationReference conversation, String activityId) {
        if (told.asMap().putIfAbsent(conversation.key(), Boolean.TRUE) != null) {
            return;
        }
        log.warn(
                "Conversation {} sends faster than it is answered; skipping messages and telling it once",
                LogSafe.of(conversation.conversationId()));
        sender.execute(() -> {
            try {
                connector.reply(conversation, activityId, BotMessage.text(SLOW_DOWN));
            } catch (RuntimeException e) {
                log.warn("Could not tell a conversation to slow down: {}", e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
