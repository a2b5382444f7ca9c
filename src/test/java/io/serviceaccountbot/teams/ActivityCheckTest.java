package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActivityCheckTest {

    private static Activity message(String serviceUrl) {
        return Activities.personalMessage(serviceUrl, "help", null);
    }

    @Test
    void sandboxAnswersOnlyServiceUrlsOnThisMachine() {
        assertThat(ActivityCheck.problemWith(message("http://localhost:56150/_connector"), true))
                .isEmpty();
        assertThat(ActivityCheck.problemWith(message("http://127.0.0.1:9/"), true))
                .isEmpty();
        assertThat(ActivityCheck.problemWith(message("http://[::1]:9/"), true)).isEmpty();
        assertThat(ActivityCheck.problemWith(message("https://smba.trafficmanager.net/amer/"), true))
                .hasValueSatisfying(problem -> assertThat(problem).contains("sandbox"));
        assertThat(ActivityCheck.problemWith(message("http://127.0.0.1.evil.example/"), true))
                .isPresent();
        assertThat(ActivityCheck.problemWith(message("http://localhost@evil.example/"), true))
                .isPresent();
    }

    @Test
    void productionNeedsHttps() {
        assertThat(ActivityCheck.problemWith(message("https://smba.trafficmanager.net/amer/"), false))
                .isEmpty();
        assertThat(ActivityCheck.problemWith(message("http://smba.trafficmanager.net/amer/"), false))
                .isPresent();
    }

    @Test
    void missingOrBrokenServiceUrlIsNamed() {
        assertThat(ActivityCheck.problemWith(message(null), true))
                .hasValueSatisfying(problem -> assertThat(problem).contains("no serviceUrl"));
        assertThat(ActivityCheck.problemWith(message("not a url"), true))
                .hasValueSatisfying(problem -> assertThat(problem).contains("not an http(s) URL"));
        assertThat(ActivityCheck.problemWith(message("file:///etc/passwd"), true))
                .isPresent();
    }

    @Test
    void idsLongerThanTheBotStoresAreRefusedWithTheLimits() {
        String longUrl = "http://localhost:56150/" + "x".repeat(ActivityCheck.MAX_SERVICE_URL);
        assertThat(ActivityCheck.problemWith(message(longUrl), true))
                .hasValueSatisfying(
                        problem -> assertThat(problem).contains("too long").contains("500"));

        assertThat(ActivityCheck.problemWith(withId("1".repeat(ActivityCheck.MAX_ID + 1)), true))
                .isPresent();
        assertThat(ActivityCheck.problemWith(withId("1".repeat(ActivityCheck.MAX_ID)), true))
                .isEmpty();
    }

    private static Activity withId(String id) {
        Activity message = message("http://localhost:56150/_connector");
        return new Activity(
                message.type(),
                id,
                message.serviceUrl(),
                message.channelId(),
                message.from(),
                message.conversation(),
                message.recipient(),
                message.text(),
                message.entities(),
                message.channelData(),
                message.replyToId(),
                message.name(),
                message.value(),
                message.action(),
                message.membersAdded());
    }
}
