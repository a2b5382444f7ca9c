package io.serviceaccountbot.teams;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many turns one conversation, and one sender across their conversations, may have waiting or running, so that
 * one flooding chat cannot fill the shared turn queue ({@code bot.teams.max-pending-turns}) and make the bot refuse
 * everyone else. A turn holds its places from admission until it has run.
 */
public class PendingTurnLimits {

    private final int perConversation;
    private final int perSender;
    private final ConcurrentHashMap<Object, Integer> pending = new ConcurrentHashMap<>();

    PendingTurnLimits(int perConversation, int perSender) {
        this.perConversation = perConversation;
        this.perSender = perSender;
    }

    /**
     * Takes a place for the conversation and the sender (null when Teams did not say who sent it: then only the
     * conversation counts), or returns null when either has too many turns pending.
     */
    public Admission admit(ConversationReference.Key conversation, String sender) {
        if (!take(conversation, perConversation)) {
            return null;
        }
        SenderKey senderKey = sender == null || sender.isBlank() ? null : new SenderKey(sender);
        if (senderKey != null && !take(senderKey, perSender)) {
            give(conversation);
            return null;
        }
        return new Admission(conversation, senderKey);
    }

    private boolean take(Object key, int limit) {
        boolean[] taken = {false};
        pending.compute(key, (k, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limit) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private void give(Object key) {
        pending.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }

    /** The places one admitted turn holds; give them back once, when the turn has run or could not be queued. */
    public final class Admission {
        private final ConversationReference.Key conversation;
        private final SenderKey sender;
        private boolean released;

        private Admission(ConversationReference.Key conversation, SenderKey sender) {
            this.conversation = conversation;
            this.sender = sender;
        }

        public synchronized void release() {
            if (released) {
                return;
            }
            released = true;
            give(conversation);
            if (sender != null) {
                give(sender);
            }
        }
    }

    /** A sender's Entra object id (or Teams id), kept apart from conversation keys in the one map. */
    private record SenderKey(String id) {}
}
