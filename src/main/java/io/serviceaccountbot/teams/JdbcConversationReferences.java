package io.serviceaccountbot.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Conversation references in the database ({@code conversation_reference}), unique per service URL and conversation
 * id. Every message saves its reference, so a save that would change nothing this replica knows of costs no query:
 * the references it last read or wrote are remembered for a few minutes. A change is merged with the stored row in
 * one transaction ({@link ConversationReference#over}), so a newer activity lacking a field keeps the known value.
 */
@Repository
class JdbcConversationReferences implements ConversationReferences {

    private static final String SELECT = """
            select service_url, conversation_id, conversation_type, tenant_id, bot_id, bot_name, user_id, user_name,
                   user_aad_object_id
            from conversation_reference
            """;

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final Cache<ConversationReference.Key, ConversationReference> stored = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    JdbcConversationReferences(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void save(ConversationReference reference) {
        ConversationReference known = stored.getIfPresent(reference.key());
        if (known != null && reference.over(known).equals(known)) {
            return;
        }
        ConversationReference saved;
        try {
            saved = transactions.execute(status -> merge(reference));
        } catch (DuplicateKeyException anotherReplicaInsertedIt) {
            saved = transactions.execute(status -> merge(reference));
        }
        stored.put(reference.key(), saved);
    }

    @Override
    public Optional<ConversationReference> find(String serviceUrl, String conversationId) {
        return jdbc.sql(SELECT + " where service_url = :serviceUrl and conversation_id = :conversationId")
                .param("serviceUrl", serviceUrl)
                .param("conversationId", conversationId)
                .query(JdbcConversationReferences::reference)
                .optional();
    }

    @Override
    public List<ConversationReference> personalChatsOf(String aadObjectId) {
        if (aadObjectId == null) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where user_key = :user and conversation_type = 'personal'"
                        + " order by service_url, conversation_id")
                .param("user", aadObjectId.toLowerCase(Locale.ROOT))
                .query(JdbcConversationReferences::reference)
                .list();
    }

    @Override
    public List<ConversationReference> channel(String conversationId) {
        return jdbc.sql(SELECT + " where conversation_id = :conversationId or conversation_id like :thread escape '!'"
                        + " order by service_url, conversation_id")
                .param("conversationId", conversationId)
                .param("thread", likeEscaped(conversationId) + ";%")
                .query(JdbcConversationReferences::reference)
                .list();
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Inserts the reference, or merges it into the stored one (locked until the transaction ends). */
    private ConversationReference merge(ConversationReference latest) {
        Optional<ConversationReference> known = jdbc.sql(
                        SELECT + " where service_url = :serviceUrl and conversation_id = :conversationId for update")
                .param("serviceUrl", latest.serviceUrl())
                .param("conversationId", latest.conversationId())
                .query(JdbcConversationReferences::reference)
                .optional();
        if (known.isEmpty()) {
            write("""
                    insert into conversation_reference (service_url, conversation_id, conversation_type, tenant_id,
                        bot_id, bot_name, user_id, user_name, user_aad_object_id, user_key, updated_at)
                    values (:serviceUrl, :conversationId, :conversationType, :tenantId, :botId, :botName, :userId,
                        :userName, :userAadObjectId, :userKey, :updatedAt)
                    """, latest);
            return latest;
        }
        ConversationReference merged = latest.over(known.get());
        if (!merged.equals(known.get())) {
            write("""
                    update conversation_reference
                    set conversation_type = :conversationType, tenant_id = :tenantId, bot_id = :botId,
                        bot_name = :botName, user_id = :userId, user_name = :userName,
                        user_aad_object_id = :userAadObjectId, user_key = :userKey, updated_at = :updatedAt
                    where service_url = :serviceUrl and conversation_id = :conversationId
                    """, merged);
        }
        return merged;
    }

    private void write(String sql, ConversationReference reference) {
        jdbc.sql(sql)
                .param("serviceUrl", reference.serviceUrl())
                .param("conversationId", reference.conversationId())
                .param("conversationType", reference.conversationType())
                .param("tenantId", reference.tenantId())
                .param("botId", reference.botId())
                .param("botName", reference.botName())
                .param("userId", reference.userId())
                .param("userName", reference.userName())
                .param("userAadObjectId", reference.userAadObjectId())
                .param(
                        "userKey",
                        reference.userAadObjectId() == null
                                ? null
                                : reference.userAadObjectId().toLowerCase(Locale.ROOT))
                .param("updatedAt", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    private static ConversationReference reference(ResultSet rs, int rowNumber) throws SQLException {
        return new ConversationReference(
                rs.getString("service_url"),
                rs.getString("conversation_id"),
                rs.getString("conversation_type"),
                rs.getString("tenant_id"),
                rs.getString("bot_id"),
                rs.getString("bot_name"),
                rs.getString("user_id"),
                rs.getString("user_name"),
                rs.getString("user_aad_object_id"));
    }
}
