package io.serviceaccountbot.teams;

import java.util.Set;

/** The activity types of the Bot Framework protocol, and the ones this bot acts on. */
final class ActivityTypes {

    static final String MESSAGE = "message";
    static final String INVOKE = "invoke";
    static final String CONVERSATION_UPDATE = "conversationUpdate";
    static final String INSTALLATION_UPDATE = "installationUpdate";

    /** Types Teams may send that this bot acknowledges and ignores. */
    static final Set<String> IGNORED = Set.of(
            "typing",
            "messageReaction",
            "messageUpdate",
            "messageDelete",
            "event",
            "endOfConversation",
            "deleteUserData",
            "contactRelationUpdate",
            "trace",
            "handoff",
            "suggestion",
            "command",
            "commandResult");

    private ActivityTypes() {}

    static boolean isKnown(String type) {
        return MESSAGE.equals(type)
                || INVOKE.equals(type)
                || CONVERSATION_UPDATE.equals(type)
                || INSTALLATION_UPDATE.equals(type)
                || IGNORED.contains(type);
    }
}
