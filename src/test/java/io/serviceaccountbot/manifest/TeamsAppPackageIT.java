package io.serviceaccountbot.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Teams app package {@code ./mvnw package} builds: a zip holding exactly manifest.json, color.png and outline.png at
 * its root, the manifest's placeholders filled with the bot id and app version the build was given.
 */
class TeamsAppPackageIT {

    private static final List<String> FILES = List.of("manifest.json", "color.png", "outline.png");

    private static final Map<String, byte[]> entries = new LinkedHashMap<>();
    private static final List<String> names = new ArrayList<>();

    @BeforeAll
    static void openPackage() throws IOException {
        assertThat(TeamsAppManifest.PACKAGE)
                .as("the package step builds it; run ./mvnw verify")
                .isRegularFile();
        try (ZipFile zip = new ZipFile(TeamsAppManifest.PACKAGE.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                names.add(entry.getName());
                try (var in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
    }

    @Test
    void holdsExactlyTheManifestAndTheIconsAtItsRoot() {
        assertThat(names).containsExactlyInAnyOrderElementsOf(FILES);
    }

    @Test
    void manifestHasItsPlaceholdersFilled() {
        String text = new String(entries.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode manifest = TeamsAppManifest.JSON.readTree(text);

        assertThat(text).doesNotContain("@teams.");
        assertThat(TeamsAppManifest.placeholders(text)).isEmpty();
        assertThat(manifest.path("id").asString())
                .matches(TeamsAppManifest.GUID)
                .isEqualTo(TeamsAppManifest.packageBotId());
        assertThat(manifest.at("/bots/0/botId").asString())
                .isEqualTo(manifest.path("id").asString());
        assertThat(manifest.path("version").asString())
                .matches(TeamsAppManifest.SEMVER)
                .isEqualTo(TeamsAppManifest.packageValues().get(TeamsAppManifest.APP_VERSION));
    }

    @Test
    void manifestIsTheFilledTemplate() {
        JsonNode packaged = TeamsAppManifest.JSON.readTree(entries.get("manifest.json"));

        assertThat(packaged).isEqualTo(TeamsAppManifest.filled());
    }

    @Test
    void iconsAreCopiedUnchanged() throws IOException {
        assertThat(entries.get("color.png")).isEqualTo(Files.readAllBytes(TeamsAppManifest.COLOR_ICON));
        assertThat(entries.get("outline.png")).isEqualTo(Files.readAllBytes(TeamsAppManifest.OUTLINE_ICON));
    }

    @Test
    void packagedManifestIsValidAgainstItsSchema() {
        JsonNode packaged = TeamsAppManifest.JSON.readTree(entries.get("manifest.json"));

        assertThat(ManifestSchema.declaredBy(packaged).validate(packaged)).isEmpty();
    }
}
