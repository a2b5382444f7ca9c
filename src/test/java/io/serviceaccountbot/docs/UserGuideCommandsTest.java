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

/**
 * The command table of docs/user-guide.md lists exactly the commands the parser understands, with who may run them.
 */
class UserGuideCommandsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][^`]*)` \\| ([a-z ,]+) \\|$", Pattern.MULTILINE);

    @Test
    void userGuideCommandTableMatchesTheCatalog() throws Exception {
        List<String> documented = new ArrayList<>();
        String guide = Files.readString(Path.of("docs/user-guide.md"));
        int section = guide.indexOf("\n## Commands\n");
        assertThat(section).as("the Commands section of docs/user-guide.md").isNotNegative();
        int next = guide.indexOf("\n## ", section + 1);
        Matcher row = ROW.matcher(guide.substring(section, next < 0 ? guide.length() : next));
        while (row.find()) {
            documented.add(row.group(1).replace("\\|", "|") + " — " + row.group(2));
        }

        List<String> catalog = CommandCatalog.standard().specs().stream()
                .map(spec -> spec.syntax() + " — " + whoMay(spec))
                .toList();

        assertThat(documented).as("the command table of docs/user-guide.md").containsExactlyElementsOf(catalog);
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
