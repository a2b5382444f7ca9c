package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceaccountbot.identity.BotIdentity;
import io.serviceaccountbot.identity.RuntimeMode;
import io.serviceaccountbot.identity.TokenUnavailableException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

class BotConnectorTest {

    private FakeConnector connector;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        connector = new FakeConnector();
    }

    @AfterEach
    void stop() {
        connector.close();
    }

    private BotConnector client(RuntimeMode mode) {
        return client(mode, scope -> "token-for-" + scope);
    }

    private BotConnector client(RuntimeMode mode, io.serviceaccountbot.identity.AccessTokens tokens) {
        return new BotConnector(
                RestClient.builder()
                        .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient()))
                        .build(),
                tokens,
                new BotIdentity(mode, "tenant", "bot-app-id"),
                new SendPacer(7, 60),
                BotConnector.backoff(Duration.ofMillis(100), Duration.ofSeconds(30), Clock.systemUTC()),
                4,
                waits::add);
    }

    private ConversationReference personalChat() {
        return new ConversationReference(
                connector.serviceUrl(),
                "a:1;messageid=42",
                "personal",
                "tenant",
                "28:bot",
                "Service Account Bot",
                "29:alex",
                "Alex Wilber",
                "aad-alex");
    }

    @Test
    void repliesToTheActivityInItsConversationWithTheConversationIdEscaped() {
        String id = client(RuntimeMode.SANDBOX).reply(personalChat(), "activity-7", BotMessage.text("hello"));

        FakeConnector.Call call = connector.calls().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.rawPath())
                .isEqualTo("/_connector/v3/conversations/a%3A1%3Bmessageid%3D42/activities/activity-7");
        assertThat(call.body().path("replyToId").asString()).isEqualTo("activity-7");
        assertThat(call.body().path("recipient").path("aadObjectId").asString()).isEqualTo("aad-alex");
        assertThat(call.text()).isEqualTo("hello");
        assertThat(id).isNotBlank();
    }

    @Test
    void sendsNoTokenInSandboxAndABotConnectorTokenInProduction() {
        client(RuntimeMode.SANDBOX).reply(personalChat(), "a1", BotMessage.text("x"));
        client(RuntimeMode.PRODUCTION).reply(personalChat(), "a2", BotMessage.text("x"));

        assertThat(connector.calls().get(0).authorization()).isNull();
        assertThat(connector.calls().get(1).authorization())
                .isEqualTo("Bearer token-for-https://api.botframework.com/.default");
    }

    @Test
    void updatesACardInPlaceWithPut() throws Exception {
        var card = AdaptiveCards.card(AdaptiveCards.body().add(AdaptiveCards.text("v2")));
        client(RuntimeMode.SANDBOX).update(personalChat(), "1795680727579", BotMessage.card("v2", card));

        FakeConnector.Call call = connector.calls().get(0);
        assertThat(call.method()).isEqualTo("PUT");
        assertThat(call.path()).endsWith("/activities/1795680727579");
        assertThat(call.body().path("id").asString()).isEqualTo("1795680727579");
        assertThat(call.card().path("body").path(0).path("text").asString()).isEqualTo("v2");
        assertThat(call.body().has("text"))
                .as("a card message carries no duplicate text")
                .isFalse();
    }

    @Test
    void readsTheActivityIdWhateverContentTypeTheConnectorClaimsAndToleratesAnEmptyAnswer() throws Exception {
        connector
                .thenAnswer(201, "{\"id\":\"77\"}", "Content-Type", "application/octet-stream")
                .thenAnswer(200, "", "Content-Type", "text/plain")
                .thenAnswer(201, "not json", "Content-Type", "text/html");
        BotConnector client = client(RuntimeMode.SANDBOX);

        assertThat(client.post(personalChat(), BotMessage.text("one"))).isEqualTo("77");
        client.update(personalChat(), "77", BotMessage.text("two"));
        assertThat(client.post(personalChat(), BotMessage.text("three"))).isEmpty();
        assertThat(connector.calls()).hasSize(3);
    }

    @Test
    void retriesThrottlingAndHonoursRetryAfter() {
        connector
                .thenAnswer(429, "{\"error\":{\"code\":\"Throttled\"}}", "Retry-After", "3")
                .thenAnswer(502, "{}")
                .thenAnswer(412, "{\"error\":{\"code\":\"PreconditionFailed\"}}");

        String id = client(RuntimeMode.SANDBOX).reply(personalChat(), "a1", BotMessage.text("x"));

        assertThat(id).isNotBlank();
        assertThat(connector.calls()).hasSize(4);
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void understandsAFractionalRetryAfter() {
        connector.thenAnswer(429, "{\"error\":{\"code\":\"Throttled\"}}", "Retry-After", "2.128");

        client(RuntimeMode.SANDBOX).reply(personalChat(), "a1", BotMessage.text("x"));

        assertThat(waits).containsExactly(Duration.ofMillis(2128));
    }

    @Test
    void waitsTheCapWhenRetryAfterAsksForLonger() {
        connector.thenAnswer(429, "{\"error\":{\"code\":\"Throttled\"}}", "Retry-After", "3600");

        String id = client(RuntimeMode.SANDBOX).reply(personalChat(), "a1", BotMessage.text("x"));

        assertThat(id).isNotBlank();
        assertThat(waits).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void anUnreadableRetryAfterMeansTheBackoff() {
        connector.thenAnswer(503, "{}", "Retry-After", "soon");

        client(RuntimeMode.SANDBOX).reply(personalChat(), "a1", BotMessage.text("x"));

        assertThat(waits)
                .singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheStatusAndCode() {
        for (int i = 0; i < 4; i++) {
            connector.thenAnswer(504, "{\"error\":{\"code\":\"GatewayTimeout\"}}");
        }

        assertThatThrownBy(() -> client(RuntimeMode.SANDBOX).reply(personalChat(), "a1", BotMessage.text("x")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("504")
                .hasMessageContaining("GatewayTimeout")
                .hasMessageContaining("4 attempt");
        assertThat(connector.calls()).hasSize(4);
    }

    @Test
    void doesNotRetryWhatRetryingCannotFix() {
        connector.thenAnswer(
                404, "{\"error\":{\"code\":\"ConversationNotFound\",\"message\":\"Conversation not found\"}}");

        assertThatThrownBy(() -> client(RuntimeMode.SANDBOX).post(personalChat(), BotMessage.text("x")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("ConversationNotFound");
        assertThat(connector.calls()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void pacesBotInitiatedSendsToOneConversationUnderTheTeamsLimit() throws Exception {
        BotConnector bot = client(RuntimeMode.SANDBOX);
        long start = System.nanoTime();
        for (int i = 0; i < 9; i++) {
            bot.post(personalChat(), BotMessage.text("update " + i));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(connector.calls()).hasSize(9);
        assertThat(elapsed)
                .as("7 sends fit in the first second, the 8th and 9th wait for the bucket to refill")
                .isGreaterThan(Duration.ofMillis(200));
    }

    @Test
    void retriesASendForWhichNoTokenCouldBeHadAndGivesUpWithAConnectorException() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        io.serviceaccountbot.identity.AccessTokens outageOfTwo = scope -> {
            if (asked.incrementAndGet() <= 2) {
                throw new TokenUnavailableException("Could not get an access token for " + scope, null);
            }
            return "token";
        };

        String id = client(RuntimeMode.PRODUCTION, outageOfTwo).reply(personalChat(), "a1", BotMessage.text("x"));

        assertThat(id).isNotBlank();
        assertThat(connector.calls()).as("nothing is sent without a token").hasSize(1);
        assertThat(waits).hasSize(2);
        assertThat(connector.calls().get(0).authorization()).isEqualTo("Bearer token");

        io.serviceaccountbot.identity.AccessTokens never = scope -> {
            throw new TokenUnavailableException("Could not get an access token for " + scope, null);
        };
        assertThatThrownBy(() -> client(RuntimeMode.PRODUCTION, never).post(personalChat(), BotMessage.text("x")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("no Bot Connector token")
                .hasMessageContaining("4 attempt");
        assertThat(connector.calls()).hasSize(1);
    }
}
