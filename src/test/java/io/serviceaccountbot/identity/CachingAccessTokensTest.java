package io.serviceaccountbot.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingAccessTokensTest {

    private Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final List<String> requested = new ArrayList<>();

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final CachingAccessTokens tokens = new CachingAccessTokens(
            scope -> {
                requested.add(scope);
                return new IssuedToken(scope + "#" + requested.size(), now.plus(Duration.ofHours(1)));
            },
            clock);

    @Test
    void reusesATokenUntilShortlyBeforeItExpires() {
        String first = tokens.forScope(AccessTokens.GRAPH);
        now = now.plus(Duration.ofMinutes(54));
        assertThat(tokens.forScope(AccessTokens.GRAPH)).isEqualTo(first);

        now = now.plus(Duration.ofMinutes(2));
        assertThat(tokens.forScope(AccessTokens.GRAPH)).isNotEqualTo(first);
        assertThat(requested).hasSize(2);
    }

    @Test
    void keepsOneTokenPerScope() {
        tokens.forScope(AccessTokens.GRAPH);
        tokens.forScope(AccessTokens.EXCHANGE);
        tokens.forScope(AccessTokens.GRAPH);

        assertThat(requested).containsExactly(AccessTokens.GRAPH, AccessTokens.EXCHANGE);
    }

    @Test
    void aRefusalNamesTheScopeButNotTheCredential() {
        CachingAccessTokens failing = new CachingAccessTokens(
                scope -> {
                    throw new IllegalStateException("AADSTS7000215: Invalid client secret provided.");
                },
                clock);

        assertThatThrownBy(() -> failing.forScope(AccessTokens.BOT_CONNECTOR))
                .isInstanceOf(TokenUnavailableException.class)
                .hasMessageContaining("https://api.botframework.com/.default")
                .hasMessageContaining("AADSTS7000215");
    }

    @Test
    void managedIdentityAsksForTheResourceOfAScope() {
        assertThat(MsalTokenSource.resourceOf("https://graph.microsoft.com/.default"))
                .isEqualTo("https://graph.microsoft.com");
    }
}
