package io.serviceaccountbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.teams.Activities;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What is read from a card action, which came from the client and is not trusted. */
class CardActionTest {

    private static CardAction action(String json) {
        JsonNode value = Activities.JSON.readTree(json);
        return CardAction.of(value);
    }

    @Test
    void readsTheVerbTheRequestNumberTheCardVersionAndTheInputs() {
        CardAction action =
                action("{\"action\":{\"verb\":\"approve\",\"data\":{\"request\":\"r-7k2qm4\",\"cardVersion\":3,"
                        + "\"comment\":\"  fine  \"}}}");

        assertThat(action.verb()).isEqualTo("approve");
        assertThat(action.requestNumber()).contains(RequestId.of("R-7K2QM4"));
        assertThat(action.cardVersion()).contains(3);
        assertThat(action.input("comment")).contains("fine");
    }

    @Test
    void aCardVersionSentAsTextIsReadAsANumberAndAnythingElseIsNot() {
        assertThat(action("{\"action\":{\"data\":{\"cardVersion\":\"7\"}}}").cardVersion())
                .contains(7);
        assertThat(action("{\"action\":{\"data\":{\"cardVersion\":\"7; drop\"}}}")
                        .cardVersion())
                .isEmpty();
        assertThat(action("{\"action\":{\"data\":{\"cardVersion\":1.5}}}").cardVersion())
                .isEmpty();
        assertThat(action("{\"action\":{\"data\":{\"cardVersion\":99999999999}}}")
                        .cardVersion())
                .isEmpty();
    }

    @Test
    void somethingThatIsNoRequestNumberIsNoRequestAndBlankInputIsNoInput() {
        CardAction action = action("{\"action\":{\"verb\":7,\"data\":{\"request\":\"R-I0LO\",\"comment\":\"   \","
                + "\"justification\":{\"nested\":true}}}}");

        assertThat(action.verb()).isEmpty();
        assertThat(action.requestNumber()).isEmpty();
        assertThat(action.input("comment")).isEmpty();
        assertThat(action.input("justification")).isEmpty();
    }

    @Test
    void anInvokeWithoutAValueHasNoVerb() {
        CardAction action = CardAction.of(null);

        assertThat(action.verb()).isEmpty();
        assertThat(action.requestNumber()).isEmpty();
        assertThat(action.cardVersion()).isEmpty();
    }
}
