package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.teams.ConversationReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Posted approval cards in the database ({@code approval_card_copy}): one row per request, conversation and activity
 * id, in the order they were posted. Adding a copy that is there already (a retried send, another replica) keeps the
 * first ({@code on conflict do nothing}, which H2 understands in PostgreSQL mode).
 */
@Repository
class JdbcApprovalCardCopies implements ApprovalCardCopies {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    JdbcApprovalCardCopies(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void add(CardCopy copy) {
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        insert into approval_card_copy
                            (request_number, service_url, conversation_id, activity_id, audience)
                        values (:requestNumber, :serviceUrl, :conversationId, :activityId, :audience)
                        on conflict do nothing
                        """)
                .param("requestNumber", copy.requestNumber())
                .param("serviceUrl", copy.conversation().serviceUrl())
                .param("conversationId", copy.conversation().conversationId())
                .param("activityId", copy.activityId())
                .param("audience", copy.audience().name())
                .update());
    }

    @Override
    public List<CardCopy> of(String requestNumber) {
        return jdbc.sql("""
                        select request_number, service_url, conversation_id, activity_id, audience
                        from approval_card_copy where request_number = :requestNumber order by seq
                        """)
                .param("requestNumber", requestNumber)
                .query(JdbcApprovalCardCopies::copy)
                .list();
    }

    private static CardCopy copy(ResultSet rs, int rowNumber) throws SQLException {
        return new CardCopy(
                rs.getString("request_number"),
                new ConversationReference.Key(rs.getString("service_url"), rs.getString("conversation_id")),
                rs.getString("activity_id"),
                Audience.valueOf(rs.getString("audience")));
    }
}
