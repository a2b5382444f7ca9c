package io.serviceaccountbot.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.GrantDuration;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How long a grant may last, and the default that a grant saying nothing gets. */
class GrantTermsTest {

    private static final GrantProperties NINETY_DAYS = new GrantProperties(Duration.ofDays(90), null);

    @Test
    void minutesAreForTheSandboxOnly() {
        Command.GrantImpersonation twoMinutes = grant(Optional.of(new GrantDuration(2, ChronoUnit.MINUTES)));

        assertThat(new GrantTerms(NINETY_DAYS, true).refusal(twoMinutes)).isEmpty();
        assertThat(new GrantTerms(NINETY_DAYS, false).refusal(twoMinutes))
                .hasValueSatisfying(reason -> assertThat(reason).contains("minutes are for trying it out"));
    }

    @Test
    void aGrantLongerThanTheLongestAllowedIsRefusedWithTheLimitInWords() {
        GrantTerms terms = new GrantTerms(NINETY_DAYS, false);

        assertThat(terms.refusal(grant(Optional.of(new GrantDuration(90, ChronoUnit.DAYS)))))
                .isEmpty();
        assertThat(terms.refusal(grant(Optional.of(new GrantDuration(2161, ChronoUnit.HOURS)))))
                .hasValueSatisfying(reason ->
                        assertThat(reason).contains("at most 90 days here").contains("2161 hours is longer"));
        assertThat(terms.refusal(grant(Optional.empty()))).as("until revoked").isEmpty();
    }

    @Test
    void aGrantThatSaysNothingGetsTheDefaultSoThatApproversReadItsEnd() {
        GrantTerms terms = new GrantTerms(new GrantProperties(Duration.ofDays(90), Duration.ofHours(36)), false);

        Command.Privileged asked = terms.withDefault(grant(Optional.empty()));

        assertThat(asked)
                .isEqualTo(grant(Optional.of(new GrantDuration(36, ChronoUnit.HOURS))))
                .satisfies(command -> assertThat(terms.lasting((Command.GrantImpersonation) command))
                        .contains(Duration.ofHours(36)));
        Command.GrantImpersonation fiveDays = grant(Optional.of(new GrantDuration(5, ChronoUnit.DAYS)));
        assertThat(terms.withDefault(fiveDays)).as("what was asked stands").isEqualTo(fiveDays);
        assertThat(new GrantTerms(NINETY_DAYS, false).withDefault(grant(Optional.empty())))
                .as("no default: until revoked")
                .isEqualTo(grant(Optional.empty()));
    }

    @Test
    void theSettingsMustMakeSense() {
        assertThatThrownBy(() -> new GrantProperties(Duration.ZERO, null))
                .hasMessageContaining("bot.governance.max-grant must be positive");
        assertThatThrownBy(() -> new GrantProperties(Duration.ofDays(30), Duration.ofDays(31)))
                .hasMessageContaining("must not be longer than bot.governance.max-grant");
    }

    @Test
    void durationsReadAsAnAdminWritesThem() {
        assertThat(GrantTerms.words(Duration.ofDays(30))).isEqualTo("30 days");
        assertThat(GrantTerms.words(Duration.ofHours(36))).isEqualTo("36 hours");
        assertThat(GrantTerms.words(Duration.ofMinutes(1))).isEqualTo("1 minute");
    }

    private static Command.GrantImpersonation grant(Optional<GrantDuration> duration) {
        return new Command.GrantImpersonation(
                AccountRef.of("svc-sync"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("sync"),
                duration);
    }
}
