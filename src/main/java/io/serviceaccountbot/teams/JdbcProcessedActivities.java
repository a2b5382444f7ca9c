package io.serviceaccountbot.teams;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Processed activity ids in the database ({@code processed_activity}). The insert is the claim: of two replicas given
 * the same activity at once, the one whose row goes in handles it ({@code on conflict do nothing} tells the other).
 */
@Repository
class JdbcProcessedActivities implements ProcessedActivities {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;

    JdbcProcessedActivities(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public boolean firstDelivery(ConversationReference.Key conversation, String activityId) {
        Integer inserted = transactions.execute(status -> jdbc.sql("""
                        insert into processed_activity (service_url, conversation_id, activity_id, processed_at)
                        values (:serviceUrl, :conversationId, :activityId, :processedAt)
                        on conflict do nothing
                        """)
                .param("serviceUrl", conversation.serviceUrl())
                .param("conversationId", conversation.conversationId())
                .param("activityId", activityId)
                .param("processedAt", clock.instant().atOffset(ZoneOffset.UTC))
                .update());
        return inserted != null && inserted == 1;
    }

    @Override
    public void forget(ConversationReference.Key conversation, String activityId) {
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        delete from processed_activity
                        where service_url = :serviceUrl and conversation_id = :conversationId
                        and activity_id = :activityId
                        """)
                .param("serviceUrl", conversation.serviceUrl())
                .param("conversationId", conversation.conversationId())
                .param("activityId", activityId)
                .update());
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        Integer deleted =
                transactions.execute(status -> jdbc.sql("delete from processed_activity where processed_at < :cutoff")
                        .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                        .update());
        return deleted == null ? 0 : deleted;
    }
}
