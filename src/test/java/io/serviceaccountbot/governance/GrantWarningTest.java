package io.serviceaccountbot.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long before its end the requester of a time-bound grant is warned. */
class GrantWarningTest {

    @Test
    void aQuarterOfTheGrantAheadAndNeverMoreThanADay() {
        assertThat(GrantExpiries.warning(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(15));
        assertThat(GrantExpiries.warning(Duration.ofHours(12))).isEqualTo(Duration.ofHours(3));
        assertThat(GrantExpiries.warning(Duration.ofDays(4))).isEqualTo(Duration.ofDays(1));
        assertThat(GrantExpiries.warning(Duration.ofDays(30))).isEqualTo(Duration.ofDays(1));
    }
}
