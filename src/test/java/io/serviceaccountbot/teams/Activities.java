package io.serviceaccountbot.teams;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Activities for tests: the Agents Playground's real payloads, pointed at a test connector. */
public final class Activities {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TENANT = "00000000-0000-0000-0000-0000000000001";
    static final String ALEX = "00000000-0000-0000-0000-0000000000020";
    static final String MEGAN = "00000000-0000-0000-0000-0000000000021";
    static final String ISAIAH = "00000000-0000-0000-0000-0000000000023";

    private Activities() {}

    /** A recorded Playground activity with a fresh id, sent to the given connector. */
    static ObjectNode sample(String name, String serviceUrl) {
        try (InputStream in = Activities.class.getResourceAsStream("/teams-samples/" + name + ".json")) {
            ObjectNode activity = (ObjectNode) JSON.readTree(in);
            activity.put("id", UUID.randomUUID().toString());
            activity.put("serviceUrl", serviceUrl);
            return activity;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Alex's personal-chat message with the given text. */
    static ObjectNode message(String serviceUrl, String text) {
        ObjectNode activity = sample("message-personal", serviceUrl);
        activity.put("text", text);
        return activity;
    }

    /** A hand-made personal message activity for unit tests that need no JSON. */
    static Activity personalMessage(String serviceUrl, String text, List<Activity.Entity> entities) {
        return new Activity(
                "message",
                "1",
                serviceUrl,
                "msteams",
                new Activity.ChannelAccount("29:alex", "Alex", "aad"),
                new Activity.ConversationAccount("c", "personal", "t", false, null),
                new Activity.ChannelAccount("28:bot", "Service Account Bot", null),
                text,
                entities,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The same message from someone else. */
    static ObjectNode from(ObjectNode activity, String aadObjectId, String name) {
        ObjectNode from = activity.putObject("from");
        from.put("id", "29:" + name.replace(' ', '-'));
        from.put("name", name);
        from.put("aadObjectId", aadObjectId);
        return activity;
    }
}
