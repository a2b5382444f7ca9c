package io.serviceaccountbot.tenant.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.serviceaccountbot.tenant.graph.MicrosoftDocsExamples.CREATE_USER_RESPONSE;
import static io.serviceaccountbot.tenant.graph.MicrosoftDocsExamples.GET_USER_RESPONSE;
import static io.serviceaccountbot.tenant.graph.MicrosoftDocsExamples.SUBSCRIBED_SKUS_RESPONSE;
import static io.serviceaccountbot.tenant.graph.MicrosoftDocsExamples.THROTTLED_RESPONSE;
import static io.serviceaccountbot.tenant.graph.MicrosoftDocsExamples.UPN_CONFLICT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.NewUser;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.TenantException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the admin notices when Microsoft Graph misbehaves: a short throttle or outage is ridden out, a long one or an
 * error ends in a typed failure, a hung Graph gives up within the timeout, and a user is never created twice. Each
 * test has a hard timeout, so a hang fails instead of blocking the build.
 */
@Timeout(20)
class GraphDirectoryFaultsIT {

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final NewUser SVC_SYNC =
            new NewUser("AdeleV", "Adele Vance", "AdeleV@contoso.onmicrosoft.com", "US", Secret.of("xWwvJ]6NMw+bWH-d"));

    private GraphDirectory directory;

    @BeforeEach
    void connect() {
        directory = TestGraph.directory(graph.baseUrl() + "/v1.0");
    }

    private static ResponseDefinitionBuilder throttled(String retryAfter) {
        ResponseDefinitionBuilder response = aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody(THROTTLED_RESPONSE);
        return retryAfter == null ? response : response.withHeader("Retry-After", retryAfter);
    }

    private static ResponseDefinitionBuilder unavailable(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("request-id", "outage-" + status)
                .withBody("{\"error\":{\"code\":\"serviceNotAvailable\",\"message\":\"The service is temporarily"
                        + " unavailable.\",\"innerError\":{\"date\":\"2024-01-01T00:00:00\"}}}");
    }

    private void stubSkusInSequence(ResponseDefinitionBuilder... answers) {
        String state = STARTED;
        for (int i = 0; i < answers.length; i++) {
            String nextState = "answer " + (i + 1);
            graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                    .inScenario("skus")
                    .whenScenarioStateIs(state)
                    .willReturn(answers[i])
                    .willSetStateTo(nextState));
            state = nextState;
        }
    }

    @Test
    void aThrottledCallWaitsAsLongAsGraphAsksThenSucceeds() {
        stubSkusInSequence(throttled("0.4"), okJson(SUBSCRIBED_SKUS_RESPONSE));

        long started = System.nanoTime();
        assertThat(directory.subscribedSkus()).hasSize(2);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        List<LoggedRequest> attempts = graph.findAll(getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).getHeader("Retry-Attempt")).isEqualTo("1");
    }

    @Test
    void aThrottleThatOutlastsThreeRetriesEndsAsThrottled() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(throttled("0.05")));

        assertThatThrownBy(() -> directory.subscribedSkus()).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.THROTTLED);
            assertThat(e.requestId()).isEqualTo("94fb3b52-452a-4535-a601-69e0a90e3aa2");
        });
        graph.verify(4, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
    }

    @Test
    void aRetryAfterAsAnHttpDateIsHonouredToo() {
        String soon = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(1));
        stubSkusInSequence(throttled(soon), okJson(SUBSCRIBED_SKUS_RESPONSE));

        assertThat(directory.subscribedSkus()).hasSize(2);
        graph.verify(2, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
    }

    @Test
    void aServiceUnavailableWithoutRetryAfterIsRetriedWithBackoffThenSucceeds() {
        stubSkusInSequence(unavailable(503), unavailable(503), okJson(SUBSCRIBED_SKUS_RESPONSE));

        assertThat(directory.subscribedSkus()).hasSize(2);
        graph.verify(3, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
    }

    @Test
    void aLastingOutageEndsAsUnavailableWithGraphsRequestId() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(unavailable(503)));

        assertThatThrownBy(() -> directory.subscribedSkus()).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.UNAVAILABLE);
            assertThat(e.isTransient()).isTrue();
            assertThat(e.requestId()).isEqualTo("outage-503");
            assertThat(e.getMessage()).contains("HTTP 503").contains("Try again later");
        });
        graph.verify(4, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
    }

    @Test
    void anInternalServerErrorIsNotRetriedAndIsUnavailable() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(unavailable(500)));

        assertThatThrownBy(() -> directory.subscribedSkus()).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.UNAVAILABLE);
            assertThat(e.code()).isEqualTo("serviceNotAvailable");
        });
        graph.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
    }

    @Test
    void aGraphThatNeverAnswersIsGivenUpOnWithinTheTimeout() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                .willReturn(okJson(SUBSCRIBED_SKUS_RESPONSE).withFixedDelay(10_000)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> directory.subscribedSkus()).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("did not answer within 2 s");
        });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aDroppedConnectionIsUnavailableNotAStackTrace() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> directory.subscribedSkus()).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("could not reach Microsoft Graph");
        });
    }

    @Test
    void aProxysHtmlErrorPageStillTellsTheAdminTheStatusAndRequestId() {
        graph.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                .willReturn(aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withHeader("request-id", "proxy-502")
                        .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));

        assertThatThrownBy(() -> directory.subscribedSkus()).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.UNAVAILABLE);
            assertThat(e.requestId()).isEqualTo("proxy-502");
            assertThat(e.getMessage()).contains("HTTP 502").contains("502 Bad Gateway");
        });
    }

    @Test
    void aThrottledCreateIsRetriedWithTheSameBodyAndCreatesOneUser() {
        graph.stubFor(post(urlPathEqualTo("/v1.0/users"))
                .inScenario("create")
                .whenScenarioStateIs(STARTED)
                .willReturn(throttled("0.1"))
                .willSetStateTo("throttled once"));
        graph.stubFor(post(urlPathEqualTo("/v1.0/users"))
                .inScenario("create")
                .whenScenarioStateIs("throttled once")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(CREATE_USER_RESPONSE)));

        DirectoryUser created = directory.createUser(SVC_SYNC);

        assertThat(created.id()).isEqualTo("87d349ed-44d7-43e1-9a83-5f2406dee5bd");
        List<LoggedRequest> attempts = graph.findAll(postRequestedFor(urlPathEqualTo("/v1.0/users")));
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).getBodyAsString())
                .as("the retry re-sends the whole body")
                .isEqualTo(attempts.get(0).getBodyAsString())
                .contains("AdeleV@contoso.onmicrosoft.com");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundOnTheNextTryInsteadOfCreatedTwice() {
        // Graph created the user, but the answer never arrived: the bot times out. Its retry meets the conflict.
        graph.stubFor(post(urlPathEqualTo("/v1.0/users"))
                .inScenario("lost answer")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(CREATE_USER_RESPONSE)
                        .withFixedDelay(10_000))
                .willSetStateTo("created"));
        graph.stubFor(post(urlPathEqualTo("/v1.0/users"))
                .inScenario("lost answer")
                .whenScenarioStateIs("created")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(UPN_CONFLICT)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/AdeleV%40contoso.onmicrosoft.com"))
                .willReturn(okJson(GET_USER_RESPONSE)));

        assertThatThrownBy(() -> directory.createUser(SVC_SYNC))
                .isInstanceOfSatisfying(
                        TenantException.class, e -> assertThat(e.kind()).isEqualTo(TenantException.Kind.UNAVAILABLE));
        DirectoryUser existing = directory.createUser(SVC_SYNC);

        assertThat(existing.id()).isEqualTo("87d349ed-44d7-43e1-9a83-5f2406dee5bd");
        graph.verify(2, postRequestedFor(urlPathEqualTo("/v1.0/users")));
    }

    @Test
    void aConflictRightAfterCreationThatCannotBeReadYetIsATransientFailure() {
        graph.stubFor(post(urlPathEqualTo("/v1.0/users"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(UPN_CONFLICT)));
        graph.stubFor(get(urlPathEqualTo("/v1.0/users/AdeleV%40contoso.onmicrosoft.com"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(MicrosoftDocsExamples.USER_NOT_FOUND)));

        assertThatThrownBy(() -> directory.createUser(SVC_SYNC)).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("replication");
        });
    }
}
