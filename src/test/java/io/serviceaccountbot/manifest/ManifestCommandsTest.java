package io.serviceaccountbot.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.command.CommandCatalog;
import io.serviceaccountbot.command.CommandSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The manifest's command menu is the catalog's: every command list holds exactly {@link CommandCatalog#commandMenu()},
 * titles, descriptions and order, and the lists cover the personal, team and group chat scopes.
 */
class ManifestCommandsTest {

    private static final List<String> SCOPES = List.of("personal", "team", "groupChat");

    private final CommandCatalog catalog = CommandCatalog.standard();
    private final JsonNode bot = TeamsAppManifest.filled().path("bots").path(0);

    @Test
    void botIsConversationalInPersonalTeamAndGroupChat() {
        assertThat(strings(bot.path("scopes"))).containsExactlyInAnyOrderElementsOf(SCOPES);
        assertThat(bot.path("supportsFiles").asBoolean(true)).isFalse();
        assertThat(bot.path("isNotificationOnly").asBoolean(true)).isFalse();
    }

    @Test
    void commandListsCoverEveryScopeOfTheBotOnce() {
        List<String> listed = new ArrayList<>();
        bot.path("commandLists").forEach(list -> listed.addAll(strings(list.path("scopes"))));

        assertThat(listed).containsExactlyInAnyOrderElementsOf(SCOPES);
    }

    @Test
    void everyCommandListIsTheCatalogsCommandMenu() {
        List<Map<String, String>> menu = catalog.commandMenu().stream()
                .map(spec -> Map.of("title", spec.manifestTitle(), "description", spec.manifestDescription()))
                .toList();

        assertThat(bot.path("commandLists").size()).isPositive();
        for (JsonNode list : bot.path("commandLists")) {
            List<Map<String, String>> commands = new ArrayList<>();
            list.path("commands")
                    .forEach(command -> commands.add(Map.of(
                            "title", command.path("title").asString(),
                            "description", command.path("description").asString())));

            assertThat(commands).as("commands for %s", list.path("scopes")).containsExactlyElementsOf(menu);
        }
    }

    @Test
    void menuIsMadeOfCatalogCommandsWithinTeamsLimit() {
        List<CommandSpec> menu = catalog.commandMenu();

        assertThat(menu)
                .isNotEmpty()
                .doesNotHaveDuplicates()
                .hasSizeLessThanOrEqualTo(CommandCatalog.COMMAND_MENU_LIMIT);
        assertThat(catalog.specs()).containsAll(menu);
        assertThat(menu.stream().map(CommandSpec::manifestTitle)).doesNotHaveDuplicates();
        for (JsonNode list : bot.path("commandLists")) {
            assertThat(list.path("commands").size()).isLessThanOrEqualTo(CommandCatalog.COMMAND_MENU_LIMIT);
            list.path("commands")
                    .forEach(command -> assertThat(catalog.specs())
                            .as(command.toString())
                            .anyMatch(spec -> spec.manifestTitle()
                                            .equals(command.path("title").asString())
                                    && spec.manifestDescription()
                                            .equals(command.path("description").asString())));
        }
    }

    @Test
    void helpIsOfferedSoTheCommandsLeftOutOfTheMenuCanBeFound() {
        assertThat(catalog.commandMenu()).contains(catalog.byKeyword("help").orElseThrow());
        assertThat(catalog.specs()).hasSizeGreaterThan(catalog.commandMenu().size());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
