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
}
