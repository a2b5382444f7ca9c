package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TurnQueueTest {

    private static ConversationReference.Key conversation(String id) {
        return new ConversationReference.Key("http://localhost/", id);
    }

    @Test
    void answersOneConversationInTheOrderItsMessagesArrived() throws Exception {
        List<Integer> answered = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(200);
        try (TurnQueue queue = new TurnQueue(8, 1000)) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                assertThat(queue.offer(conversation("a"), () -> {
                            answered.add(n);
                            done.countDown();
                        }))
                        .isTrue();
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(answered).isSorted().hasSize(200);
    }

    @Test
    void aSlowConversationDoesNotHoldUpAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherAnswered = new CountDownLatch(1);
        try (TurnQueue queue = new TurnQueue(2, 10)) {
            queue.offer(conversation("slow"), () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            queue.offer(conversation("other"), otherAnswered::countDown);

            assertThat(otherAnswered.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();
        }
    }

    @Test
    void refusesBeyondThePendingLimitAndRecoversWhenTurnsFinish() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(3);
        try (TurnQueue queue = new TurnQueue(1, 3)) {
            for (int i = 0; i < 3; i++) {
                assertThat(queue.offer(conversation("c" + i), () -> {
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            finished.countDown();
                        }))
                        .isTrue();
            }
            assertThat(queue.offer(conversation("c4"), () -> {})).isFalse();

            release.countDown();
            assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(50);
            assertThat(queue.offer(conversation("c5"), () -> {})).isTrue();
        }
    }

    @Test
    void aFailingTurnDoesNotStopTheConversation() throws Exception {
        CountDownLatch next = new CountDownLatch(1);
        try (TurnQueue queue = new TurnQueue(1, 10)) {
            queue.offer(conversation("a"), () -> {
                throw new IllegalStateException("boom");
            });
            queue.offer(conversation("a"), next::countDown);
            assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
