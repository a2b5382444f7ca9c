package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import io.serviceaccountbot.identity.BotIdentity;
import io.serviceaccountbot.identity.RuntimeMode;
import io.serviceaccountbot.storage.TestClock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class ActivityRouterTest {

    private final BotIdentity identity = new BotIdentity(RuntimeMode.SANDBOX, "t", "app");
    private final MessageTurn messages = mock(MessageTurn.class);
    private final RedeliveryWindow redeliveries = new RedeliveryWindow(
            new RememberedActivities(),
            Binder.get(new MockEnvironment()).bindOrCreate("bot.teams", TeamsProperties.class),
            new TestClock(Instant.parse("2026-11-26T10:00:00Z")));
    private final TurnQueue full = new TurnQueue(1, 0);
    private final TurnQueue withRoom = new TurnQueue(1, 10);

    @AfterEach
    void stop() throws InterruptedException {
        full.close();
        withRoom.close();
    }

    private ActivityRouter router(TurnQueue turns) {
        return new ActivityRouter(
                identity,
                mock(ConversationReferences.class),
                turns,
                messages,
                mock(CardActionTurn.class),
                redeliveries);
    }

    @Test
    void aRedeliveredMessageIsAcknowledgedButAnsweredOnce() {
        Activity message = Activities.personalMessage("http://localhost:56150/_connector", "whoami", null);

        assertThat(router(withRoom).route(message).getStatusCode().value()).isEqualTo(200);
        assertThat(router(withRoom).route(message).getStatusCode().value()).isEqualTo(200);

        verify(messages, timeout(2000).times(1)).answer(any(), any());
    }

    @Test
    void aMessageThatFoundNoRoomIsAnsweredWhenTeamsDeliversItAgain() {
        Activity message = Activities.personalMessage("http://localhost:56150/_connector", "whoami", null);

        assertThat(router(full).route(message).getStatusCode().value()).isEqualTo(503);
        assertThat(router(withRoom).route(message).getStatusCode().value()).isEqualTo(200);

        verify(messages, timeout(2000).times(1)).answer(any(), any());
    }

    /** Processed activity ids in memory. */
    static final class RememberedActivities implements ProcessedActivities {

        private final Set<String> ids = ConcurrentHashMap.newKeySet();

        @Override
        public boolean firstDelivery(ConversationReference.Key conversation, String activityId) {
            return ids.add(conversation + "|" + activityId);
        }

        @Override
        public void forget(ConversationReference.Key conversation, String activityId) {
            ids.remove(conversation + "|" + activityId);
        }

        @Override
        public int forgetBefore(Instant cutoff) {
            return 0;
        }
    }
}
