package io.serviceaccountbot.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The log in the application database ({@code audit_entry}, {@code audit_head}). An append locks the head row, takes
 * the next sequence number and the last hash from it, stores the entry with its hash and moves the head on, in one
 * transaction: entries from several replicas form one chain, without gaps or forks. Nothing here updates or deletes an
 * entry.
 */
@Repository
public class AuditLog {

    /** The logging-context key under which a thread names the conversation it answers. */
    public static final String CONVERSATION = "conversation";

    /** The most tenant request ids kept for one entry. */
    static final int MAX_TENANT_IDS = 50;

    private static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionOperations transactions;
    private final Clock clock;

    /** The log in the database these reach (public for tools such as {@code bench/AuditLoad.java}). */
    public AuditLog(JdbcClient jdbc, JdbcTemplate template, TransactionOperations transactions, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Appends the record as the next entry; when it names no conversation, the one this thread answers. */
    public AuditEntry append(AuditRecord given) {
        AuditRecord record =
                cleaned(given.conversationId() == null ? given.inConversation(MDC.get(CONVERSATION)) : given);
        return transactions.execute(status -> {
            Head head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1 for update")
                    .query((rs, row) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
                    .single();
            long seq = head.seq() + 1;
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String hash = AuditHash.of(seq, at, record, head.hash());
            jdbc.sql("""
                            insert into audit_entry (seq, recorded_at, actor_id, actor_name, action, request_number,
                                target, outcome, detail, tenant_request_ids, conversation_id, prev_hash, hash)
                            values (:seq, :at, :actorId, :actorName, :action, :requestNumber, :target, :outcome,
                                :detail, :tenantRequestIds, :conversationId, :prevHash, :hash)
                            """)
                    .param("seq", seq)
                    .param("at", at.atOffset(ZoneOffset.UTC))
                    .param("actorId", record.actorId())
                    .param("actorName", record.actorName())
                    .param("action", record.action())
                    .param("requestNumber", record.requestNumber())
                    .param("target", record.target())
                    .param("outcome", record.outcome())
                    .param("detail", record.detail())
                    .param("tenantRequestIds", String.join("\n", record.tenantRequestIds()))
                    .param("conversationId", record.conversationId())
                    .param("prevHash", head.hash())
                    .param("hash", hash)
                    .update();
            jdbc.sql("update audit_head set last_seq = :seq, last_hash = :hash where id = 1")
                    .param("seq", seq)
                    .param("hash", hash)
                    .update();
            return new AuditEntry(seq, at, record, head.hash(), hash);
        });
    }

    /**
     * The newest entries, newest first; for an account, those whose target is it, by alias or by sign-in name.
     */
    public List<AuditEntry> latest(Optional<String> account, int limit) {
        if (account.isEmpty()) {
            return jdbc.sql("select * from audit_entry order by seq desc limit :limit")
                    .param("limit", limit)
                    .query(AuditLog::entry)
                    .list();
        }
        String name = account.get().toLowerCase(Locale.ROOT);
        return jdbc.sql("""
                        select * from audit_entry
                        where lower(target) = :name or lower(target) like :prefix
                        order by seq desc limit :limit
                        """)
                .param("name", name)
                .param("prefix", escape(name) + "@%")
                .param("limit", limit)
                .query(AuditLog::entry)
                .list();
    }

    /** The entries of one approval request (e.g. R-7K2QM4), oldest first: its story from asking to the last step. */
    public List<AuditEntry> ofRequest(String requestNumber, int limit) {
        return jdbc.sql("select * from audit_entry where request_number = :number order by seq limit :limit")
                .param("number", requestNumber)
                .param("limit", limit)
                .query(AuditLog::entry)
                .list();
    }

    /** Every entry recorded at or after {@code since}, oldest first, one at a time (for the export). */
    public void export(Instant since, Consumer<AuditEntry> each) {
        transactions.executeWithoutResult(status -> template.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select * from audit_entry where recorded_at >= ? order by seq");
                    statement.setObject(1, since.atOffset(ZoneOffset.UTC));
                    statement.setFetchSize(FETCH_SIZE);
                    return statement;
                },
                (RowCallbackHandler) rs -> each.accept(entry(rs, 0))));
    }

    /**
     * Recomputes the chain from the first entry: each must follow the one before without a gap, carry its hash as the
     * previous hash, and hash to what it stores; and the last must be the one the head names. The first entry that does
     * not is named.
     */
    public ChainCheck verify() {
        ChainWalk walk = new ChainWalk();
        transactions.executeWithoutResult(status -> template.query(
                connection -> {
                    var statement = connection.prepareStatement("select * from audit_entry order by seq");
                    statement.setFetchSize(FETCH_SIZE);
                    return statement;
                },
                (RowCallbackHandler) rs -> walk.next(entry(rs, 0), storedHash(rs))));
        Head head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
                .query((rs, row) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
                .single();
        return walk.end(head);
    }

    private static String storedHash(ResultSet rs) throws SQLException {
        return rs.getString("hash");
    }

    /** Walks the chain in order and remembers the first break. */
    private static final class ChainWalk {
        private long expected = 1;
        private long count;
        private String previousHash = AuditHash.GENESIS;
        private Long broken;
        private String problem;
        private Instant first;
        private Instant last;

        void next(AuditEntry entry, String storedHash) {
            count++;
            first = first == null ? entry.recordedAt() : first;
            last = entry.recordedAt();
            if (broken != null) {
                return;
            }
            if (entry.seq() != expected) {
                fail(
                        expected,
                        entry.seq() == expected + 1
                                ? "entry " + expected + " was removed"
                                : "entries " + expected + " to " + (entry.seq() - 1) + " were removed");
            } else if (!entry.previousHash().equals(previousHash)) {
                fail(
                        entry.seq() - 1,
                        "entry " + (entry.seq() - 1) + " was changed and given a new hash: entry " + entry.seq()
                                + " still holds the hash it had");
            } else if (!AuditHash.of(entry.seq(), entry.recordedAt(), entry.record(), entry.previousHash())
                    .equals(storedHash)) {
                fail(entry.seq(), "entry " + entry.seq() + " was changed after it was recorded");
            }
            expected = entry.seq() + 1;
            previousHash = storedHash;
        }

        ChainCheck end(Head head) {
            if (broken == null && head.seq() != expected - 1) {
                if (head.seq() > expected - 1) {
                    fail(
                            expected,
                            head.seq() == expected
                                    ? "the last entry (" + expected + ") was removed"
                                    : "the last entries (" + expected + " to " + head.seq() + ") were removed");
                } else {
                    fail(head.seq() + 1, "entries after " + head.seq() + " were written around the log");
                }
            } else if (broken == null && !head.hash().equals(previousHash)) {
                fail(
                        head.seq(),
                        "entry " + head.seq() + " was changed and given a new hash: the log's head still"
                                + " holds the hash it had");
            }
            return broken == null
                    ? ChainCheck.intact(count, first, last)
                    : ChainCheck.broken(count, broken, problem, first, last);
        }

        private void fail(long seq, String what) {
            broken = seq;
            problem = what;
        }
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        String ids = rs.getString("tenant_request_ids");
        AuditRecord record = new AuditRecord(
                rs.getString("actor_id"),
                rs.getString("actor_name"),
                rs.getString("action"),
                rs.getString("request_number"),
                rs.getString("target"),
                rs.getString("outcome"),
                rs.getString("detail"),
                ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split("\n")),
                rs.getString("conversation_id"));
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                record,
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static AuditRecord cleaned(AuditRecord record) {
        List<String> ids = new ArrayList<>();
        for (String id : record.tenantRequestIds()) {
            if (ids.size() < MAX_TENANT_IDS && id != null && !id.isBlank()) {
                ids.add(SecretScrubber.clean(id.strip(), 64));
            }
        }
        return new AuditRecord(
                SecretScrubber.clean(record.actorId(), 64),
                SecretScrubber.clean(record.actorName(), 256),
                SecretScrubber.clean(record.action(), 64),
                SecretScrubber.clean(record.requestNumber(), 16),
                SecretScrubber.clean(record.target(), 320),
                SecretScrubber.clean(record.outcome(), 32),
                SecretScrubber.clean(record.detail(), 4000),
                ids,
                SecretScrubber.clean(record.conversationId(), 1000));
    }

    private static String escape(String like) {
        return like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Head(long seq, String hash) {}
}
