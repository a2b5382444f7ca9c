package io.serviceaccountbot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Azure templates and the application name the same settings: every environment variable the Bicep template
 * gives the container is a property of the code (by Spring Boot's relaxed binding), every property
 * docs/configuration.md marks as needed in production is given, and the example parameters file sets exactly the
 * template's parameters (every one without a default), reading the secure ones from the environment. The Exchange
 * Server runner's template creates exactly the Automation variables its runbook reads.
 */
class DeploymentTemplatesTest {

    private static final Path TEMPLATE = Path.of("deploy/azure/main.bicep");
    private static final Path PARAMETERS = Path.of("deploy/azure/main.example.bicepparam");
    private static final Path RUNNER_TEMPLATE = Path.of("deploy/azure/exchange-server.bicep");
    private static final Path CONFIGURATION_REFERENCE = Path.of("docs/configuration.md");
    private static final Path RUNBOOK = Path.of("deploy/exchange-server/Invoke-ExchangeCmdlet.ps1");
    private static final Pattern AUTOMATION_VARIABLE = Pattern.compile(
            "'Microsoft\\.Automation/automationAccounts/variables@[^']+' = \\{\\s*parent: \\w+\\s*name: '([^']+)'");
    private static final Pattern VARIABLE_READ = Pattern.compile("Get-AutomationVariable -Name '([^']+)'");
    private static final Pattern ENV = Pattern.compile("name: '((?:BOT|SPRING)_[A-Z0-9_]+)'");
    private static final Pattern PARAM = Pattern.compile("^param (\\w+) (\\w+)( = .+)?$", Pattern.MULTILINE);
    private static final Pattern SECURE_PARAM = Pattern.compile("@secure\\(\\)\\s*\\nparam (\\w+)");
    private static final Pattern SET = Pattern.compile("^param (\\w+) = (.+)$", Pattern.MULTILINE);
    private static final Pattern PRODUCTION_ROW =
            Pattern.compile("^\\| `([a-z0-9.-]+)` \\| [^|]* \\| production[^|]* \\|", Pattern.MULTILINE);

    @Test
    void everyEnvironmentVariableOfTheContainerIsASettingOfTheBot() throws Exception {
        Set<String> known = new LinkedHashSet<>();
        propertiesInCode().forEach(name -> known.add(canonical(name)));
        known.add(canonical("spring.datasource.url"));
        known.add(canonical("spring.datasource.username"));
        known.add(canonical("spring.datasource.password"));

        assertThat(environmentVariables())
                .isNotEmpty()
                .allSatisfy(variable -> assertThat(known)
                        .as("%s names a setting of the bot", variable)
                        .contains(canonical(variable)));
    }

    @Test
    void everySettingProductionNeedsIsGivenByTheTemplate() throws Exception {
        Set<String> given = new LinkedHashSet<>();
        environmentVariables().forEach(variable -> given.add(canonical(variable)));
        Matcher row = PRODUCTION_ROW.matcher(Files.readString(CONFIGURATION_REFERENCE));
        Set<String> needed = new LinkedHashSet<>();
        while (row.find()) {
            needed.add(row.group(1));
        }

        assertThat(needed).contains("bot.identity.tenant-id", "spring.datasource.url");
        for (String property : needed) {
            if (property.startsWith("bot.identity.certificate") || property.equals("bot.identity.managed-identity")) {
                continue; // one credential is needed; the template gives the client secret
            }
            assertThat(given).as("the template gives %s", property).contains(canonical(property));
        }
    }

    @Test
    void theExampleParametersSetExactlyTheTemplatesParameters() throws Exception {
        String template = Files.readString(TEMPLATE);
        Map<String, Boolean> declared = new LinkedHashMap<>();
        Matcher param = PARAM.matcher(template);
        while (param.find()) {
            declared.put(param.group(1), param.group(3) != null);
        }
        Set<String> secure = new LinkedHashSet<>();
        Matcher secureParam = SECURE_PARAM.matcher(template);
        while (secureParam.find()) {
            secure.add(secureParam.group(1));
        }
        Map<String, String> set = new LinkedHashMap<>();
        Matcher value = SET.matcher(Files.readString(PARAMETERS));
        while (value.find()) {
            set.put(value.group(1), value.group(2));
        }

        assertThat(declared.keySet()).as("the template's parameters").containsAll(set.keySet());
        declared.forEach((name, hasDefault) -> {
            if (!hasDefault) {
                assertThat(set)
                        .as("the example sets %s, which has no default", name)
                        .containsKey(name);
            }
        });
        assertThat(secure).containsExactlyInAnyOrder("botClientSecret", "postgresAdminPassword");
        secure.forEach(name -> assertThat(set.get(name))
                .as("the secret %s comes from the environment, not the file", name)
                .startsWith("readEnvironmentVariable("));
    }

    @Test
    void theRunbookReadsExactlyTheAutomationVariablesTheRunnerTemplateCreates() throws Exception {
        String template = Files.readString(RUNNER_TEMPLATE);

        assertThat(matches(AUTOMATION_VARIABLE, template))
                .as("the Automation variables of %s", RUNNER_TEMPLATE)
                .isNotEmpty()
                .isEqualTo(matches(VARIABLE_READ, Files.readString(RUNBOOK)));
        assertThat(template)
                .as("the runbook resource is named like the file deploy.sh uploads")
                .contains("var runbookName = 'Invoke-ExchangeCmdlet'");
        assertThat(Files.readString(Path.of("deploy/azure/deploy.sh")))
                .contains("/exchange-server/Invoke-ExchangeCmdlet.ps1");
        assertThat(Files.readString(TEMPLATE)).contains("module exchangeRunner 'exchange-server.bicep'");
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Set<String> environmentVariables() throws Exception {
        Set<String> variables = new LinkedHashSet<>();
        Matcher env = ENV.matcher(Files.readString(TEMPLATE));
        while (env.find()) {
            variables.add(env.group(1));
        }
        return variables;
    }

    /** A property or environment variable name as relaxed binding compares it: letters and digits, lower case. */
    static String canonical(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    private static Set<String> propertiesInCode() throws Exception {
        Set<String> properties = new LinkedHashSet<>();
        try (InputStream in =
                DeploymentTemplatesTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            JsonNode metadata = JsonMapper.builder().build().readTree(in);
            for (JsonNode property : metadata.path("properties")) {
                properties.add(property.path("name").asString());
            }
        }
        return properties;
    }
}
