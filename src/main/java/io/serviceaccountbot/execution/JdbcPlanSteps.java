package io.serviceaccountbot.execution;

import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.plans.StepOutcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link PlanSteps} in the {@code plan_step} table. Only the one run that holds a request's scheduled execution writes
 * its steps, so a step's row is never written by two runs at once.
 */
class JdbcPlanSteps implements PlanSteps {

    private static final String RUNNING = "RUNNING";
    private static final String POLLING = "POLLING";

    private final JdbcClient jdbc;

    JdbcPlanSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredStep> of(ApprovalRequestId request) {
        return jdbc.sql("""
                        select ordinal, words, status, outcome, fix, attempts, started_at, checks, next_check_at from plan_step
                        where request_id = :id order by ordinal
                        """)
                .param("id", request.value())
                .query((rs, row) -> {
                    String status = rs.getString("status");
                    boolean polling = POLLING.equals(status);
                    StepOutcome outcome = RUNNING.equals(status) || polling
                            ? null
                            : new StepOutcome(
                                    StepOutcome.Status.valueOf(status), rs.getString("outcome"), rs.getString("fix"));
                    return new StoredStep(
                            rs.getInt("ordinal"),
                            rs.getString("words"),
                            outcome,
                            rs.getInt("attempts"),
                            rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                            rs.getInt("checks"),
                            polling
                                    ? rs.getObject("next_check_at", OffsetDateTime.class)
                                            .toInstant()
                                    : null);
                })
                .list();
    }

    @Override
    public void started(ApprovalRequestId request, int ordinal, String words, Instant at) {
        int updated = jdbc.sql("""
                        update plan_step set words = :words, status = 'RUNNING', outcome = null, fix = null,
                            attempts = case when status in ('RUNNING', 'POLLING') then attempts else attempts + 1 end,
                            started_at = case when status = 'POLLING' then started_at else :at end,
                            finished_at = null, checks = case when status = 'POLLING' then checks else 0 end,
                            next_check_at = null
                        where request_id = :id and ordinal = :ordinal
                        """)
                .param("words", words)
                .param("at", timestamp(at))
                .param("id", request.value())
                .param("ordinal", ordinal)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into plan_step (request_id, ordinal, words, status, attempts, started_at)
                            values (:id, :ordinal, :words, 'RUNNING', 1, :at)
                            """)
                    .param("id", request.value())
                    .param("ordinal", ordinal)
                    .param("words", words)
                    .param("at", timestamp(at))
                    .update();
        }
    }

    @Override
    public void finished(ApprovalRequestId request, int ordinal, StepOutcome outcome, Instant at) {
        jdbc.sql("""
                        update plan_step set status = :status, outcome = :outcome, fix = :fix, finished_at = :at,
                            next_check_at = null
                        where request_id = :id and ordinal = :ordinal
                        """)
                .param("status", outcome.status().name())
                .param("outcome", outcome.text())
                .param("fix", outcome.fix())
                .param("at", timestamp(at))
                .param("id", request.value())
                .param("ordinal", ordinal)
                .update();
    }

    @Override
    public void polling(ApprovalRequestId request, int ordinal, int checks, Instant next) {
        jdbc.sql("""
                        update plan_step set status = 'POLLING', checks = :checks, next_check_at = :next
                        where request_id = :id and ordinal = :ordinal
                        """)
                .param("checks", checks)
                .param("next", timestamp(next))
                .param("id", request.value())
                .param("ordinal", ordinal)
                .update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
