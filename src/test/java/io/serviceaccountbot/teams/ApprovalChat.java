package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The people of the approval tests talking to the bot over {@code /api/messages}: Alex types in his personal chat,
 * Megan in hers, anyone clicks a card button (an {@code adaptiveCard/action} invoke as the Agents Playground sends it).
 * What the bot sends comes back through the fake connector.
 */
public final class ApprovalChat {

    static final String ADELE = "00000000-0000-0000-0000-0000000000022";
    static final String ALEX_CHAT = "645b6b78-33f8-4440-9bb8-6b3d36fe14e1";
    static final String MEGAN_CHAT = "aa1a0209-5012-4994-acbd-496629ff937e";
    static final Pattern NUMBER = Pattern.compile("Approval request (R-[0-9A-Z]{6})");

    private final FakeConnector connector;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    ApprovalChat(FakeConnector connector, int port) {
        this.connector = connector;
        this.port = port;
    }

    /** Megan's personal chat and the team's channel, installed as the Playground does on opening them. */
    void installMegansChatAndTheChannel() throws Exception {
        post(Activities.sample("conversationUpdate-personal-megan", connector.serviceUrl()));
        post(Activities.sample("conversationUpdate-channel", connector.serviceUrl()));
    }

    /** The Playground's installationUpdate of Megan's personal chat, as someone else's in a chat of their own. */
    static ObjectNode installationOf(String serviceUrl, String aadObjectId, String userId, String conversationId) {
        ObjectNode install = Activities.sample("installationUpdate-personal-megan", serviceUrl);
        ObjectNode from = install.putObject("from");
        from.put("id", userId);
        from.put("aadObjectId", aadObjectId);
        install.withObjectProperty("conversation").put("id", conversationId);
        return install;
    }

    /** The Playground's conversationUpdate that starts Megan's personal chat, as someone else's. */
    static ObjectNode chatStartOf(String serviceUrl, String aadObjectId, String userId, String conversationId) {
        ObjectNode start = Activities.sample("conversationUpdate-personal-megan", serviceUrl);
        for (ObjectNode person : List.of(
                start.putObject("from"), (ObjectNode) start.path("membersAdded").get(0))) {
            person.put("id", userId);
            person.put("aadObjectId", aadObjectId);
        }
        start.withObjectProperty("conversation").put("id", conversationId);
        return start;
    }

    FakeConnector.Call alexSays(String text) throws Exception {
        ObjectNode message = Activities.message(connector.serviceUrl(), text);
        post(message);
        return connector.awaitReplyTo(message.get("id").asString());
    }

    FakeConnector.Call meganSays(String text) throws Exception {
        ObjectNode message = Activities.message(connector.serviceUrl(), text);
        ObjectNode from = message.putObject("from");
        from.put("id", "user-id-1");
        from.put("name", "Megan Bowen");
        from.put("aadObjectId", Activities.MEGAN);
        message.withObjectProperty("conversation").put("id", MEGAN_CHAT);
        post(message);
        return connector.awaitReplyTo(message.get("id").asString());
    }

    /** Alex asks for a privileged command and Megan approves it at once, by the card's current version; its number. */
    String approvedByMegan(io.serviceaccountbot.approval.Approvals approvals, String command) throws Exception {
        String number = numberOn(alexSays(command));
        int version = approvals
                .find(new io.serviceaccountbot.command.RequestId(number))
                .orElseThrow()
                .cardVersion();
        invoke(Activities.MEGAN, "Megan Bowen", "approve", number, version, null);
        return number;
    }

    /** Megan clicks a button on the card the bot posted into her chat, with the data that card carries. */
    JsonNode meganClicks(String verb, FakeConnector.Call card, String comment) throws Exception {
        ObjectNode data =
                (ObjectNode) card.card().path("actions").path(0).path("data").deepCopy();
        if (comment != null) {
            data.put("comment", comment);
        }
        return invokeWith(Activities.MEGAN, "Megan Bowen", verb, data, card.activityId());
    }

    /** The personal chat each person clicks in. */
    static String chatOf(String aadObjectId) {
        return switch (aadObjectId) {
            case Activities.ALEX -> ALEX_CHAT;
            case Activities.MEGAN -> MEGAN_CHAT;
            default -> "a:personal-chat-of-" + aadObjectId;
        };
    }

    JsonNode invoke(String aadObjectId, String name, String verb, String number, int version, String comment)
            throws Exception {
        ObjectNode data = Activities.JSON.createObjectNode();
        data.put("request", number);
        data.put("cardVersion", version);
        if (comment != null) {
            data.put("comment", comment);
        }
        return invokeWith(aadObjectId, name, verb, data, "1");
    }

    JsonNode invokeWith(String aadObjectId, String name, String verb, ObjectNode data, String replyToId)
            throws Exception {
        ObjectNode invoke = Activities.sample("invoke-adaptiveCard-action-megan", connector.serviceUrl());
        ObjectNode from = invoke.putObject("from");
        from.put("id", "29:" + name.replace(' ', '-'));
        from.put("name", name);
        from.put("aadObjectId", aadObjectId);
        invoke.put("replyToId", replyToId);
        invoke.withObjectProperty("conversation").put("id", chatOf(aadObjectId));
        ObjectNode action = invoke.withObjectProperty("value").putObject("action");
        action.put("type", "Action.Execute");
        action.put("verb", verb);
        action.set("data", data);
        HttpResponse<String> response = post(invoke);
        assertThat(response.statusCode()).isEqualTo(200);
        return Activities.JSON.readTree(response.body());
    }

    HttpResponse<String> post(ObjectNode activity) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Activities.JSON.writeValueAsString(activity)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    FakeConnector.Call cardPostedTo(String conversation, String number) throws Exception {
        return connector.await(
                call -> call.method().equals("POST")
                        && call.path().endsWith("/conversations/" + conversation + "/activities")
                        && text(call.card()).contains("Approval request " + number),
                FakeConnector.PATIENCE);
    }

    static String numberOn(FakeConnector.Call reply) {
        Matcher matcher = NUMBER.matcher(text(reply.card()));
        assertThat(matcher.find()).as("a request number on %s", reply.body()).isTrue();
        return matcher.group(1);
    }

    /** Every text of a card (or of an invoke answer's card), joined. */
    public static String text(JsonNode card) {
        List<String> texts = new ArrayList<>();
        collect(card, texts);
        return String.join("\n", texts);
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isObject()) {
            for (String field : List.of("text", "title", "value", "label")) {
                if (node.path(field).isString()) {
                    texts.add(node.path(field).asString());
                }
            }
        }
        if (node.isContainer()) {
            for (JsonNode child : node) {
                collect(child, texts);
            }
        }
    }

    static List<String> titles(JsonNode card) {
        List<String> titles = new ArrayList<>();
        card.path("actions").forEach(action -> titles.add(action.path("title").asString()));
        return titles;
    }
}
