package io.serviceaccountbot.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import io.serviceaccountbot.command.CommandCatalog;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The manifest, filled the way the package step fills it, is valid against Microsoft's JSON schema of the version it
 * declares, validated offline; and the same validation rejects broken copies of it.
 */
class ManifestSchemaTest {

    private final JsonNode manifest = TeamsAppManifest.filled();
    private final ManifestSchema schema = ManifestSchema.declaredBy(manifest);

    @Test
    void declaresSchemaVersion125() {
        assertThat(schema.url())
                .isEqualTo("https://developer.microsoft.com/en-us/json-schemas/teams/v1.25/MicrosoftTeams.schema.json");
        assertThat(manifest.path("manifestVersion").asString()).isEqualTo(schema.version());
    }

    @Test
    void filledManifestIsValid() {
        assertThat(schema.validate(manifest)).isEmpty();
    }

    @Test
    void rejectsAThirteenthCommand() {
        List<Error> errors = schema.validate(broken(copy -> {
            ArrayNode commands = (ArrayNode) copy.at("/bots/0/commandLists/0/commands");
            assertThat(commands.size()).isEqualTo(CommandCatalog.COMMAND_MENU_LIMIT);
            commands.addObject().put("title", "Approve request").put("description", "Approve a pending request");
        }));

        assertThat(messages(errors))
                .anyMatch(message -> message.contains("/bots/0/commandLists/0/commands")
                        && message.contains("at most " + CommandCatalog.COMMAND_MENU_LIMIT));
    }

    @Test
    void rejectsAMissingRequiredField() {
        List<Error> errors = schema.validate(broken(copy -> copy.remove("developer")));

        assertThat(messages(errors)).anyMatch(message -> message.contains("required property 'developer'"));
    }

    @Test
    void rejectsAnUnfilledBotId() {
        JsonNode unfilled = TeamsAppManifest.JSON.readTree(TeamsAppManifest.template());

        assertThat(messages(schema.validate(unfilled)))
                .anyMatch(message -> message.startsWith("/id") && message.contains("@teams.bot-id@"))
                .anyMatch(message -> message.startsWith("/bots/0/botId"));
    }

    @Test
    void rejectsAnotherManifestVersion() {
        List<Error> errors = schema.validate(broken(copy -> copy.put("manifestVersion", "1.24")));

        assertThat(messages(errors)).anyMatch(message -> message.startsWith("/manifestVersion"));
    }

    @Test
    void rejectsAnOverlongCommandTitleAndUnknownScope() {
        List<Error> errors = schema.validate(broken(copy -> {
            ((ObjectNode) copy.at("/bots/0/commandLists/1/commands/0")).put("title", "x".repeat(129));
            ((ArrayNode) copy.at("/bots/0/commandLists/2/scopes")).add("meeting");
        }));

        assertThat(messages(errors))
                .anyMatch(message -> message.startsWith("/bots/0/commandLists/1/commands/0/title"))
                .anyMatch(message -> message.startsWith("/bots/0/commandLists/2/scopes/1"));
    }

    @Test
    void neverFetchesAReferenceFromTheNetwork() {
        JsonNode remote = TeamsAppManifest.JSON.readTree("""
                {"$schema": "http://json-schema.org/draft-04/schema#", "$ref": "https://example.com/teams/other.json"}
                """);

        assertThatThrownBy(() -> schema.loadLikeTheManifestSchema(remote).validate(manifest))
                .hasStackTraceContaining("https://example.com/teams/other.json")
                .hasStackTraceContaining("not available offline");
    }

    private JsonNode broken(Consumer<ObjectNode> change) {
        ObjectNode copy = (ObjectNode) manifest.deepCopy();
        change.accept(copy);
        return copy;
    }

    /** Each error as "{instance location}: {message} (value {instance})", e.g. "/id: ... (value "@teams.bot-id@")". */
    private static List<String> messages(List<Error> errors) {
        return errors.stream()
                .map(error -> error + " (value " + error.getInstanceNode() + ")")
                .toList();
    }
}
