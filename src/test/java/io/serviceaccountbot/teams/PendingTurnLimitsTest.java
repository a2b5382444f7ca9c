package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingTurnLimitsTest {

    private static ConversationReference.Key conversation(String id) {
        return new ConversationReference.Key("http://localhost/", id);
    }

    @Test
    void limitsEachConversationAndEachSenderAcrossTheirConversations() {
        PendingTurnLimits limits = new PendingTurnLimits(2, 3);

        PendingTurnLimits.Admission first = limits.admit(conversation("a"), "isaiah");
        assertThat(first).isNotNull();
        assertThat(limits.admit(conversation("a"), "isaiah")).isNotNull();
        assertThat(limits.admit(conversation("a"), "megan"))
                .as("conversation a is full")
                .isNull();
        assertThat(limits.admit(conversation("b"), "isaiah")).isNotNull();
        assertThat(limits.admit(conversation("c"), "isaiah"))
                .as("isaiah has 3 pending")
                .isNull();
        assertThat(limits.admit(conversation("c"), "megan"))
                .as("a refused sender took no place in conversation c")
                .isNotNull();
        assertThat(limits.admit(conversation("c"), null))
                .as("no sender: only the conversation counts")
                .isNotNull();

        first.release();
        first.release();
        assertThat(limits.admit(conversation("a"), "isaiah")).isNotNull();
        assertThat(limits.admit(conversation("a"), "megan"))
                .as("a place given back twice is given back once")
                .isNull();
    }
}
