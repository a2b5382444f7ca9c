package io.serviceaccountbot.chat.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.chat.approvals.ApprovalCardCopies.Audience;
import io.serviceaccountbot.chat.approvals.ApprovalCardCopies.CardCopy;
import io.serviceaccountbot.storage.RepositoryContract;
import io.serviceaccountbot.teams.ConversationReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link JdbcApprovalCardCopies} keeps and finds; each subclass runs it on one database. */
abstract class ApprovalCardCopiesContract extends RepositoryContract {

    static final ConversationReference.Key MEGANS_CHAT =
            new ConversationReference.Key("http://localhost:56151/_connector", "chat-1");
    static final ConversationReference.Key ALEXS_CHAT =
            new ConversationReference.Key("http://localhost:56150/_connector", "chat-1");
    static final ConversationReference.Key CHANNEL =
            new ConversationReference.Key("http://localhost:56150/_connector", "team-id;messageid=17");

    private ApprovalCardCopies copies;

    @Override
    protected String[] tables() {
        return new String[] {"approval_card_copy"};
    }

    @BeforeEach
    void newRepository() {
        copies = new JdbcApprovalCardCopies(database().jdbc(), database().transactions());
    }

    @Test
    void aRequestsCopiesComeBackOldestFirst() {
        CardCopy requester = new CardCopy("R-7K2QM4", ALEXS_CHAT, "1700000000001", Audience.REQUESTER);
        CardCopy approver = new CardCopy("R-7K2QM4", MEGANS_CHAT, "1700000000002", Audience.APPROVER);
        CardCopy channel = new CardCopy("R-7K2QM4", CHANNEL, "1700000000003", Audience.CHANNEL);
        CardCopy another = new CardCopy("R-ABCDEF", MEGANS_CHAT, "1700000000004", Audience.APPROVER);

        copies.add(requester);
        copies.add(another);
        copies.add(approver);
        copies.add(channel);

        assertThat(copies.of("R-7K2QM4")).containsExactly(requester, approver, channel);
        assertThat(copies.of("R-ABCDEF")).containsExactly(another);
        assertThat(copies.of("R-000000")).isEmpty();
    }

    @Test
    void addingTheSameCopyAgainKeepsOne() {
        CardCopy approver = new CardCopy("R-7K2QM4", MEGANS_CHAT, "1700000000002", Audience.APPROVER);

        copies.add(approver);
        copies.add(approver);

        assertThat(copies.of("R-7K2QM4")).containsExactly(approver);
    }

    @Test
    void theSameActivityIdUnderAnotherServiceUrlIsAnotherCopy() {
        CardCopy inAlexsWorld = new CardCopy("R-7K2QM4", ALEXS_CHAT, "1700000000002", Audience.REQUESTER);
        CardCopy inMegansWorld = new CardCopy("R-7K2QM4", MEGANS_CHAT, "1700000000002", Audience.APPROVER);

        copies.add(inAlexsWorld);
        copies.add(inMegansWorld);

        assertThat(copies.of("R-7K2QM4")).containsExactly(inAlexsWorld, inMegansWorld);
    }

    @Test
    void replicasAddingTheSameCopyAtOnceKeepOne() throws Exception {
        CardCopy approver = new CardCopy("R-7K2QM4", MEGANS_CHAT, "1700000000002", Audience.APPROVER);
        int replicas = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<?>> adds = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                ApprovalCardCopies replica =
                        new JdbcApprovalCardCopies(database().jdbc(), database().transactions());
                adds.add(threads.submit(() -> {
                    start.await();
                    replica.add(approver);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> add : adds) {
                add.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(copies.of("R-7K2QM4")).containsExactly(approver);
    }
}
