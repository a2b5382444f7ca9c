package io.serviceaccountbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Microsoft's naming rules, as the bot applies them before anything reaches Entra ID or Exchange. */
class NamingRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"svc-sync", "svc.sync", "svc_sync", "o'brien", "svc!#^~", "_svc_", "S"})
    void newAccountAliasesMayUseTheCharactersOfAUserPrincipalName(String alias) {
        assertThat(DirectoryRules.NEW_ACCOUNT_ALIAS.accepts(alias)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"svc sync", "svc+sync", "svc%sync", "svc&sync", "svc@sync", ".svc", "svc.", "svc..sync", "svéc"})
    void newAccountAliasesRefuseWhatAUserPrincipalNameCannotHold(String alias) {
        assertThat(DirectoryRules.NEW_ACCOUNT_ALIAS.accepts(alias)).isFalse();
    }

    @Test
    void aliasesHaveAtMost64Characters() {
        assertThat(DirectoryRules.NEW_ACCOUNT_ALIAS.accepts("a".repeat(64))).isTrue();
        assertThat(DirectoryRules.NEW_ACCOUNT_ALIAS.accepts("a".repeat(65))).isFalse();
        assertThat(DirectoryRules.MAIL_NICKNAME.accepts("a".repeat(65))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"svc+sync", "svc%sync", "svc/sync", "svc=sync?", "{svc}|x", "sv\u00E9c", "svc$&`"})
    void existingAliasesMayUseEverythingExchangeAllows(String alias) {
        assertThat(DirectoryRules.MAIL_NICKNAME.accepts(alias)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"svc sync", "svc@sync", "svc,sync", "svc(sync)", ".svc", "svc..sync", "svc\u0100"})
    void existingAliasesRefuseWhatExchangeRefuses(String alias) {
        assertThat(DirectoryRules.MAIL_NICKNAME.accepts(alias)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"svc-sync@contoso.com", "o'brien@contoso.onmicrosoft.com", "a.b_c!d#e^f~g@sub.contoso.co.uk"})
    void userPrincipalNamesFollowTheEntraUsernamePolicy(String upn) {
        assertThat(DirectoryRules.USER_PRINCIPAL_NAME.accepts(upn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "svc-sync",
                "svc@sync@contoso.com",
                "svc.@contoso.com",
                ".svc@contoso.com",
                "svc&x@contoso.com",
                "svc sync@contoso.com",
                "svc@contoso",
                "svc@-contoso.com"
            })
    void userPrincipalNamesRefuseWhatEntraRefuses(String upn) {
        assertThat(DirectoryRules.USER_PRINCIPAL_NAME.accepts(upn)).isFalse();
    }

    @Test
    void userPrincipalNamesHaveAt64BeforeThe48AfterAnd113InAll() {
        String domain48 = "d".repeat(44) + ".com";
        assertThat(DirectoryRules.USER_PRINCIPAL_NAME.accepts("a".repeat(64) + "@" + domain48))
                .isTrue();
        assertThat(DirectoryRules.USER_PRINCIPAL_NAME.accepts("a".repeat(65) + "@contoso.com"))
                .isFalse();
        assertThat(DirectoryRules.USER_PRINCIPAL_NAME.accepts("a@" + "d".repeat(45) + ".com"))
                .isFalse();
    }

    @Test
    void countryCodesAreTwoLettersUpperCased() {
        assertThat(DirectoryRules.USAGE_LOCATION.require("us")).isEqualTo("US");
        assertThat(DirectoryRules.USAGE_LOCATION.accepts("USA")).isFalse();
        assertThat(DirectoryRules.USAGE_LOCATION.accepts("\u00DF")).isFalse();
        assertThat(DirectoryRules.USAGE_LOCATION.accepts("1A")).isFalse();
    }

    @Test
    void licencesAcceptShortNamesAndSkuPartNumbers() {
        assertThat(DirectoryRules.LICENSE.require("E1")).isEqualTo("STANDARDPACK");
        assertThat(DirectoryRules.LICENSE.require("e3")).isEqualTo("ENTERPRISEPACK");
        assertThat(DirectoryRules.LICENSE.require("E5")).isEqualTo("ENTERPRISEPREMIUM");
        assertThat(DirectoryRules.LICENSE.require("SPE_E5")).isEqualTo("SPE_E5");
        assertThat(DirectoryRules.LICENSE.require("O365_w/o_Teams_Bundle_M5")).isEqualTo("O365_w/o_Teams_Bundle_M5");
        assertThat(DirectoryRules.LICENSE.accepts("E3!")).isFalse();
    }

    @Test
    void appIdsAreGuidsWithOrWithoutBraces() {
        assertThat(DirectoryRules.APP_ID.require("{6F1C9A5E-2B7D-4C1E-9A3F-8D2E4B6C0A71}"))
                .isEqualTo("6f1c9a5e-2b7d-4c1e-9a3f-8d2e4b6c0a71");
        assertThat(DirectoryRules.APP_ID.accepts("1-1-1-1-1")).isFalse();
        assertThat(DirectoryRules.APP_ID.accepts("6f1c9a5e2b7d4c1e9a3f8d2e4b6c0a71"))
                .isFalse();
    }

    @Test
    void groupAndRoleGroupNamesHaveAtMost64Characters() {
        assertThat(ExchangeRules.GROUP_NAME.accepts("Bob \"The Sync\" Group")).isTrue();
        assertThat(ExchangeRules.GROUP_NAME.accepts("g".repeat(64))).isTrue();
        assertThat(ExchangeRules.GROUP_NAME.accepts("g".repeat(65))).isFalse();
        assertThat(ExchangeRules.ROLE_GROUP_NAME.accepts("r".repeat(65))).isFalse();
        assertThat(ExchangeRules.ROLE_GROUP_NAME.accepts("  ")).isFalse();
    }

    @Test
    void mailboxesAreSmtpAddresses() {
        assertThat(ExchangeRules.SMTP_ADDRESS.accepts("alex+sales@contoso.com")).isTrue();
        assertThat(ExchangeRules.SMTP_ADDRESS.accepts("alex..w@contoso.com")).isFalse();
        assertThat(ExchangeRules.SMTP_ADDRESS.accepts("alex@contoso")).isFalse();
        assertThat(ExchangeRules.SMTP_ADDRESS.accepts("alex")).isFalse();
    }

    @Test
    void applicationRolesAreExchangesOwnAndSpelledItsWay() {
        assertThat(ExchangeRules.APPLICATION_ROLE.require("mail.readwrite")).isEqualTo("Application Mail.ReadWrite");
        assertThat(ExchangeRules.APPLICATION_ROLE.require("application ews.accessasapp"))
                .isEqualTo("Application EWS.AccessAsApp");
        assertThat(ExchangeRules.APPLICATION_ROLE.accepts("ApplicationImpersonation"))
                .isFalse();
    }

    @Test
    void requestIdsAreCrockfordBase32AfterR() {
        assertThat(RequestId.of("r-7k2q").value()).isEqualTo("R-7K2Q");
        assertThat(RequestId.RULE.accepts("R-7K2")).isFalse();
        assertThat(RequestId.RULE.accepts("R-" + "A".repeat(13))).isFalse();
        assertThat(RequestId.RULE.accepts("R-7KIQ")).isFalse();
        assertThat(RequestId.RULE.accepts("X-7K2Q")).isFalse();
    }

    @Test
    void constructorsRefuseWhatTheRulesRefuse() {
        assertThatThrownBy(() -> Alias.of("svc sync"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid alias");
        assertThatThrownBy(() -> AccountRef.of("x@y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Command.Plan(new Command.Plan(new Command.WhoAmI())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Command.Reject(RequestId.of("R-7K2Q"), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
