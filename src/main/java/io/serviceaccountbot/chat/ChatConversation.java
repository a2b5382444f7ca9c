package io.serviceaccountbot.chat;

import io.serviceaccountbot.teams.Activity;
import io.serviceaccountbot.teams.Conversation;
import io.serviceaccountbot.teams.ConversationReference;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The chat's side of the conversation: typed messages and card clicks answered, welcomes, refusals. */
@Component
class ChatConversation implements Conversation {

    private final MessageTurn messages;
    private final CardActionTurn cardActions;
    private final PersonalChatOpening opening;

    ChatConversation(MessageTurn messages, CardActionTurn cardActions, PersonalChatOpening opening) {
        this.messages = messages;
        this.cardActions = cardActions;
        this.opening = opening;
    }

    @Override
    public void message(Activity activity, ConversationReference reference) {
        messages.answer(activity, reference);
    }

    @Override
    public ResponseEntity<?> cardAction(Activity activity) {
        return cardActions.answer(activity);
    }

    @Override
    public void welcome(ConversationReference reference) {
        messages.welcome(reference);
    }

    @Override
    public void personalChatOpened(ConversationReference reference) {
        opening.open(reference);
    }

    @Override
    public void foreignTenant(Activity activity, ConversationReference reference) {
        messages.refuseForeignTenant(activity, reference);
    }
}
