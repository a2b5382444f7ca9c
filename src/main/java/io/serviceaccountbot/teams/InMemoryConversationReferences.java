package io.serviceaccountbot.teams;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Conversation references held in memory; they are rebuilt as users write to the bot again after a restart. */
@Component
class InMemoryConversationReferences implements ConversationReferences {

    private final Map<ConversationReference.Key, ConversationReference> byConversation = new ConcurrentHashMap<>();

    @Override
    public void save(ConversationReference reference) {
        ConversationReference.Key key = reference.key();
        ConversationReference known = byConversation.get(key);
        if (known == null || !known.equals(reference) && !known.equals(merged(known, reference))) {
            byConversation.merge(key, reference, InMemoryConversationReferences::merged);
        }
    }

    @Override
    public Optional<ConversationReference> find(String serviceUrl, String conversationId) {
        return Optional.ofNullable(byConversation.get(new ConversationReference.Key(serviceUrl, conversationId)));
    }

    @Override
    public List<ConversationReference> personalChatsOf(String aadObjectId) {
        return byConversation.values().stream()
                .filter(ConversationReference::isPersonal)
                .filter(reference -> aadObjectId.equalsIgnoreCase(String.valueOf(reference.userAadObjectId())))
                .toList();
    }

    /** A newer activity may lack a field an older one had (Teams omits the name on updates): keep what is known. */
    private static ConversationReference merged(ConversationReference known, ConversationReference latest) {
        return new ConversationReference(
                latest.serviceUrl(),
                latest.conversationId(),
                latest.conversationType(),
                firstNonNull(latest.tenantId(), known.tenantId()),
                firstNonNull(latest.botId(), known.botId()),
                firstNonNull(latest.botName(), known.botName()),
                known.isPersonal() ? firstNonNull(known.userId(), latest.userId()) : latest.userId(),
                known.isPersonal() ? firstNonNull(latest.userName(), known.userName()) : latest.userName(),
                known.isPersonal()
                        ? firstNonNull(known.userAadObjectId(), latest.userAadObjectId())
                        : latest.userAadObjectId());
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
