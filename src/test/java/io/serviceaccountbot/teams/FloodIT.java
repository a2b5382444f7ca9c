package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.chat.JustificationCard;
import io.serviceaccountbot.sandbox.SimulatorControlClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * One conversation sends far more than the bot can answer while the tenant is slow. It gets its few pending turns and
 * one "slow down" answer; the rest of its messages are acknowledged and skipped, never refused with a 503, and someone
 * else in another conversation is still answered although the shared queue is small. A card button that would queue
 * one more turn in that conversation is held to the same limit.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.teams.max-pending-turns=5",
            "bot.teams.max-pending-turns-per-conversation=3",
            "bot.teams.max-pending-turns-per-sender=4",
            "bot.teams.slow-down-window=1m"
        })
class FloodIT {

    static final String FLOODED = "a:flooded-chat-of-isaiah";
    static FakeConnector connector;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @AfterEach
    void fastTenant() {
        new SimulatorControlClient(port).latency(0);
    }

    private HttpResponse<String> post(ObjectNode activity) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(activity)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode message(String who, String name, String conversation, String text) {
        ObjectNode message = Activities.from(Activities.message(connector.serviceUrl(), text), who, name);
        message.withObjectProperty("conversation").put("id", conversation);
        return message;
    }

    @Test
    void aFloodingConversationIsToldToSlowDownAndAnotherIsStillAnswered() throws Exception {
        new SimulatorControlClient(port).latency(1000);
        List<ObjectNode> flood = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ObjectNode whoami = message(Activities.ISAIAH, "Isaiah Langer", FLOODED, "whoami");
            flood.add(whoami);
            assertThat(post(whoami).statusCode())
                    .as("message %d of the flood is acknowledged, not refused", i)
                    .isEqualTo(200);
        }

        ObjectNode click = Activities.sample("invoke-adaptiveCard-action-megan", connector.serviceUrl());
        Activities.from(click, Activities.ISAIAH, "Isaiah Langer");
        click.withObjectProperty("conversation").put("id", FLOODED);
        click.put("replyToId", "justification-card-1");
        ObjectNode action = click.withObjectProperty("value").putObject("action");
        action.put("type", "Action.Execute");
        action.put("verb", JustificationCard.VERB);
        action.putObject("data")
                .put(JustificationCard.COMMAND, "grant impersonation to svc-flood")
                .put(JustificationCard.JUSTIFICATION, "one more turn for a full conversation");
        HttpResponse<String> clicked = post(click);
        assertThat(clicked.statusCode()).isEqualTo(200);
        assertThat(Activities.JSON.readTree(clicked.body()).path("value").asString())
                .as("a card's button that would queue a turn is held to the same limit")
                .isEqualTo(SlowDownNotices.SLOW_DOWN);

        ObjectNode megan = message(Activities.MEGAN, "Megan Bowen", ApprovalChat.MEGAN_CHAT, "help");
        assertThat(post(megan).statusCode()).isEqualTo(200);
        assertThat(connector.awaitReplyTo(megan.get("id").asString()).card().toString())
                .contains("approver");

        FakeConnector.Call slowDown = connector.await(
                call -> call.path().contains(FLOODED) && call.text().equals(SlowDownNotices.SLOW_DOWN),
                Duration.ofSeconds(10));
        assertThat(slowDown.body().path("replyToId").asString())
                .isEqualTo(flood.get(3).get("id").asString());
        for (int i = 0; i < 3; i++) {
            assertThat(connector.awaitReplyTo(flood.get(i).get("id").asString()).text())
                    .contains("no role");
        }

        ObjectNode afterwards = message(Activities.ISAIAH, "Isaiah Langer", FLOODED, "whoami");
        assertThat(post(afterwards).statusCode()).isEqualTo(200);
        assertThat(connector.awaitReplyTo(afterwards.get("id").asString()).text())
                .as("the conversation is answered again once its turns have run")
                .contains("no role");
        assertThat(connector.calls())
                .as("told to slow down once in the window, however many messages were skipped")
                .filteredOn(call -> call.text().equals(SlowDownNotices.SLOW_DOWN))
                .hasSize(1);
        assertThat(connector.calls())
                .as("the skipped messages are not answered")
                .noneMatch(call -> flood.subList(4, 12).stream()
                        .anyMatch(skipped -> skipped.get("id")
                                        .asString()
                                        .equals(call.body().path("replyToId").asString(null))
                                && !call.text().equals(SlowDownNotices.SLOW_DOWN)));
    }
}
