package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runbook {@code deploy/exchange-server/Invoke-ExchangeCmdlet.ps1} refuses what the bot does not ask for, and
 * nothing more: its {@code $AllowedCmdlets} and {@code $SecretParameters} are exactly {@link RunnerCmdlets}, and it
 * runs a cmdlet only by splatting its parameters, never by building command text. PowerShell is not needed: the tables
 * are read as text, in the one form the runbook writes them (one {@code 'Cmdlet' = @('Parameter', ...)} a line).
 */
class RunnerAllowListTest {

    private static final Path RUNBOOK = Path.of("deploy/exchange-server/Invoke-ExchangeCmdlet.ps1");
    private static final Pattern ENTRY = Pattern.compile("\\s*'([A-Za-z]+-[A-Za-z]+)' = @\\(([^()]*)\\)\\s*");
    private static final Pattern NAME = Pattern.compile("'([A-Za-z]+)'");

    @Test
    void theRunbookAllowsExactlyTheCmdletsAndParametersTheBotAsksFor() throws Exception {
        Map<String, Set<String>> runbook = table(runbook(), "AllowedCmdlets");

        assertThat(differences(runbook, RunnerCmdlets.ALLOWED))
                .as("$AllowedCmdlets in %s against RunnerCmdlets.ALLOWED", RUNBOOK)
                .isEmpty();
    }

    @Test
    void theRunbookTakesExactlyTheSecretParametersTheBotNames() throws Exception {
        Map<String, Set<String>> runbook = table(runbook(), "SecretParameters");

        assertThat(differences(runbook, RunnerCmdlets.SECRET_PARAMETERS))
                .as("$SecretParameters in %s against RunnerCmdlets.SECRET_PARAMETERS", RUNBOOK)
                .isEmpty();
    }

    @Test
    void everySecretParameterIsAnAllowedParameter() {
        RunnerCmdlets.SECRET_PARAMETERS.forEach((cmdlet, parameters) -> assertThat(RunnerCmdlets.ALLOWED)
                .as("the allowed parameters of %s", cmdlet)
                .hasEntrySatisfying(cmdlet, allowed -> assertThat(allowed).containsAll(parameters)));
    }

    @Test
    void theRunbookNeverBuildsCommandText() throws Exception {
        String code = withoutComments(runbook()).toLowerCase(Locale.ROOT);

        for (String forbidden :
                List.of("invoke-expression", "[scriptblock]::create", "newscriptblock", "add-type", "invoke-command")) {
            assertThat(code).as("the runbook uses %s", forbidden).doesNotContain(forbidden);
        }
        assertThat(code).as("the runbook uses the alias iex").doesNotContainPattern("\\biex\\b");
    }

    @Test
    void theRunbookRunsCommandsOnlyBySplatting() throws Exception {
        String code = withoutComments(runbook());
        Matcher call = Pattern.compile("&\\s*\\$\\w+([^\\r\\n]*)").matcher(code);
        List<String> calls = new ArrayList<>();
        while (call.find()) {
            calls.add(call.group());
        }

        assertThat(calls)
                .as("the call operator on a command the runbook resolved")
                .isNotEmpty()
                .anySatisfy(line -> assertThat(line).matches("&\\s*\\$command\\s+@parameters\\b.*"));
        assertThat(calls)
                .as("every call passes its parameters by splatting or as fixed names")
                .allSatisfy(line -> assertThat(line).doesNotContainPattern("\\$\\(|\\\"|'[^']*\\$"));
    }

    @Test
    void theHostWalkthroughChecksTheRolesOfEveryExchangeCmdletTheRunbookRuns() throws Exception {
        String readme = Files.readString(Path.of("deploy/exchange-server/README.md"));
        int check = readme.indexOf("Get-ManagementRole -Cmdlet $_");
        assertThat(check)
                .as("the role check in deploy/exchange-server/README.md")
                .isPositive();
        String block = readme.substring(readme.lastIndexOf("```powershell", check), check);
        Set<String> listed = new TreeSet<>();
        Matcher cmdlet = Pattern.compile("'([A-Za-z]+-[A-Za-z]+)'").matcher(block);
        while (cmdlet.find()) {
            listed.add(cmdlet.group(1));
        }

        Set<String> exchange = new TreeSet<>(RunnerCmdlets.ALLOWED.keySet());
        exchange.removeAll(Set.of("Get-ADUser", "Set-ADUser"));
        exchange.add("Get-ExchangeServer");
        assertThat(listed).isEqualTo(exchange);
    }

    @Test
    void everyJobFailureTheRunbookThrowsNamesAReasonTheBotKnows() throws Exception {
        Matcher thrown = Pattern.compile("(?m)^\\s*throw\\s+(.*)$").matcher(withoutComments(runbook()));
        List<String> throwsFound = new ArrayList<>();
        while (thrown.find()) {
            throwsFound.add(thrown.group(1));
        }
        assertThat(throwsFound).isNotEmpty();
        for (String text : throwsFound) {
            Matcher reason =
                    Pattern.compile("^[\"']ExchangeRunner/([A-Za-z]+): ").matcher(text);
            assertThat(reason.find())
                    .as("throw %s starts with ExchangeRunner/<Reason>: (PROTOCOL.md)", text)
                    .isTrue();
            assertThat(RunnerErrors.JOB_FAILURES).as("reason of %s", text).containsKey(reason.group(1));
        }
    }

    @Test
    void theRunbookIsPlainAsciiForWindowsPowerShellAndTheUpload() throws Exception {
        byte[] bytes = Files.readAllBytes(RUNBOOK);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                fail(
                        "byte %d of %s is not ASCII: Windows PowerShell 5.1 reads a file without a BOM as ANSI",
                        i, RUNBOOK);
            }
        }
        assertThat(new String(bytes, StandardCharsets.US_ASCII))
                .as("PowerShell 5.1 has no null-coalescing operator")
                .doesNotContain("??");
    }

    private static String runbook() throws Exception {
        return Files.readString(RUNBOOK);
    }

    /** The hashtable literal {@code $<variable> = @{ ... }}, one {@code 'Cmdlet' = @('Parameter', ...)} a line. */
    static Map<String, Set<String>> table(String script, String variable) {
        List<String> lines = script.lines().toList();
        int start = lines.indexOf("$" + variable + " = @{");
        assertThat(start).as("%s has the line '$%s = @{'", RUNBOOK, variable).isNotNegative();
        assertThat(lines.lastIndexOf("$" + variable + " = @{"))
                .as("$%s is assigned once", variable)
                .isEqualTo(start);

        Map<String, Set<String>> table = new TreeMap<>();
        for (int i = start + 1; ; i++) {
            assertThat(i).as("$%s is closed by a line '}'", variable).isLessThan(lines.size());
            String line = lines.get(i);
            if (line.equals("}")) {
                return table;
            }
            Matcher entry = ENTRY.matcher(line);
            if (!entry.matches()) {
                fail("line %d of %s is not of the form 'Cmdlet' = @('Parameter', ...): %s", i + 1, RUNBOOK, line);
            }
            Set<String> parameters = new LinkedHashSet<>();
            for (String item :
                    entry.group(2).isBlank() ? new String[0] : entry.group(2).split(",", -1)) {
                Matcher name = NAME.matcher(item.strip());
                if (!name.matches()) {
                    fail("line %d of %s names a parameter not as 'Name': %s", i + 1, RUNBOOK, item);
                }
                assertThat(parameters.add(name.group(1)))
                        .as("%s lists %s once", entry.group(1), name.group(1))
                        .isTrue();
            }
            assertThat(table.put(entry.group(1), parameters))
                    .as("$%s has one line for %s", variable, entry.group(1))
                    .isNull();
        }
    }

    /** What one table has and the other lacks, in words, or nothing when they are equal. */
    static List<String> differences(Map<String, Set<String>> runbook, Map<String, Set<String>> bot) {
        List<String> differences = new ArrayList<>();
        Set<String> cmdlets = new TreeSet<>(runbook.keySet());
        cmdlets.addAll(bot.keySet());
        for (String cmdlet : cmdlets) {
            if (!bot.containsKey(cmdlet)) {
                differences.add(cmdlet + " is only in the runbook");
            } else if (!runbook.containsKey(cmdlet)) {
                differences.add(cmdlet + " is only in RunnerCmdlets");
            } else {
                for (String parameter : new TreeSet<>(runbook.get(cmdlet))) {
                    if (!bot.get(cmdlet).contains(parameter)) {
                        differences.add(cmdlet + " -" + parameter + " is only in the runbook");
                    }
                }
                for (String parameter : new TreeSet<>(bot.get(cmdlet))) {
                    if (!runbook.get(cmdlet).contains(parameter)) {
                        differences.add(cmdlet + " -" + parameter + " is only in RunnerCmdlets");
                    }
                }
            }
        }
        return differences;
    }

    /** The script without its comments: {@code <# ... #>} blocks and the rest of a line after {@code #}. */
    private static String withoutComments(String script) {
        return script.replaceAll("(?s)<#.*?#>", "").replaceAll("(?m)#.*$", "");
    }
}
