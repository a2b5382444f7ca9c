package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.storage.RepositoryContract;
import io.serviceaccountbot.storage.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link JdbcProcessedActivities} remembers, and for how long; each subclass runs it on one database. */
abstract class ProcessedActivitiesContract extends RepositoryContract {

    static final ConversationReference.Key ALEXS_CHAT =
            new ConversationReference.Key("http://localhost:56150/_connector", "chat-1");
    static final ConversationReference.Key MEGANS_CHAT =
            new ConversationReference.Key("http://localhost:56151/_connector", "chat-1");
    static final ConversationReference.Key ALEXS_OTHER_CHAT =
            new ConversationReference.Key("http://localhost:56150/_connector", "chat-2");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
    private ProcessedActivities processed;

    @Override
    protected String[] tables() {
        return new String[] {"processed_activity"};
    }

    @BeforeEach
    void newRepository() {
        processed = new JdbcProcessedActivities(database().jdbc(), database().transactions(), clock);
    }

    @Test
    void anActivityIsNewOnceAndARedeliveryAfterwards() {
        assertThat(processed.firstDelivery(ALEXS_CHAT, "f:1")).isTrue();
        assertThat(processed.firstDelivery(ALEXS_CHAT, "f:1")).isFalse();
        assertThat(processed.firstDelivery(ALEXS_CHAT, "f:2")).isTrue();
    }

    @Test
    void theSameActivityIdInAnotherConversationOrTeamsWorldIsAnotherActivity() {
        assertThat(processed.firstDelivery(ALEXS_CHAT, "f:1")).isTrue();

        assertThat(processed.firstDelivery(ALEXS_OTHER_CHAT, "f:1")).isTrue();
        assertThat(processed.firstDelivery(MEGANS_CHAT, "f:1")).isTrue();
    }

    @Test
    void aForgottenActivityIsNewAgain() {
        processed.firstDelivery(ALEXS_CHAT, "f:1");

        processed.forget(ALEXS_CHAT, "f:1");

        assertThat(processed.firstDelivery(ALEXS_CHAT, "f:1")).isTrue();
    }

    @Test
    void idsOlderThanTheWindowAreForgottenAndYoungerOnesKept() {
        processed.firstDelivery(ALEXS_CHAT, "old");
        clock.advance(Duration.ofHours(23));
        processed.firstDelivery(ALEXS_CHAT, "recent");
        clock.advance(Duration.ofHours(2));

        assertThat(processed.forgetBefore(clock.instant().minus(Duration.ofHours(24))))
                .isEqualTo(1);

        assertThat(processed.firstDelivery(ALEXS_CHAT, "recent"))
                .as("still within the window")
                .isFalse();
        assertThat(processed.firstDelivery(ALEXS_CHAT, "old")).as("forgotten").isTrue();
    }

    @Test
    void ofTenReplicasGivenTheSameActivityAtOnceExactlyOneTakesItOn() throws Exception {
        int replicas = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                ProcessedActivities replica = new JdbcProcessedActivities(
                        database().jdbc(), database().transactions(), clock);
                claims.add(threads.submit(() -> {
                    start.await();
                    return replica.firstDelivery(ALEXS_CHAT, "f:1");
                }));
            }
            start.countDown();
            int takenOn = 0;
            for (Future<Boolean> claim : claims) {
                takenOn += claim.get() ? 1 : 0;
            }
            assertThat(takenOn).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
