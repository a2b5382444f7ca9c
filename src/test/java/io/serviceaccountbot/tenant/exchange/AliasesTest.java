package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class AliasesTest {

    @Test
    void aGroupsAliasIsItsNameWithoutSpaces() {
        assertThat(Aliases.of("Exchange Sync Accounts")).isEqualTo("ExchangeSyncAccounts");
        assertThat(Aliases.of("svc-sync_group")).isEqualTo("svc-sync_group");
    }

    @Test
    void accentsAreFoldedAndQuotesAndShellCharactersDropped() {
        assertThat(Aliases.of("Équipe Café")).isEqualTo("EquipeCafe");
        assertThat(Aliases.of(ExchangeAdminContract.QUOTED_NAME)).isEqualTo("SyncOBrienwhoamiteam");
    }

    @Test
    void periodsStayOnlyBetweenOtherCharacters() {
        assertThat(Aliases.of(".help..desk.")).isEqualTo("help.desk");
    }

    @Test
    void aNameWithNothingUsableGetsTheSameMadeUpAliasEveryTime() {
        assertThat(Aliases.of("日本語")).matches("group-[0-9a-f]{8}").isEqualTo(Aliases.of("日本語"));
        assertThat(Aliases.of("日本語")).isNotEqualTo(Aliases.of("中文"));
    }

    @Test
    void everyNameGivesAnAliasExchangeAccepts() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 200))
                .checkAssert(name -> assertThat(Aliases.of(name))
                        .hasSizeBetween(1, Aliases.MAX_LENGTH)
                        .matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*"));
    }

    @Test
    void anAppsRoleAssignmentNameIsTheSameForTheSameGrantInAnyCaseAndAtMost64Characters() {
        String app = "5a1e5f0c-0000-4000-8000-00000000a001";
        String name = Aliases.assignmentName(app, "Application Mail.ReadWrite", "Salesforce Sync Scope");

        assertThat(name)
                .startsWith("Application Mail.ReadWrite-")
                .hasSizeLessThanOrEqualTo(64)
                .isEqualToIgnoringCase(Aliases.assignmentName(
                        app.toUpperCase(), "application mail.readwrite", "salesforce sync scope"))
                .isNotEqualTo(Aliases.assignmentName(app, "Application Mail.ReadWrite", "Other Scope"));
        assertThat(Aliases.assignmentName(app, "R".repeat(100), "s")).hasSize(64);
    }
}
