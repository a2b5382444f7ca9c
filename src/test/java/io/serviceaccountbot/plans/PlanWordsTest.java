package io.serviceaccountbot.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small pieces of wording the plans are made of. */
class PlanWordsTest {

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(Durations.inWords(Duration.ofMinutes(30))).isEqualTo("30 minutes");
        assertThat(Durations.inWords(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(Durations.inWords(Duration.ofSeconds(90))).isEqualTo("1 minute 30 seconds");
        assertThat(Durations.inWords(Duration.ofMinutes(90))).isEqualTo("1 hour 30 minutes");
        assertThat(Durations.inWords(Duration.ZERO)).isEqualTo("0 seconds");
    }

    @Test
    void aScopeIsNamedAfterItsGroupWithinExchangesSixtyFourCharacters() {
        assertThat(AppAccessRunbooks.scopeName("Exchange Sync Accounts"))
                .isEqualTo("Mailboxes of Exchange Sync Accounts");
        String longName = "A".repeat(60);
        String scope = AppAccessRunbooks.scopeName(longName);
        assertThat(scope).hasSize(64).startsWith("Mailboxes of AAAA");
        assertThat(AppAccessRunbooks.scopeName(longName)).as("stable").isEqualTo(scope);
        assertThat(AppAccessRunbooks.scopeName("B".repeat(60))).isNotEqualTo(scope);
    }

    @Test
    void theModernAlternativeIsSalesforcesSetUpWithTheGroupQuotedAndTheJustification() {
        assertThat(ExchangeOnlineFacts.salesforceSyncInstead(
                        Optional.of("O'Brien Sync"), Optional.of("Salesforce sync")))
                .isEqualTo("setup exchange sync for group \"O'Brien Sync\" because Salesforce sync");
        assertThat(ExchangeOnlineFacts.salesforceSyncInstead(Optional.empty(), Optional.empty()))
                .isEqualTo("setup exchange sync for group \"<group of the mailboxes to sync>\"");
    }
}
