package io.serviceaccountbot.tenant.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ODataLiteralTest {

    @Test
    void anOrdinaryAliasIsJustQuoted() {
        assertThat(ODataLiteral.quoted("svc-sync")).isEqualTo("'svc-sync'");
    }

    @Test
    void aNameWithAQuoteHasTheQuoteDoubled() {
        assertThat(ODataLiteral.quoted("o'brien")).isEqualTo("'o''brien'");
    }

    @Test
    void anAttemptToCloseTheLiteralEarlyStaysInsideIt() {
        assertThat("mailNickname eq " + ODataLiteral.quoted("x' or mailNickname ne '"))
                .isEqualTo("mailNickname eq 'x'' or mailNickname ne '''");
    }

    @Test
    void quotesAtTheEdgesAndInARowAreAllDoubled() {
        assertThat(ODataLiteral.quoted("''")).isEqualTo("''''''");
        assertThat(ODataLiteral.quoted("'a'")).isEqualTo("'''a'''");
    }
}
