package io.serviceaccountbot.approval;

import io.serviceaccountbot.command.RequestFilter;
import io.serviceaccountbot.command.RequestId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approval requests in the database ({@code approval_request}, {@code approval_decision}). A save inserts a new
 * request or updates a loaded one only if its version is still the stored one ({@code UPDATE … WHERE id = ? AND
 * version = ?}); otherwise someone else saved it since, and the save fails with {@link RequestChangedConcurrently}.
 * The request and its decisions are written in one transaction.
 */
@Repository
class JdbcApprovalRequests implements ApprovalRequests {

    /**
     * A request and its decisions in one statement, so that what is read is one committed state: read in two
     * statements, a decision saved in between would show up on a request still pending.
     */
    private static final String SELECT = """
            select r.id, r.number, r.command, r.plan, r.requester_id, r.requester_name, r.target, r.target_object_id,
                   r.justification, r.group_access_group, r.group_access_members, r.created_at, r.expires_at,
                   r.quorum, r.eligible_approvers, r.status, r.outcome, r.card_version, r.version,
                   d.request_id, d.approver_id, d.approver_name, d.verdict, d.comment, d.decided_at
            from approval_request r left join approval_decision d on d.request_id = r.id
            """;

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    /**
     * A save runs in its own transaction, or, inside a caller's (which then also writes the audit entries), as a nested
     * one: a save that loses a race is rolled back to where it began, and the caller's transaction can go on.
     */
    JdbcApprovalRequests(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        TransactionTemplate nested = new TransactionTemplate(transactionManager);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.transactions = nested;
    }

    @Override
    public ApprovalRequest save(ApprovalRequest request) {
        try {
            return transactions.execute(status -> {
                if (request.version() == 0) {
                    insert(request);
                } else {
                    update(request);
                }
                replaceDecisions(request);
                return StoredRequests.withVersion(request, request.version() + 1);
            });
        } catch (DuplicateKeyException e) {
            if (byId(request.id()).isPresent()) {
                throw new RequestChangedConcurrently(request);
            }
            throw e;
        }
    }

    @Override
    public Optional<ApprovalRequest> byNumber(RequestId number) {
        return requests(jdbc.sql(SELECT + " where r.number = :number order by d.ordinal")
                        .param("number", number.value()))
                .stream()
                .findFirst();
    }

    @Override
    public Optional<ApprovalRequest> byId(ApprovalRequestId id) {
        return requests(jdbc.sql(SELECT + " where r.id = :id order by d.ordinal")
                        .param("id", id.value()))
                .stream()
                .findFirst();
    }

    @Override
    public List<ApprovalRequest> list(RequestFilter filter, String viewerAadObjectId, int limit) {
        String where = switch (filter) {
            case MINE -> " where requester_key = :viewer";
            case PENDING -> " where status = 'PENDING'";
            case ALL -> "";
        };
        JdbcClient.StatementSpec query = jdbc.sql(SELECT + " where r.id in (select id from approval_request" + where
                        + " order by created_at desc, seq desc limit :limit)"
                        + " order by r.created_at desc, r.seq desc, d.ordinal")
                .param("limit", Math.max(0, limit));
        if (filter == RequestFilter.MINE) {
            query = query.param("viewer", key(viewerAadObjectId));
        }
        return requests(query);
    }

    /**
     * The eligible approvers are a JSON array of lower-case ids, so the person's id in quotes finds the rows; the rules
     * (and {@link ApprovalRequest#isEligibleApprover}) decide exactly afterwards.
     */
    @Override
    public List<ApprovalRequest> pendingWithEligibleApprover(String aadObjectId) {
        if (aadObjectId == null || aadObjectId.isBlank()) {
            return List.of();
        }
        return requests(jdbc.sql(SELECT
                                + " where r.status = 'PENDING' and r.eligible_approvers like :approver escape '!'"
                                + " order by r.created_at, r.seq, d.ordinal")
                        .param("approver", StoredRequests.containingInJsonArray(key(aadObjectId))))
                .stream()
                .filter(request -> request.isEligibleApprover(aadObjectId))
                .toList();
    }

    @Override
    public List<ApprovalRequest> pendingExpiredBy(Instant now) {
        return requests(jdbc.sql(SELECT
                        + " where r.status = 'PENDING' and r.expires_at <= :now order by r.expires_at, r.id, d.ordinal")
                .param("now", timestamp(now)));
    }

    @Override
    public List<ApprovalRequestId> idsInStatus(java.util.Set<RequestStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from approval_request where status in (:statuses) order by created_at, seq")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query((rs, row) -> new ApprovalRequestId(rs.getObject("id", UUID.class)))
                .list();
    }

    private void insert(ApprovalRequest request) {
        jdbc.sql("""
                        insert into approval_request (id, number, command, plan, requester_id, requester_key,
                            requester_name, target, target_object_id, justification, group_access_group,
                            group_access_members, created_at, expires_at, quorum, eligible_approvers, status, outcome,
                            card_version, version)
                        values (:id, :number, :command, :plan, :requesterId, :requesterKey, :requesterName, :target,
                            :targetObjectId, :justification, :groupAccessGroup, :groupAccessMembers, :createdAt, :expiresAt, :quorum, :eligibleApprovers,
                            :status, :outcome, :cardVersion, 1)
                        """)
                .param("id", request.id().value())
                .param("number", request.number().value())
                .param("command", request.commandText())
                .param("plan", StoredRequests.jsonArray(request.plan()))
                .param("requesterId", request.requester().aadObjectId())
                .param("requesterKey", key(request.requester().aadObjectId()))
                .param("requesterName", request.requester().name())
                .param("target", request.target())
                .param("targetObjectId", request.targetObjectId())
                .param("groupAccessGroup", request.groupAccess().group())
                .param("groupAccessMembers", StoredRequests.groupMembers(request.groupAccess()))
                .param("justification", request.justification())
                .param("createdAt", timestamp(request.createdAt()))
                .param("expiresAt", timestamp(request.expiresAt()))
                .param("quorum", request.quorum())
                .param("eligibleApprovers", StoredRequests.sortedJsonArray(request.eligibleApprovers()))
                .param("status", request.status().name())
                .param("outcome", request.outcome())
                .param("cardVersion", request.cardVersion())
                .update();
    }

    private void update(ApprovalRequest request) {
        int updated = jdbc.sql("""
                        update approval_request
                        set status = :status, outcome = :outcome, card_version = :cardVersion, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("status", request.status().name())
                .param("outcome", request.outcome())
                .param("cardVersion", request.cardVersion())
                .param("id", request.id().value())
                .param("version", request.version())
                .update();
        if (updated != 1) {
            throw new RequestChangedConcurrently(request);
        }
    }

    /** Decisions can be withdrawn as well as added, so the stored set is replaced; the version check guards it. */
    private void replaceDecisions(ApprovalRequest request) {
        jdbc.sql("delete from approval_decision where request_id = :id")
                .param("id", request.id().value())
                .update();
        List<Decision> decisions = request.decisions();
        for (int ordinal = 0; ordinal < decisions.size(); ordinal++) {
            Decision decision = decisions.get(ordinal);
            jdbc.sql("""
                            insert into approval_decision
                                (request_id, approver_id, approver_name, verdict, comment, decided_at, ordinal)
                            values (:id, :approverId, :approverName, :verdict, :comment, :decidedAt, :ordinal)
                            """)
                    .param("id", request.id().value())
                    .param("approverId", decision.approver().aadObjectId())
                    .param("approverName", decision.approver().name())
                    .param("verdict", decision.verdict().name())
                    .param("comment", decision.comment())
                    .param("decidedAt", timestamp(decision.at()))
                    .param("ordinal", ordinal)
                    .update();
        }
    }

    /** The requests the query finds, in its order, each with its decisions (the joined rows that follow it). */
    private static List<ApprovalRequest> requests(JdbcClient.StatementSpec query) {
        Map<UUID, StoredRequests.Row> rows = new LinkedHashMap<>();
        Map<UUID, List<Decision>> decisions = new HashMap<>();
        query.query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            if (!rows.containsKey(id)) {
                rows.put(id, StoredRequests.request(rs, 0));
                decisions.put(id, new ArrayList<>());
            }
            if (rs.getObject("request_id") != null) {
                decisions.get(id).add(StoredRequests.decision(rs, 0).decision());
            }
        });
        List<ApprovalRequest> requests = new ArrayList<>(rows.size());
        rows.forEach((id, row) -> requests.add(row.restore(decisions.get(id))));
        return requests;
    }

    /** An instant for a {@code timestamp with time zone} column, which both databases keep to the microsecond. */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static String key(String aadObjectId) {
        return aadObjectId == null ? null : aadObjectId.toLowerCase(Locale.ROOT);
    }
}
