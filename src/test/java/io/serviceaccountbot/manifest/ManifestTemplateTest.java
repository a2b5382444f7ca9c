package io.serviceaccountbot.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The template's placeholders are the two Maven properties the package step fills, in the right places. */
class ManifestTemplateTest {

    @Test
    void placeholdersAreTheBotIdAndTheAppVersion() {
        assertThat(TeamsAppManifest.placeholders(TeamsAppManifest.template()))
                .containsExactlyInAnyOrder(TeamsAppManifest.BOT_ID, TeamsAppManifest.APP_VERSION);
    }

    @Test
    void botIdIsTheAppIdAndTheBotsId() {
        JsonNode template = TeamsAppManifest.JSON.readTree(TeamsAppManifest.template());

        assertThat(template.path("id").asString()).isEqualTo("@teams.bot-id@");
        assertThat(template.at("/bots/0/botId").asString()).isEqualTo("@teams.bot-id@");
        assertThat(template.path("version").asString()).isEqualTo("@teams.app-version@");
    }

    @Test
    void fillingGivesAGuidAndAnXyzVersion() {
        JsonNode manifest = TeamsAppManifest.filled();

        assertThat(manifest.path("id").asString()).matches(TeamsAppManifest.GUID);
        assertThat(manifest.at("/bots/0/botId").asString())
                .isEqualTo(manifest.path("id").asString());
        assertThat(manifest.path("version").asString()).matches(TeamsAppManifest.SEMVER);
        assertThat(TeamsAppManifest.placeholders(manifest.toString())).isEmpty();
    }

    @Test
    void fillingWithTheRealBotIdPutsItInBothPlaces() {
        String appId = "6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
        JsonNode manifest = TeamsAppManifest.JSON.readTree(TeamsAppManifest.fill(
                TeamsAppManifest.template(),
                Map.of(TeamsAppManifest.BOT_ID, appId, TeamsAppManifest.APP_VERSION, "2.3.4")));

        assertThat(manifest.path("id").asString()).isEqualTo(appId);
        assertThat(manifest.at("/bots/0/botId").asString()).isEqualTo(appId);
        assertThat(manifest.path("version").asString()).isEqualTo("2.3.4");
    }

    @Test
    void aPlaceholderWithoutAValueIsAnError() {
        assertThatThrownBy(() -> TeamsAppManifest.fill(TeamsAppManifest.template(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@teams.");
    }
}
