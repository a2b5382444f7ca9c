package io.serviceaccountbot.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Keeps the bot's own sends to one conversation under Teams' per-conversation limits (about 7 per second and 60 per
 * 30 seconds). Proactive messages and card updates wait for their turn; a reply to a user's message is paced by the
 * user and is only counted, so a burst of updates cannot starve replies and replies never queue behind updates.
 */
class SendPacer {

    private final Cache<ConversationReference.Key, Bucket> buckets;
    private final int perSecond;
    private final int perThirtySeconds;

    SendPacer(int perSecond, int perThirtySeconds) {
        this.perSecond = perSecond;
        this.perThirtySeconds = perThirtySeconds;
        this.buckets =
                Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    /** Blocks until a bot-initiated send to this conversation stays within the limits. */
    void awaitTurn(ConversationReference.Key conversation) throws InterruptedException {
        bucketOf(conversation).asBlocking().consume(1);
    }

    /** Counts a reply against the conversation's budget without waiting. */
    void countReply(ConversationReference.Key conversation) {
        bucketOf(conversation).tryConsume(1);
    }

    private Bucket bucketOf(ConversationReference.Key conversation) {
        return buckets.get(
                conversation,
                key -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                        .addLimit(limit ->
                                limit.capacity(perThirtySeconds).refillGreedy(perThirtySeconds, Duration.ofSeconds(30)))
                        .build());
    }
}
