package io.serviceaccountbot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.storage.RepositoryContract;
import io.serviceaccountbot.storage.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@link AuditLog} keeps and how it finds tampering; each subclass runs it on one database. Tampering is done the
 * way an attacker with database access would: SQL on the tables.
 */
abstract class AuditLogContract extends RepositoryContract {

    private TestClock clock;
    private AuditLog log;

    @Override
    protected String[] tables() {
        return new String[] {"audit_entry"};
    }

    @BeforeEach
    void newLog() {
        clock = new TestClock(Instant.parse("2026-12-03T10:00:00.123456789Z"));
        database()
                .jdbc()
                .sql("update audit_head set last_seq = 0, last_hash = :genesis where id = 1")
                .param("genesis", AuditHash.GENESIS)
                .update();
        JdbcTemplate template = new JdbcTemplate(dataSourceOf());
        log = new AuditLog(database().jdbc(), template, database().transactions(), clock);
    }

    private javax.sql.DataSource dataSourceOf() {
        return database().dataSource();
    }

    static AuditRecord approval(String who, String request) {
        return new AuditRecord(
                "aad-" + who,
                who,
                "decision.approve",
                request,
                "svc-sync@contoso.com",
                "recorded",
                "approval 1 of 1",
                List.of(),
                "a:chat-" + who);
    }

    static AuditRecord step(String request, String... tenantIds) {
        return new AuditRecord(
                null,
                AuditRecord.BOT,
                "plan.step",
                request,
                "svc-sync@contoso.com",
                "done",
                "step 1: Create the user | Created svc-sync@contoso.com",
                List.of(tenantIds),
                null);
    }

    private void appendSome(int count) {
        for (int i = 1; i <= count; i++) {
            log.append(approval("Megan" + i, "R-00000" + i));
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void entriesAreKeptInOrderWithEverythingTheyTold() {
        log.append(step("R-7K2QM4", "graph-id-1", "exo-id-2"));
        clock.advance(Duration.ofSeconds(1));
        log.append(approval("Megan", "R-7K2QM4"));

        List<AuditEntry> latest = log.latest(Optional.empty(), 10);

        assertThat(latest).extracting(AuditEntry::seq).containsExactly(2L, 1L);
        AuditEntry first = latest.get(1);
        assertThat(first.record().tenantRequestIds()).containsExactly("graph-id-1", "exo-id-2");
        assertThat(first.record().actorName()).isEqualTo(AuditRecord.BOT);
        assertThat(first.recordedAt()).isEqualTo(Instant.parse("2026-12-03T10:00:00.123Z"));
        assertThat(first.previousHash()).isEqualTo(AuditHash.GENESIS);
        assertThat(latest.get(0).previousHash()).isEqualTo(first.hash());
        assertThat(latest.get(0).record().conversationId()).isEqualTo("a:chat-Megan");
    }

    @Test
    void anEntryWithoutAConversationTakesTheOneTheThreadAnswers() {
        try (MDC.MDCCloseable context = MDC.putCloseable(AuditLog.CONVERSATION, "a:alex-personal")) {
            log.append(step("R-1"));
        }

        assertThat(log.latest(Optional.empty(), 1).get(0).record().conversationId())
                .isEqualTo("a:alex-personal");
    }

    @Test
    void secretsThatSlipIntoATextAreRemovedBeforeTheyAreStored() {
        log.append(new AuditRecord(
                "aad-alex",
                "Alex",
                "account.create",
                null,
                "svc-x",
                "failed",
                "Graph said: Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl and password=Hunter2!xyz",
                List.of(),
                null));

        String stored = database()
                .jdbc()
                .sql("select detail from audit_entry")
                .query(String.class)
                .single();

        assertThat(stored).doesNotContain("eyJ", "Hunter2", "c2lnbmF0dXJl").contains("[token removed]", "[removed]");
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void anUntouchedLogVerifies() {
        appendSome(5);

        ChainCheck check = log.verify();

        assertThat(check.intact()).isTrue();
        assertThat(check.entries()).isEqualTo(5);
        assertThat(check.first()).isEqualTo(Instant.parse("2026-12-03T10:00:00.123Z"));
        assertThat(check.last()).isEqualTo(Instant.parse("2026-12-03T10:00:04.123Z"));
    }

    @Test
    void anEmptyLogVerifies() {
        assertThat(log.verify()).isEqualTo(new ChainCheck(true, 0, null, null, null, null));
    }

    @Test
    void aChangedEntryIsNamed() {
        appendSome(5);

        database()
                .jdbc()
                .sql("update audit_entry set actor_name = 'Mallory' where seq = 3")
                .update();

        ChainCheck check = log.verify();
        assertThat(check.intact()).isFalse();
        assertThat(check.firstBroken()).isEqualTo(3L);
        assertThat(check.problem()).isEqualTo("entry 3 was changed after it was recorded");
    }

    @Test
    void aChangedEntryWhoseHashWasRecomputedIsNamedByTheEntryAfterIt() {
        appendSome(5);
        AuditEntry third = entry(3);
        AuditRecord forged = new AuditRecord(
                third.record().actorId(),
                "Mallory",
                third.record().action(),
                third.record().requestNumber(),
                third.record().target(),
                third.record().outcome(),
                third.record().detail(),
                List.of(),
                third.record().conversationId());
        String newHash = AuditHash.of(3, third.recordedAt(), forged, third.previousHash());
        database()
                .jdbc()
                .sql("update audit_entry set actor_name = 'Mallory', hash = :hash where seq = 3")
                .param("hash", newHash)
                .update();

        ChainCheck check = log.verify();
        assertThat(check.firstBroken()).isEqualTo(3L);
        assertThat(check.problem()).contains("entry 3 was changed and given a new hash");
    }

    @Test
    void aRemovedEntryIsNamed() {
        appendSome(5);

        database().jdbc().sql("delete from audit_entry where seq = 2").update();

        ChainCheck check = log.verify();
        assertThat(check.firstBroken()).isEqualTo(2L);
        assertThat(check.problem()).isEqualTo("entry 2 was removed");
        assertThat(check.entries()).isEqualTo(4);
    }

    @Test
    void removedLastEntriesAreNamedThroughTheHead() {
        appendSome(5);

        database().jdbc().sql("delete from audit_entry where seq >= 4").update();

        ChainCheck check = log.verify();
        assertThat(check.firstBroken()).isEqualTo(4L);
        assertThat(check.problem()).isEqualTo("the last entries (4 to 5) were removed");
    }

    @Test
    void aChangedLastEntryWithARecomputedHashIsNamedThroughTheHead() {
        appendSome(3);
        AuditEntry last = entry(3);
        AuditRecord forged = new AuditRecord(
                last.record().actorId(),
                last.record().actorName(),
                last.record().action(),
                last.record().requestNumber(),
                last.record().target(),
                "rejected",
                last.record().detail(),
                List.of(),
                last.record().conversationId());
        database()
                .jdbc()
                .sql("update audit_entry set outcome = 'rejected', hash = :hash where seq = 3")
                .param("hash", AuditHash.of(3, last.recordedAt(), forged, last.previousHash()))
                .update();

        ChainCheck check = log.verify();
        assertThat(check.firstBroken()).isEqualTo(3L);
        assertThat(check.problem()).contains("the log's head still holds the hash it had");
    }

    @Test
    void appendsFromManyThreadsAtOnceFormOneChainWithoutGaps() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    log.append(approval("Approver" + thread, "R-" + thread + "-" + i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        List<Long> seqs = database()
                .jdbc()
                .sql("select seq from audit_entry order by seq")
                .query(Long.class)
                .list();
        assertThat(seqs)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, threads * each).boxed().toList());
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void theEntriesOfOneAccountAreFoundByAliasOrSignInName() {
        log.append(approval("Megan", "R-1"));
        log.append(new AuditRecord(
                null, AuditRecord.BOT, "plan.step", "R-2", "svc-other@contoso.com", "done", "x", List.of(), null));
        log.append(
                new AuditRecord("aad-alex", "Alex", "account.create", null, "svc-sync", "done", "x", List.of(), null));
        log.append(new AuditRecord(
                "aad-alex",
                "Alex",
                "request.opened",
                "R-3",
                "Sync App (app id 1234)",
                "pending",
                "x",
                List.of(),
                null));

        assertThat(log.latest(Optional.of("svc-sync"), 10))
                .extracting(entry -> entry.record().target())
                .containsExactly("svc-sync", "svc-sync@contoso.com");
        assertThat(log.latest(Optional.of("SVC-SYNC@contoso.com"), 10)).hasSize(1);
        assertThat(log.latest(Optional.of("svc_sync"), 10)).isEmpty();
        assertThat(log.latest(Optional.empty(), 2)).extracting(AuditEntry::seq).containsExactly(4L, 3L);
    }

    @Test
    void oneRequestsEntriesComeOldestFirstWithTheirTenantRequestIds() {
        log.append(approval("Megan", "R-7K2Q"));
        log.append(step("R-OTHER", "0a0d0b86-d757-4241-8c7c-cb9b9b965135"));
        log.append(step("R-7K2Q", "680d9511-bacc-42a7-9a96-000000000001", "680d9511-bacc-42a7-9a96-000000000002"));
        log.append(step("R-7K2Q"));

        List<AuditEntry> entries = log.ofRequest("R-7K2Q", 10);

        assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 3L, 4L);
        assertThat(entries.get(1).record().tenantRequestIds())
                .containsExactly("680d9511-bacc-42a7-9a96-000000000001", "680d9511-bacc-42a7-9a96-000000000002");
        assertThat(log.ofRequest("R-7K2Q", 2)).extracting(AuditEntry::seq).containsExactly(1L, 3L);
        assertThat(log.ofRequest("R-NONE", 10)).isEmpty();
    }

    @Test
    void theExportStreamsTheEntriesSinceAnInstantOldestFirst() {
        appendSome(5);
        List<Long> exported = new ArrayList<>();

        log.export(Instant.parse("2026-12-03T10:00:02Z"), entry -> exported.add(entry.seq()));

        assertThat(exported).containsExactly(3L, 4L, 5L);
    }

    private AuditEntry entry(long seq) {
        return log.latest(Optional.empty(), 100).stream()
                .filter(entry -> entry.seq() == seq)
                .findFirst()
                .orElseThrow();
    }
}
