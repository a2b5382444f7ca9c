package io.serviceaccountbot.governance;

import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.command.RequestId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Access reviews in {@code grant_review}. */
class JdbcGrantReviews implements GrantReviews {

    private final JdbcClient jdbc;

    JdbcGrantReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(GrantReview review) {
        jdbc.sql("""
                        insert into grant_review (id, subject, title, request_number, opened_at, deadline, status,
                                                  decided_by_id, decided_by_name, decided_at, outcome)
                        values (:id, :subject, :title, :number, :openedAt, :deadline, :status, :byId, :byName,
                                :decidedAt, :outcome)
                        """)
                .param("id", review.id())
                .param("subject", review.subject())
                .param("title", review.title())
                .param("number", review.number().value())
                .param("openedAt", timestamp(review.openedAt()))
                .param("deadline", timestamp(review.deadline()))
                .param("status", review.status().name())
                .param(
                        "byId",
                        review.decidedBy() == null ? null : review.decidedBy().aadObjectId())
                .param(
                        "byName",
                        review.decidedBy() == null ? null : review.decidedBy().name())
                .param("decidedAt", timestamp(review.decidedAt()))
                .param("outcome", review.outcome())
                .update();
    }

    @Override
    public Optional<GrantReview> find(UUID id) {
        return jdbc.sql("select * from grant_review where id = :id")
                .param("id", id)
                .query(JdbcGrantReviews::review)
                .optional();
    }

    @Override
    public Optional<GrantReview> undecidedFor(String subject) {
        return jdbc
                .sql("select * from grant_review where subject = :subject and status in (:statuses)"
                        + " order by opened_at desc")
                .param("subject", subject)
                .param("statuses", names(GrantReview.Status.UNDECIDED))
                .query(JdbcGrantReviews::review)
                .list()
                .stream()
                .findFirst();
    }

    @Override
    public List<GrantReview> inStatus(Collection<GrantReview.Status> statuses) {
        return jdbc.sql("select * from grant_review where status in (:statuses) order by opened_at, id")
                .param("statuses", names(statuses))
                .query(JdbcGrantReviews::review)
                .list();
    }

    @Override
    public boolean move(
            UUID id,
            Collection<GrantReview.Status> from,
            GrantReview.Status to,
            Person by,
            Instant at,
            Instant deadline,
            String outcome) {
        return jdbc.sql("""
                        update grant_review
                        set status = :to,
                            decided_by_id = coalesce(:byId, decided_by_id),
                            decided_by_name = coalesce(:byName, decided_by_name),
                            decided_at = coalesce(:decidedAt, decided_at),
                            deadline = coalesce(:deadline, deadline),
                            outcome = coalesce(:outcome, outcome)
                        where id = :id and status in (:from)
                        """)
                        .param("to", to.name())
                        .param("byId", by == null ? null : by.aadObjectId())
                        .param("byName", by == null ? null : by.name())
                        .param("decidedAt", by == null ? null : timestamp(at))
                        .param("deadline", timestamp(deadline))
                        .param("outcome", outcome)
                        .param("id", id)
                        .param("from", names(from))
                        .update()
                == 1;
    }

    private static List<String> names(Collection<GrantReview.Status> statuses) {
        return statuses.stream().map(Enum::name).sorted().toList();
    }

    private static GrantReview review(ResultSet rs, int row) throws SQLException {
        String byId = rs.getString("decided_by_id");
        return new GrantReview(
                rs.getObject("id", UUID.class),
                rs.getString("subject"),
                rs.getString("title"),
                new RequestId(rs.getString("request_number")),
                instant(rs, "opened_at"),
                instant(rs, "deadline"),
                GrantReview.Status.valueOf(rs.getString("status")),
                byId == null ? null : new Person(byId, rs.getString("decided_by_name")),
                instant(rs, "decided_at"),
                rs.getString("outcome"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
