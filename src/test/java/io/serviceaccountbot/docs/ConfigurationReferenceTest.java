package io.serviceaccountbot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration table in docs/configuration.md names every {@code bot.*} property of the code, with its default,
 * and nothing else: it is checked against the metadata Spring Boot's configuration processor writes from the
 * {@code @ConfigurationProperties} records.
 */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("docs/configuration.md");

    private static final Pattern ROW = Pattern.compile("^\\| `(bot\\.[a-z0-9.-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    @Test
    void theReferenceDocumentsEveryPropertyWithItsDefault() throws Exception {
        Map<String, String> code = propertiesInCode();
        Map<String, String> documented = propertiesInReference();

        assertThat(documented.keySet())
                .as("the configuration table of %s vs @ConfigurationProperties", REFERENCE)
                .containsExactlyInAnyOrderElementsOf(code.keySet());
        code.forEach((name, defaultValue) -> assertThat(documented.get(name))
                .as("default of %s in %s", name, REFERENCE)
                .isEqualTo(defaultValue.isEmpty() ? "" : "`" + defaultValue + "`"));
    }

    private static Map<String, String> propertiesInCode() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        try (InputStream in =
                ConfigurationReferenceTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            JsonNode metadata = JsonMapper.builder().build().readTree(in);
            for (JsonNode property : metadata.path("properties")) {
                String name = property.path("name").asString();
                if (name.startsWith("bot.")) {
                    JsonNode defaultValue = property.path("defaultValue");
                    properties.put(name, defaultValue.isMissingNode() ? "" : defaultValue.asString());
                }
            }
        }
        return properties;
    }

    private static Map<String, String> propertiesInReference() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(REFERENCE));
        while (row.find()) {
            properties.put(row.group(1), row.group(2).trim());
        }
        return properties;
    }
}
