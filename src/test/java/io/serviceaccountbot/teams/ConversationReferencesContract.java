package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.storage.RepositoryContract;
import io.serviceaccountbot.storage.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link JdbcConversationReferences} keeps and finds; each subclass runs it on one database. */
abstract class ConversationReferencesContract extends RepositoryContract {

    static final String PLAYGROUND_ALEX = "http://localhost:56150/_connector";
    static final String PLAYGROUND_MEGAN = "http://localhost:56151/_connector";
    static final String ALEX = "00000000-0000-0000-0000-0000000000020";
    static final String MEGAN = "00000000-0000-0000-0000-0000000000021";
    static final String TENANT = "00000000-0000-0000-0000-0000000000001";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
    private ConversationReferences references;

    @Override
    protected String[] tables() {
        return new String[] {"conversation_reference"};
    }

    @BeforeEach
    void newRepository() {
        references = replica();
    }

    /** Another instance of the repository on the same database, as another replica of the bot would have. */
    private ConversationReferences replica() {
        return new JdbcConversationReferences(database().jdbc(), database().transactions(), clock);
    }

    @Test
    void aReferenceIsFoundByServiceUrlAndConversationId() {
        ConversationReference alex = personal(PLAYGROUND_ALEX, "a-1", ALEX, "Alex Wilber");

        references.save(alex);

        assertThat(references.find(PLAYGROUND_ALEX, "a-1")).contains(alex);
        assertThat(replica().find(PLAYGROUND_ALEX, "a-1")).contains(alex);
        assertThat(references.find(PLAYGROUND_MEGAN, "a-1")).isEmpty();
        assertThat(references.find(PLAYGROUND_ALEX, "a-2")).isEmpty();
    }

    @Test
    void aNewerActivityLackingAFieldKeepsTheKnownValue() {
        references.save(personal(PLAYGROUND_ALEX, "a-1", ALEX, "Alex Wilber"));
        ConversationReference installationUpdate = new ConversationReference(
                PLAYGROUND_ALEX, "a-1", "personal", TENANT, "28:bot", null, "user-id-0", null, ALEX);

        replica().save(installationUpdate);

        assertThat(references.find(PLAYGROUND_ALEX, "a-1"))
                .contains(personal(PLAYGROUND_ALEX, "a-1", ALEX, "Alex Wilber"));
    }

    @Test
    void aPersonalChatKeepsTheUserItWasOpenedWithAndLearnsNewerNames() {
        references.save(personal(PLAYGROUND_ALEX, "a-1", ALEX, "Alex Wilber"));

        references.save(personal(PLAYGROUND_ALEX, "a-1", MEGAN, "Alex W."));

        ConversationReference stored = references.find(PLAYGROUND_ALEX, "a-1").orElseThrow();
        assertThat(stored.userAadObjectId()).isEqualTo(ALEX);
        assertThat(stored.userName()).isEqualTo("Alex W.");
    }

    @Test
    void aChannelFollowsWhoeverWroteLast() {
        references.save(channel(PLAYGROUND_ALEX, "team-id", ALEX, "Alex Wilber"));

        references.save(channel(PLAYGROUND_ALEX, "team-id", MEGAN, "Megan Bowen"));

        assertThat(references.find(PLAYGROUND_ALEX, "team-id").orElseThrow().userAadObjectId())
                .isEqualTo(MEGAN);
    }

    @Test
    void personalChatsAreFoundPerUserAcrossServiceUrlsWhoseConversationIdsCollide() {
        references.save(personal(PLAYGROUND_ALEX, "chat-1", ALEX, "Alex Wilber"));
        references.save(personal(PLAYGROUND_MEGAN, "chat-1", MEGAN, "Megan Bowen"));
        references.save(personal(PLAYGROUND_MEGAN, "chat-2", ALEX, "Alex Wilber"));
        references.save(channel(PLAYGROUND_ALEX, "team-id", ALEX, "Alex Wilber"));
        references.save(channel(PLAYGROUND_MEGAN, "team-id", MEGAN, "Megan Bowen"));

        assertThat(references.personalChatsOf(ALEX))
                .extracting(ConversationReference::key)
                .containsExactlyInAnyOrder(
                        new ConversationReference.Key(PLAYGROUND_ALEX, "chat-1"),
                        new ConversationReference.Key(PLAYGROUND_MEGAN, "chat-2"));
        assertThat(references.personalChatsOf(MEGAN.toUpperCase()))
                .extracting(ConversationReference::key)
                .containsExactly(new ConversationReference.Key(PLAYGROUND_MEGAN, "chat-1"));
        assertThat(references.find(PLAYGROUND_ALEX, "team-id").orElseThrow().userAadObjectId())
                .isEqualTo(ALEX);
        assertThat(references.find(PLAYGROUND_MEGAN, "team-id").orElseThrow().userAadObjectId())
                .isEqualTo(MEGAN);
        assertThat(references.personalChatsOf("00000000-0000-0000-0000-0000000000023"))
                .isEmpty();
    }

    @Test
    void aChannelIsFoundByItsIdInEachTeamsWorldIncludingItsThreadsButNotLookalikes() {
        references.save(channel(PLAYGROUND_ALEX, "19:approvals@thread.tacv2", ALEX, "Alex Wilber"));
        references.save(channel(PLAYGROUND_MEGAN, "19:approvals@thread.tacv2;messageid=17", MEGAN, "Megan Bowen"));
        references.save(channel(PLAYGROUND_ALEX, "19:approvals@thread.tacv2x", ALEX, "Alex Wilber"));
        references.save(channel(PLAYGROUND_ALEX, "19:approvals_thread", ALEX, "Alex Wilber"));

        assertThat(references.channel("19:approvals@thread.tacv2"))
                .extracting(ConversationReference::serviceUrl, ConversationReference::conversationId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(PLAYGROUND_ALEX, "19:approvals@thread.tacv2"),
                        org.assertj.core.groups.Tuple.tuple(
                                PLAYGROUND_MEGAN, "19:approvals@thread.tacv2;messageid=17"));
        assertThat(references.channel("19:approvals%")).isEmpty();
    }

    @Test
    void savingWhatIsKnownAlreadyAsksTheDatabaseNothing() {
        ConversationReference alex = personal(PLAYGROUND_ALEX, "a-1", ALEX, "Alex Wilber");
        references.save(alex);
        database().deleteAll("conversation_reference");

        references.save(alex);
        references.save(
                new ConversationReference(PLAYGROUND_ALEX, "a-1", "personal", null, null, null, null, null, null));

        assertThat(references.find(PLAYGROUND_ALEX, "a-1"))
                .as("nothing new, so not written again")
                .isEmpty();

        references.save(personal(PLAYGROUND_ALEX, "a-1", ALEX, "Alex Wilber (Sales)"));

        assertThat(references.find(PLAYGROUND_ALEX, "a-1").orElseThrow().userName())
                .isEqualTo("Alex Wilber (Sales)");
    }

    @Test
    void replicasSavingTheSameNewConversationAtOnceStoreItOnce() throws Exception {
        int replicas = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                ConversationReferences replica = replica();
                String name = i % 2 == 0 ? "Alex Wilber" : null;
                saves.add(threads.submit(() -> {
                    start.await();
                    replica.save(personal(PLAYGROUND_ALEX, "a-1", ALEX, name));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> save : saves) {
                save.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(references.personalChatsOf(ALEX))
                .singleElement()
                .satisfies(reference -> assertThat(reference.userName()).isEqualTo("Alex Wilber"));
    }

    static ConversationReference personal(String serviceUrl, String conversationId, String user, String name) {
        return new ConversationReference(
                serviceUrl,
                conversationId,
                "personal",
                TENANT,
                "28:bot",
                "Service Account Bot",
                "29:" + user,
                name,
                user);
    }

    static ConversationReference channel(String serviceUrl, String conversationId, String user, String name) {
        return new ConversationReference(
                serviceUrl,
                conversationId,
                "channel",
                TENANT,
                "28:bot",
                "Service Account Bot",
                "29:" + user,
                name,
                user);
    }
}
