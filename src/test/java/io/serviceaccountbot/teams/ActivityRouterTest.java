package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import io.micrometer.observation.ObservationRegistry;
import io.serviceaccountbot.identity.BotIdentity;
import io.serviceaccountbot.identity.RuntimeMode;
import io.serviceaccountbot.storage.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class ActivityRouterTest {

    private static final String SERVICE_URL = "http://localhost:56150/_connector";
    private static final Activity.ChannelAccount MEGAN =
            new Activity.ChannelAccount("user-id-1", null, "00000000-0000-0000-0000-0000000000021");
    private static final Activity.ChannelAccount BOT = new Activity.ChannelAccount("bot-id", "Test Bot", null);

    private final BotIdentity identity = new BotIdentity(RuntimeMode.SANDBOX, "t", "app");
    private final Conversation conversation = mock(Conversation.class);
    private final RememberedActivities remembered = new RememberedActivities();
    private final RedeliveryWindow redeliveries = new RedeliveryWindow(
            remembered,
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
                conversation,
                redeliveries,
                new ConversationClaims(remembered),
                new PendingTurnLimits(50, 100),
                mock(SlowDownNotices.class),
                ObservationRegistry.NOOP);
    }

    @Test
    void aRedeliveredMessageIsAcknowledgedButAnsweredOnce() {
        Activity message = Activities.personalMessage("http://localhost:56150/_connector", "whoami", null);

        assertThat(router(withRoom).route(message).getStatusCode().value()).isEqualTo(200);
        assertThat(router(withRoom).route(message).getStatusCode().value()).isEqualTo(200);

        verify(conversation, timeout(2000).times(1)).message(any(), any());
    }

    @Test
    void aMessageThatFoundNoRoomIsAnsweredWhenTeamsDeliversItAgain() {
        Activity message = Activities.personalMessage("http://localhost:56150/_connector", "whoami", null);

        assertThat(router(full).route(message).getStatusCode().value()).isEqualTo(503);
        assertThat(router(withRoom).route(message).getStatusCode().value()).isEqualTo(200);

        verify(conversation, timeout(2000).times(1)).message(any(), any());
    }

    @Test
    void anInstallAndTheStartOfOnePersonalChatEachDeliveredTwiceOpenTheChatOnce() {
        Activity installed = personal(ActivityTypes.INSTALLATION_UPDATE, "add", null);
        Activity started = personal(ActivityTypes.CONVERSATION_UPDATE, null, List.of(MEGAN, BOT));

        for (Activity update : List.of(installed, started, installed, started)) {
            assertThat(router(withRoom).route(update).getStatusCode().value()).isEqualTo(200);
        }

        verify(conversation, timeout(2000).times(1)).personalChatOpened(any());
        verify(conversation, never()).welcome(any());
    }

    @Test
    void theUserAddedToAPersonalChatOpensItToo() {
        assertThat(router(withRoom)
                        .route(personal(ActivityTypes.CONVERSATION_UPDATE, null, List.of(MEGAN)))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        verify(conversation, timeout(2000).times(1)).personalChatOpened(any());
    }

    @Test
    void anUpgradeOrARemovalOpensNothing() {
        router(withRoom).route(personal(ActivityTypes.INSTALLATION_UPDATE, "add-upgrade", null));
        router(withRoom).route(personal(ActivityTypes.INSTALLATION_UPDATE, "remove", null));
        router(withRoom).route(personal(ActivityTypes.CONVERSATION_UPDATE, null, null));

        verify(conversation, after(300).never()).personalChatOpened(any());
    }

    @Test
    void aBotAddedToAChannelSaysHelloThereAndOpensNoPersonalChat() {
        Activity channel = new Activity(
                ActivityTypes.CONVERSATION_UPDATE,
                "2",
                SERVICE_URL,
                "msteams",
                MEGAN,
                new Activity.ConversationAccount("19:team-id", "channel", "t", true, null),
                BOT,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(BOT));

        router(withRoom).route(channel);

        verify(conversation, timeout(2000).times(1)).welcome(any());
        verify(conversation, never()).personalChatOpened(any());
    }

    @Test
    void anOpeningThatFoundNoRoomIsDoneWhenTeamsDeliversItAgain() {
        Activity installed = personal(ActivityTypes.INSTALLATION_UPDATE, "add", null);

        assertThat(router(full).route(installed).getStatusCode().value()).isEqualTo(503);
        assertThat(router(withRoom).route(installed).getStatusCode().value()).isEqualTo(200);

        verify(conversation, timeout(2000).times(1)).personalChatOpened(any());
    }

    /** An update of Megan's personal chat, as the Agents Playground sends it: a new id on every delivery. */
    private static Activity personal(String type, String action, List<Activity.ChannelAccount> membersAdded) {
        return new Activity(
                type,
                java.util.UUID.randomUUID().toString(),
                SERVICE_URL,
                "msteams",
                MEGAN,
                new Activity.ConversationAccount("megan-chat", "personal", "t", null, null),
                BOT,
                null,
                null,
                null,
                null,
                null,
                null,
                action,
                membersAdded);
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
