package io.serviceaccountbot.governance;

import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.command.RequestId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Grants under watch in {@code watched_grant}; the facts and the drift are JSON, read and written whole. */
class JdbcWatchedGrants implements WatchedGrants {

    private static final TypeReference<Map<String, List<String>>> FACTS = new TypeReference<>() {};
    private static final TypeReference<List<StoredDifference>> DRIFT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final JsonMapper json;

    JdbcWatchedGrants(JdbcClient jdbc, TransactionOperations transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public void save(WatchedGrant grant) {
        try {
            transactions.executeWithoutResult(status -> upsert(grant));
        } catch (DuplicateKeyException anotherReplicaInsertedIt) {
            transactions.executeWithoutResult(status -> upsert(grant));
        }
    }

    private void upsert(WatchedGrant grant) {
        int updated = statement("""
                        update watched_grant set title = :title, request_id = :requestId, request_number = :number,
                               approved = :approved, approved_at = :approvedAt, approved_how = :approvedHow,
                               drift = :drift, drift_fingerprint = :fingerprint, checked_at = :checkedAt,
                               check_failure = :failure
                        where subject = :subject
                        """, grant).update();
        if (updated == 0) {
            statement("""
                            insert into watched_grant (subject, title, request_id, request_number, approved, approved_at,
                                                       approved_how, drift, drift_fingerprint, checked_at, check_failure)
                            values (:subject, :title, :requestId, :number, :approved, :approvedAt, :approvedHow, :drift,
                                    :fingerprint, :checkedAt, :failure)
                            """, grant).update();
        }
    }

    private JdbcClient.StatementSpec statement(String sql, WatchedGrant grant) {
        return jdbc.sql(sql)
                .param("subject", grant.subject())
                .param("title", grant.title())
                .param("requestId", grant.requestId().value())
                .param("number", grant.number().value())
                .param("approved", json.writeValueAsString(facts(grant.approved())))
                .param("approvedAt", timestamp(grant.approvedAt()))
                .param("approvedHow", grant.approvedHow())
                .param(
                        "drift",
                        grant.drift().isEmpty()
                                ? null
                                : json.writeValueAsString(grant.drift().stream()
                                        .map(StoredDifference::of)
                                        .toList()))
                .param("fingerprint", grant.driftFingerprint())
                .param("checkedAt", timestamp(grant.checkedAt()))
                .param("failure", grant.checkFailure());
    }

    @Override
    public Optional<WatchedGrant> find(String subject) {
        return jdbc.sql("select * from watched_grant where subject = :subject")
                .param("subject", subject)
                .query(this::grant)
                .optional();
    }

    @Override
    public List<WatchedGrant> all() {
        return jdbc.sql("select * from watched_grant order by subject")
                .query(this::grant)
                .list();
    }

    @Override
    public boolean remove(String subject) {
        return jdbc.sql("delete from watched_grant where subject = :subject")
                        .param("subject", subject)
                        .update()
                > 0;
    }

    private WatchedGrant grant(ResultSet rs, int row) throws SQLException {
        SortedMap<FactKey, SortedSet<String>> approved = new TreeMap<>();
        json.readValue(rs.getString("approved"), FACTS)
                .forEach((key, values) -> approved.put(FactKey.of(key), new TreeSet<>(values)));
        String drift = rs.getString("drift");
        List<Difference> differences = new ArrayList<>();
        if (drift != null) {
            json.readValue(drift, DRIFT).forEach(stored -> differences.add(stored.difference()));
        }
        return new WatchedGrant(
                rs.getString("subject"),
                rs.getString("title"),
                new ApprovalRequestId(rs.getObject("request_id", UUID.class)),
                new RequestId(rs.getString("request_number")),
                approved,
                instant(rs, "approved_at"),
                rs.getString("approved_how"),
                differences,
                rs.getString("drift_fingerprint"),
                instant(rs, "checked_at"),
                rs.getString("check_failure"));
    }

    private static Map<String, List<String>> facts(SortedMap<FactKey, SortedSet<String>> facts) {
        Map<String, List<String>> stored = new LinkedHashMap<>();
        facts.forEach((key, values) -> stored.put(key.text(), List.copyOf(values)));
        return stored;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null
                ? null
                : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** A difference as {@code drift} keeps it. */
    record StoredDifference(String key, List<String> added, List<String> removed) {

        static StoredDifference of(Difference difference) {
            return new StoredDifference(
                    difference.key().text(), List.copyOf(difference.added()), List.copyOf(difference.removed()));
        }

        Difference difference() {
            return new Difference(FactKey.of(key), new TreeSet<>(added), new TreeSet<>(removed));
        }
    }
}
