package io.serviceaccountbot.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SecretNamesTest {

    @Test
    void aPlainAliasGivesItsNameWithPasswordAppended() {
        assertThat(SecretNames.forPassword("svc-sync")).isEqualTo("svc-sync-password");
        assertThat(SecretNames.forPassword("SVC-Sync")).isEqualTo("svc-sync-password");
        assertThat(SecretNames.forPassword("svc01")).isEqualTo("svc01-password");
    }

    @Test
    void otherCharactersBecomeDashesAndTheNameGetsAHashOfTheAlias() {
        assertThat(SecretNames.forPassword("svc.sync")).isEqualTo("svc-sync-7b90b27a-password");
        assertThat(SecretNames.forPassword("o'brien")).isEqualTo("o-brien-65b87174-password");
        assertThat(SecretNames.forPassword("svc--sync")).isNotEqualTo("svc-sync-password");
        assertThat(SecretNames.forPassword("-svc")).matches("svc-[0-9a-f]{8}-password");
        assertThat(SecretNames.forPassword("ÄÖÜ")).matches("[0-9a-f]{8}-password");
    }

    @Test
    void anAliasThatLooksHashedCannotTakeAnotherAliasName() {
        assertThat(SecretNames.forPassword("svc-sync-7b90b27a"))
                .isNotEqualTo(SecretNames.forPassword("svc.sync"))
                .matches("svc-sync-7b90b27a-[0-9a-f]{8}-password");
        assertThat(SecretNames.forPassword("7b90b27a")).matches("7b90b27a-[0-9a-f]{8}-password");
    }

    @Test
    void aBlankAliasHasNoName() {
        assertThatThrownBy(() -> SecretNames.forPassword(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretNames.forPassword(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyAliasGivesANameKeyVaultAccepts() {
        qt().withExamples(5_000)
                .forAll(strings().allPossible().ofLengthBetween(1, 200))
                .assuming(alias -> !alias.isBlank())
                .checkAssert(alias -> assertThat(SecretNames.forPassword(alias))
                        .matches("[0-9a-z-]{1,127}")
                        .doesNotStartWith("-")
                        .endsWith("-password")
                        .satisfies(name -> assertThat(SecretNames.isValid(name)).isTrue()));
    }

    @Test
    void theNameDependsOnTheAliasAloneNotOnItsCase() {
        qt().withExamples(2_000)
                .forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 64))
                .assuming(alias -> !alias.isBlank())
                .checkAssert(alias -> {
                    assertThat(SecretNames.forPassword(alias)).isEqualTo(SecretNames.forPassword(alias));
                    assertThat(SecretNames.forPassword(alias.toUpperCase(Locale.ROOT)))
                            .isEqualTo(SecretNames.forPassword(alias.toLowerCase(Locale.ROOT)));
                });
    }

    @Test
    void differentAliasesGetDifferentNames() {
        qt().withExamples(5_000)
                .forAll(
                        strings().betweenCodePoints('!', '~').ofLengthBetween(1, 12),
                        strings().betweenCodePoints('!', '~').ofLengthBetween(1, 12))
                .assuming((a, b) -> !a.equalsIgnoreCase(b))
                .checkAssert((a, b) -> assertThat(SecretNames.forPassword(a)).isNotEqualTo(SecretNames.forPassword(b)));
    }

    @Test
    void onlyLettersDigitsAndDashesUpTo127AreValidNames() {
        assertThat(SecretNames.isValid("svc-sync-password")).isTrue();
        assertThat(SecretNames.isValid("A".repeat(127))).isTrue();
        assertThat(SecretNames.isValid("A".repeat(128))).isFalse();
        assertThat(SecretNames.isValid("")).isFalse();
        assertThat(SecretNames.isValid(null)).isFalse();
        assertThat(SecretNames.isValid("../secrets")).isFalse();
        assertThat(SecretNames.isValid("svc_sync")).isFalse();
        assertThat(SecretNames.isValid("svc sync")).isFalse();
    }
}
