package io.serviceaccountbot.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which product an Exchange build is, and whether Microsoft still supports it. */
class ExchangeServerVersionTest {

    @Test
    void subscriptionEditionIsSupportedAnd2019And2016AreNot() {
        ExchangeServerVersion se = new ExchangeServerVersion("EX01", "Version 15.2 (Build 2562.17)");
        ExchangeServerVersion cu15 = new ExchangeServerVersion("EX01", "Version 15.2 (Build 1748.10)");
        ExchangeServerVersion cu23 = new ExchangeServerVersion("EX02", "Version 15.1 (Build 2507.6)");

        assertThat(se.product()).contains("Exchange Server Subscription Edition");
        assertThat(se.outOfSupportSince()).isEmpty();
        assertThat(se.describe())
                .isEqualTo("EX01 runs Exchange Server Subscription Edition (Version 15.2 (Build 2562.17))");
        assertThat(cu15.product()).contains("Exchange Server 2019");
        assertThat(cu15.describe())
                .isEqualTo("EX01 runs Exchange Server 2019 (Version 15.2 (Build 1748.10)), out of support since 14"
                        + " October 2025: plan the move to Exchange Server Subscription Edition");
        assertThat(cu23.product()).contains("Exchange Server 2016");
        assertThat(cu23.outOfSupportSince()).contains("14 October 2025");
    }

    @Test
    void aVersionItDoesNotKnowIsShownAsGiven() {
        ExchangeServerVersion odd = new ExchangeServerVersion("EX09", "Version 16.0 (Build 1.1)");

        assertThat(odd.product()).isEmpty();
        assertThat(odd.describe()).isEqualTo("EX09 runs Version 16.0 (Build 1.1)");
    }
}
