package io.serviceaccountbot.chat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.chat.approvals.LateApproverCards;
import io.serviceaccountbot.teams.ConversationReference;
import io.serviceaccountbot.teams.ConversationReferences;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Someone opened a personal chat with the bot (installed it, or the conversation started): they are welcomed, and an
 * approver whose decision waits on requests that opened before this chat existed then gets those cards, the welcome
 * saying how many. The router makes sure this happens once per chat however Teams announces it.
 */
@Component
class PersonalChatOpening {

    private final ConversationReferences references;
    private final MessageTurn messages;
    private final LateApproverCards lateCards;

    PersonalChatOpening(ConversationReferences references, MessageTurn messages, LateApproverCards lateCards) {
        this.references = references;
        this.messages = messages;
        this.lateCards = lateCards;
    }

    /** Welcomes, then posts the waiting cards; on the chat's turn queue. */
    void open(ConversationReference chat) {
        ConversationReference known =
                references.find(chat.serviceUrl(), chat.conversationId()).orElse(chat);
        List<ApprovalRequest> waiting = lateCards.missedIn(known);
        messages.welcome(known, waiting.size());
        lateCards.deliver(waiting, known);
    }
}
