package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MessageTextTest {

    static Activity sample(String name) throws IOException {
        try (InputStream in = MessageTextTest.class.getResourceAsStream("/teams-samples/" + name + ".json")) {
            return JsonMapper.builder().build().readValue(in, Activity.class);
        }
    }

    @Test
    void personalMessagesAreTakenAsTyped() throws IOException {
        assertThat(MessageText.of(sample("message-personal"))).isEqualTo("hello bot");
    }

    @Test
    void theBotMentionInAChannelIsRemoved() throws IOException {
        assertThat(MessageText.of(sample("message-channel-mention"))).isEqualTo("hello channel");
    }

    @Test
    void theBotMentionInAGroupChatIsRemoved() throws IOException {
        assertThat(MessageText.of(sample("message-groupChat-mention")))
                .doesNotContain("<at>")
                .doesNotStartWith(" ");
    }

    @Test
    void otherPeopleMentionedKeepTheirNames() {
        Activity activity = activity(
                "<at>Service Account Bot</at> grant impersonation to <at>Megan Bowen</at>",
                List.of(
                        mention("28:bot", "<at>Service Account Bot</at>"),
                        mention("29:megan", "<at>Megan Bowen</at>")));

        assertThat(MessageText.of(activity)).isEqualTo("grant impersonation to Megan Bowen");
    }

    @Test
    void markupEntitiesAndNonBreakingSpacesBecomePlainText() {
        Activity activity =
                activity("<p>show role group&nbsp;&quot;Exchange sync role group&quot;</p>\u00a0", List.of());

        assertThat(MessageText.of(activity)).isEqualTo("show role group \"Exchange sync role group\"");
    }

    @Test
    void whatTheUserTypedIsKeptAsTextAndTheMarkupTeamsAddedIsDropped() {
        assertThat(MessageText.of(activity("<p>because &lt;script&gt;alert(1)&lt;/script&gt;</p>", List.of())))
                .isEqualTo("because <script>alert(1)</script>");
        assertThat(MessageText.of(activity("<p>because <a href=\"https://evil.example\">x</a></p>", List.of())))
                .isEqualTo("because x");
    }

    @Test
    void entitiesAreDecodedOnceSoThatATypedEntityStaysAsTyped() {
        assertThat(MessageText.of(activity("&amp;lt;b&amp;gt; &#60;i&#x3E; &bogus; &#xFFFFFF;", List.of())))
                .isEqualTo("&lt;b&gt; <i> &bogus; &#xFFFFFF;");
    }

    @Test
    void withoutMentionEntitiesALeadingMentionIsTakenForTheBot() {
        assertThat(MessageText.of(activity("<at>Bot</at>  help", null))).isEqualTo("help");
    }

    @Test
    void noTextIsEmpty() {
        assertThat(MessageText.of(activity(null, null))).isEmpty();
    }

    private static Activity.Entity mention(String id, String text) {
        return new Activity.Entity("mention", new Activity.ChannelAccount(id, null, null), text);
    }

    private static Activity activity(String text, List<Activity.Entity> entities) {
        return Activities.personalMessage("http://localhost/", text, entities);
    }
}
