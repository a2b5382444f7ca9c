package io.serviceaccountbot.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Teams app manifest template in {@code manifest/}, and its placeholders filled the way the {@code package} step
 * fills them: Maven resource filtering with spring-boot-starter-parent's {@code @property@} delimiter, from the Maven
 * properties {@code teams.bot-id} and {@code teams.app-version} (which surefire and failsafe pass to the tests).
 */
final class TeamsAppManifest {

    static final Path DIRECTORY = Path.of("manifest");
    static final Path TEMPLATE = DIRECTORY.resolve("manifest.json");
    static final Path COLOR_ICON = DIRECTORY.resolve("color.png");
    static final Path OUTLINE_ICON = DIRECTORY.resolve("outline.png");

    /** What {@code ./mvnw package} builds (see pom.xml and src/assembly/teams-app.xml). */
    static final Path PACKAGE = Path.of("target", "service-account-bot-teams-app.zip");

    static final String BOT_ID = "teams.bot-id";
    static final String APP_VERSION = "teams.app-version";

    /** The pom's default for {@code teams.bot-id}. */
    static final String DEFAULT_BOT_ID = "00000000-0000-0000-0000-000000000000";

    /** Maven resource filtering's placeholder under spring-boot-starter-parent, e.g. {@code @teams.bot-id@}. */
    static final Pattern PLACEHOLDER = Pattern.compile("@([A-Za-z0-9_.-]+)@");

    /** The manifest schema's {@code #/definitions/guid}. */
    static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    /** x.y.z without a qualifier, as Teams wants an app version. */
    static final Pattern SEMVER = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");

    static final JsonMapper JSON = JsonMapper.builder().build();

    private TeamsAppManifest() {}

    /** The template as committed, placeholders and all. */
    static String template() {
        try {
            return Files.readString(TEMPLATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the placeholders in the template, in order of first appearance. */
    static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The values the package step fills in: the Maven properties passed to the test JVM, or outside Maven the pom's
     * default bot id and a plain x.y.z version.
     */
    static Map<String, String> packageValues() {
        return Map.of(BOT_ID, property(BOT_ID, DEFAULT_BOT_ID), APP_VERSION, property(APP_VERSION, "1.0.0"));
    }

    /** The bot id the package was built with. */
    static String packageBotId() {
        return packageValues().get(BOT_ID);
    }

    /** The template with every placeholder replaced; a placeholder without a value is an error, not left in place. */
    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for the placeholder " + matcher.group() + " in " + TEMPLATE
                        + "; the package step would leave it unfilled");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** The manifest as the package step writes it. */
    static JsonNode filled() {
        return JSON.readTree(fill(template(), packageValues()));
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        // unset, or passed on by Maven without a value ("${teams.app-version}")
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }
}
