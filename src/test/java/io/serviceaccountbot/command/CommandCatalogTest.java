package io.serviceaccountbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceaccountbot.command.Command.Privileged;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog that help cards, the Teams manifest and permission checks are built from. */
class CommandCatalogTest {

    private final CommandCatalog catalog = CommandCatalog.standard();

    @Test
    void listsEveryCommandOnceInHelpOrder() {
        assertThat(keywords(catalog.specs()))
                .containsExactly(
                        "help",
                        "create service account",
                        "use as service account",
                        "grant impersonation",
                        "revoke impersonation",
                        "setup exchange sync",
                        "setup exchange sync for group",
                        "grant app access",
                        "verify",
                        "verify exchange sync",
                        "add to exchange sync",
                        "remove from exchange sync",
                        "show role group",
                        "review mailbox access",
                        "drift",
                        "restore as approved",
                        "plan",
                        "requests",
                        "approve",
                        "reject",
                        "cancel",
                        "retry",
                        "audit",
                        "audit verify",
                        "whoami",
                        "doctor");
        assertThat(catalog.specs().stream()
                        .<Class<?>>map(CommandSpec::commandType)
                        .toList())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(concreteCommandTypes());
    }

    @Test
    void everyExampleParsesToItsOwnCommand() {
        for (CommandSpec spec : catalog.specs()) {
            assertThat(spec.examples()).as(spec.keyword()).isNotEmpty();
            for (String example : spec.examples()) {
                ParseResult result = CommandParser.parse(example);
                assertThat(result).as(example).isInstanceOf(ParseResult.Parsed.class);
                assertThat(((ParseResult.Parsed) result).command()).as(example).isInstanceOf(spec.commandType());
            }
        }
    }

    @Test
    void everySpecFitsTheTeamsManifestLimits() {
        for (CommandSpec spec : catalog.specs()) {
            assertThat(spec.manifestTitle()).as(spec.keyword()).isNotBlank().hasSizeLessThanOrEqualTo(32);
            assertThat(spec.manifestDescription())
                    .as(spec.keyword())
                    .isNotBlank()
                    .hasSizeLessThanOrEqualTo(128);
            assertThat(spec.syntax())
                    .as(spec.keyword())
                    .startsWith(spec.keyword().split(" ")[0]);
            assertThat(spec.summary()).as(spec.keyword()).endsWith(".");
        }
    }

    @Test
    void exactlyTheCommandsThatChangeMailboxAccessNeedApproval() {
        assertThat(keywords(
                        catalog.specs().stream().filter(CommandSpec::privileged).toList()))
                .containsExactly(
                        "grant impersonation",
                        "revoke impersonation",
                        "setup exchange sync",
                        "setup exchange sync for group",
                        "grant app access",
                        "add to exchange sync",
                        "restore as approved");
        catalog.specs()
                .forEach(spec ->
                        assertThat(spec.privileged()).isEqualTo(Privileged.class.isAssignableFrom(spec.commandType())));
    }

    @Test
    void everyoneMayAskForHelpAndWhoTheyAre() {
        assertThat(keywords(catalog.specsFor(Set.of()))).containsExactly("help", "whoami");
    }

    @Test
    void approversMayDecideAndLookButNotProvision() {
        assertThat(keywords(catalog.specsFor(Set.of(Role.APPROVER))))
                .containsExactly(
                        "help",
                        "verify",
                        "verify exchange sync",
                        "show role group",
                        "review mailbox access",
                        "drift",
                        "requests",
                        "approve",
                        "reject",
                        "audit",
                        "audit verify",
                        "whoami");
    }

    @Test
    void provisioningAdminsMayProvisionPlanAndCancelButNotDecide() {
        assertThat(keywords(catalog.specsFor(Set.of(Role.PROVISIONING_ADMIN))))
                .contains("create service account", "grant app access", "plan", "cancel")
                .doesNotContain("approve", "reject");
    }

    @Test
    void someoneWithBothRolesMayRunEverything() {
        assertThat(catalog.specsFor(EnumSet.allOf(Role.class))).isEqualTo(catalog.specs());
    }

    @Test
    void findsTheSpecOfAParsedCommand() {
        Command command = ((ParseResult.Parsed) CommandParser.parse("approve R-7K2Q")).command();
        assertThat(catalog.specFor(command).keyword()).isEqualTo("approve");
        assertThat(catalog.specFor(command).allows(Set.of(Role.PROVISIONING_ADMIN)))
                .isFalse();
        assertThatThrownBy(() -> catalog.specFor(Privileged.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void helpTopicsFindCommandsByKeywordPrefixPhrasingOrTypo() {
        assertThat(keywords(catalog.lookup("grant"))).containsExactly("grant impersonation", "grant app access");
        assertThat(keywords(catalog.lookup("reject"))).containsExactly("reject");
        assertThat(keywords(catalog.lookup("audit"))).containsExactly("audit", "audit verify");
        assertThat(keywords(catalog.lookup("check"))).containsExactly("verify");
        assertThat(keywords(catalog.lookup("impersonation")))
                .containsExactly("grant impersonation", "revoke impersonation");
        assertThat(keywords(catalog.lookup("aprove"))).containsExactly("approve");
        assertThat(catalog.lookup("")).isEqualTo(catalog.specs());
        assertThat(catalog.lookup("xyzzy")).isEmpty();
    }

    @Test
    void looksUpByExactKeyword() {
        assertThat(catalog.byKeyword("Grant App Access"))
                .map(CommandSpec::keyword)
                .contains("grant app access");
        assertThat(catalog.byKeyword("grant")).isEmpty();
    }

    private static List<String> keywords(List<CommandSpec> specs) {
        return specs.stream().map(CommandSpec::keyword).toList();
    }

    /** Every record of the sealed hierarchy, including those under {@link Privileged}. */
    private static List<Class<?>> concreteCommandTypes() {
        return concrete(Command.class).toList();
    }

    /** The records of a sealed family, through its sealed interfaces at any depth. */
    private static Stream<Class<?>> concrete(Class<?> type) {
        return type.isInterface()
                ? Stream.of(type.getPermittedSubclasses()).flatMap(CommandCatalogTest::concrete)
                : Stream.of(type);
    }
}
