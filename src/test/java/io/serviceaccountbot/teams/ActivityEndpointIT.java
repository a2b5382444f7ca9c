package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/** The bot endpoint in sandbox mode, over real HTTP, answering into a fake connector. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivityEndpointIT {

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    ConversationReferences references;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    HttpResponse<String> post(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(ObjectNode activity) throws Exception {
        return post(Activities.JSON.writeValueAsString(activity));
    }

    @Test
    void aPlaygroundMessageIsAcknowledgedAndAnsweredInItsConversation() throws Exception {
        ObjectNode message = Activities.sample("message-personal", connector.serviceUrl());

        assertThat(post(message).statusCode()).isEqualTo(200);

        FakeConnector.Call reply = connector.awaitReplyTo(message.get("id").asString());
        assertThat(reply.path())
                .startsWith("/_connector/v3/conversations/645b6b78-33f8-4440-9bb8-6b3d36fe14e1/activities/");
        assertThat(reply.body().path("recipient").path("aadObjectId").asString())
                .isEqualTo(Activities.ALEX);
    }

    @Test
    void aMessageTeamsDeliversAgainIsAnsweredOnce() throws Exception {
        ObjectNode message = Activities.message(connector.serviceUrl(), "whoami");

        assertThat(post(message).statusCode()).isEqualTo(200);
        connector.awaitReplyTo(message.get("id").asString());
        assertThat(post(message).statusCode()).isEqualTo(200);
        assertThat(post(message).statusCode()).isEqualTo(200);

        ObjectNode sameIdElsewhere = Activities.message(connector.serviceUrl(), "whoami");
        sameIdElsewhere.put("id", message.get("id").asString());
        sameIdElsewhere
                .withObjectProperty("conversation")
                .put("id", "another-" + message.get("id").asString());
        assertThat(post(sameIdElsewhere).statusCode()).isEqualTo(200);
        connector.await(
                call -> call.path().contains("another-")
                        && call.body()
                                .path("replyToId")
                                .asString("")
                                .equals(message.get("id").asString()),
                Duration.ofSeconds(10));

        Thread.sleep(300);
        assertThat(connector.calls())
                .filteredOn(call -> message.get("id")
                        .asString()
                        .equals(call.body().path("replyToId").asString(null)))
                .as("one answer in each conversation")
                .hasSize(2);
    }

    @Test
    void aChannelMentionIsStrippedBeforeTheCommandIsRead() throws Exception {
        ObjectNode message = Activities.sample("message-channel-mention", connector.serviceUrl());

        post(message);

        FakeConnector.Call reply = connector.awaitReplyTo(message.get("id").asString());
        assertThat(reply.rawPath()).contains("team-id%3Bmessageid%3D");
        assertThat(reply.text()).doesNotContain("<at>");
    }

    @Test
    void installingTheBotStoresTheConversationAndWelcomesTheUser() throws Exception {
        ObjectNode update = Activities.sample("conversationUpdate-personal", connector.serviceUrl());
        update.withObjectProperty("conversation")
                .put("id", "welcome-" + update.get("id").asString());

        assertThat(post(update).statusCode()).isEqualTo(200);

        FakeConnector.Call welcome = connector.await(
                call -> call.path().contains("welcome-") && call.text().contains("help"), Duration.ofSeconds(10));
        assertThat(welcome.body().has("replyToId")).isFalse();
        assertThat(references.personalChatsOf(Activities.ALEX))
                .anySatisfy(reference -> assertThat(reference.conversationId()).startsWith("welcome-"));
    }

    @Test
    void malformedJsonGetsA400WithASentence() throws Exception {
        HttpResponse<String> response = post("{\"type\": \"message\", ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not a Bot Framework activity").doesNotContain("Exception");
    }

    @Test
    void anEmptyBodyGetsA400() throws Exception {
        assertThat(post("").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownActivityTypeGetsA400NamingIt() throws Exception {
        ObjectNode activity = Activities.message(connector.serviceUrl(), "help");
        activity.put("type", "teleport");

        HttpResponse<String> response = post(activity);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Unknown activity type 'teleport'");
    }

    @Test
    void aMessageWithoutServiceUrlGetsA400AndNoAnswer() throws Exception {
        ObjectNode activity = Activities.message(connector.serviceUrl(), "help");
        activity.remove("serviceUrl");
        int before = connector.calls().size();

        HttpResponse<String> response = post(activity);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("no serviceUrl");
        Thread.sleep(200);
        assertThat(connector.calls()).hasSize(before);
    }

    @Test
    void sandboxRefusesToPostToAnotherHost() throws Exception {
        ObjectNode activity = Activities.message("https://smba.trafficmanager.net/amer/", "help");

        HttpResponse<String> response = post(activity);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("sandbox");
    }

    @Test
    void aMegabyteOfTextGetsAPoliteReplyNotAnError() throws Exception {
        ObjectNode message = Activities.message(connector.serviceUrl(), "help " + "x".repeat(1024 * 1024));

        assertThat(post(message).statusCode()).isEqualTo(200);

        FakeConnector.Call reply = connector.awaitReplyTo(message.get("id").asString());
        assertThat(reply.text()).containsIgnoringCase("too long").hasSizeLessThan(1000);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeAnythingHappens() throws Exception {
        ObjectNode message = Activities.message(connector.serviceUrl(), "x".repeat(3 * 1024 * 1024));
        int before = connector.calls().size();

        HttpResponse<String> response = post(message);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("at most");
        Thread.sleep(200);
        assertThat(connector.calls()).hasSize(before);
    }

    @Test
    void activitiesFromAnotherTenantGetAPoliteRefusal() throws Exception {
        ObjectNode message = Activities.message(connector.serviceUrl(), "whoami");
        message.withObjectProperty("conversation").put("tenantId", "11111111-2222-3333-4444-555555555555");
        message.withObjectProperty("channelData")
                .withObjectProperty("tenant")
                .put("id", "11111111-2222-3333-4444-555555555555");

        assertThat(post(message).statusCode()).isEqualTo(200);

        FakeConnector.Call reply = connector.awaitReplyTo(message.get("id").asString());
        assertThat(reply.text()).contains("only serve the organisation");
    }

    @Test
    void anActivityNamingTwoTenantsIsRefusedAndNotAnswered() throws Exception {
        ObjectNode message = Activities.message(connector.serviceUrl(), "whoami");
        message.withObjectProperty("conversation").put("tenantId", "11111111-2222-3333-4444-555555555555");
        message.withObjectProperty("channelData").withObjectProperty("tenant").put("id", Activities.TENANT);
        int before = connector.calls().size();

        HttpResponse<String> response = post(message);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("two different tenants");
        ObjectNode agreeing = Activities.message(connector.serviceUrl(), "whoami");
        agreeing.withObjectProperty("conversation").put("tenantId", Activities.TENANT);
        agreeing.withObjectProperty("channelData").withObjectProperty("tenant").put("id", Activities.TENANT);
        assertThat(post(agreeing).statusCode()).isEqualTo(200);
        connector.awaitReplyTo(agreeing.get("id").asString());
        assertThat(connector.calls())
                .as("only the agreeing message was answered")
                .hasSize(before + 1);
    }

    @Test
    void typingAndOtherKnownActivitiesAreAcknowledgedQuietly() throws Exception {
        ObjectNode typing = Activities.message(connector.serviceUrl(), null);
        typing.put("type", "typing");

        assertThat(post(typing).statusCode()).isEqualTo(200);
    }

    @Test
    void aCardActionOnAnUnknownCardIsAnsweredInPlace() throws Exception {
        ObjectNode invoke = Activities.sample("invoke-adaptiveCard-action-personal", connector.serviceUrl());

        HttpResponse<String> response = post(invoke);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Activities.JSON.readTree(response.body()).path("type").asString())
                .isEqualTo("application/vnd.microsoft.activity.message");
    }

    @Test
    void otherInvokesAreNotImplemented() throws Exception {
        ObjectNode invoke = Activities.sample("invoke-adaptiveCard-action-personal", connector.serviceUrl());
        invoke.put("name", "composeExtension/query");

        assertThat(post(invoke).statusCode()).isEqualTo(501);
    }
}
