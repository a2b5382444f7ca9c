package io.serviceaccountbot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.command.CommandCatalog;
import io.serviceaccountbot.command.CommandSpec;
import io.serviceaccountbot.command.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's command table lists exactly the commands the parser understands, with who may run them. */
class ReadmeCommandsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][^`]*)` \\| ([a-z ,]+) \\|$", Pattern.MULTILINE);

    @Test
    void readmeCommandTableMatchesTheCatalog() throws Exception {
        List<String> readme = new ArrayList<>();
        String readmeText = Files.readString(Path.of("README.md"));
        int section = readmeText.indexOf("\n## Commands\n");
        int next = readmeText.indexOf("\n## ", section + 1);
        Matcher row = ROW.matcher(readmeText.substring(section, next));
        while (row.find()) {
            readme.add(row.group(1).replace("\\|", "|") + " — " + row.group(2));
        }

        List<String> catalog = CommandCatalog.standard().specs().stream()
                .map(spec -> spec.syntax() + " — " + whoMay(spec))
                .toList();

        assertThat(readme).containsExactlyElementsOf(catalog);
    }

    private static String whoMay(CommandSpec spec) {
        if (spec.roles().isEmpty()) {
            return "everyone";
        }
        return spec.roles().stream()
                .sorted()
                .map(role -> role == Role.PROVISIONING_ADMIN ? "provisioning admins" : "approvers")
                .collect(Collectors.joining(", "));
    }
}
