package io.serviceaccountbot.tenant.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * How the adapter behaves on the wire when Exchange is slow, throttles, fails or answers oddly: every call ends, either
 * with Exchange's answer or with a typed failure, within its attempts and timeouts, and the token goes nowhere but
 * Exchange.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExchangeProtocolIT {

    private static final WireMockServer exchange =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final String OK = "{\"value\":[{\"Name\":\"Exchange sync role group\"}]}";

    private final List<Duration> pauses = new ArrayList<>();
    private final TestExchange.HeardWarnings warnings = new TestExchange.HeardWarnings();
    private InvokeCommandClient client;

    @BeforeAll
    static void start() {
        exchange.start();
    }

    @AfterAll
    static void stop() {
        exchange.stop();
    }

    @BeforeEach
    void reset() {
        exchange.resetAll();
        client = TestExchange.client(
                exchange.baseUrl(),
                scope -> CmdletScript.TOKEN,
                Duration.ofMillis(700),
                TestExchange.instantRetries(pauses),
                warnings);
    }

    private static Cmdlet getRoleGroup() {
        return Cmdlet.named("Get-RoleGroup").with("Identity", "Exchange sync role group");
    }

    /** Answers in order, the last one for every further request. */
    private static void answers(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            var mapping = post(urlPathEqualTo(CmdletScript.PATH))
                    .inScenario("answers")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willReturn(responses[i]);
            if (i < responses.length - 1) {
                mapping.willSetStateTo("answer " + (i + 1));
            }
            exchange.stubFor(mapping);
        }
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("request-id", "exchange-request-" + status)
                .withBody(body);
    }

    private static int calls() {
        return exchange.findAll(postRequestedFor(urlPathEqualTo(CmdletScript.PATH)))
                .size();
    }

    @Test
    void theCmdletTravelsAsJsonWithTheHeadersTheExchangeModuleSends() {
        answers(json(200, OK));

        client.invoke(Cmdlet.named("New-RoleGroup")
                .with("Name", "Sync \"O'Brien\" $(whoami)")
                .with("Roles", List.of("ApplicationImpersonation"))
                .withSwitch("BypassSecurityGroupManagerCheck"));

        exchange.verify(postRequestedFor(urlPathEqualTo(CmdletScript.PATH))
                .withHeader("Authorization", equalTo("Bearer exo-token"))
                .withHeader("X-AnchorMailbox", equalTo(CmdletScript.ANCHOR))
                .withHeader("X-CmdletName", equalTo("New-RoleGroup"))
                .withHeader("X-ResponseFormat", equalTo("json"))
                .withHeader("Prefer", equalTo("odata.maxpagesize=2"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"CmdletInput":{"CmdletName":"New-RoleGroup","Parameters":{
                          "Name":"Sync \\"O'Brien\\" $(whoami)",
                          "Roles":["ApplicationImpersonation"],
                          "BypassSecurityGroupManagerCheck":true}}}
                        """, false, false)));
    }

    @Test
    void aThrottledCallWaitsAtLeastAsLongAsRetryAfterSaysThenSucceeds() {
        answers(
                json(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")
                        .withHeader("Retry-After", "3"),
                json(200, OK));

        CmdletResult result = client.invoke(getRoleGroup());

        assertThat(result.rows()).hasSize(1);
        assertThat(pauses)
                .singleElement()
                .satisfies(pause -> assertThat(pause).isGreaterThanOrEqualTo(Duration.ofSeconds(3)));
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void aCallThatKeepsFailingGivesUpAfterFourAttemptsWithATypedError() {
        answers(json(503, "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"down\"}}"));

        assertThatThrownBy(() -> client.invoke(getRoleGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.requestId()).isEqualTo("exchange-request-503");
                    assertThat(e.getMessage()).contains("Get-RoleGroup").contains("gave up after 4 attempts");
                });
        assertThat(calls()).isEqualTo(4);
        assertThat(pauses).hasSize(3).isSorted();
    }

    @Test
    void throttlingLongerThanTheBotWaitsFailsAtOnceAsThrottled() {
        answers(json(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")
                .withHeader("Retry-After", "120"));

        assertThatThrownBy(() -> client.invoke(getRoleGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.THROTTLED));
        assertThat(calls()).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aHungAnswerTimesOutAndTheCallIsTriedAgain() {
        answers(json(200, OK).withFixedDelay(5_000), json(200, OK));

        long started = System.nanoTime();
        CmdletResult result = client.invoke(getRoleGroup());

        assertThat(result.rows()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void anAnswerThatTricklesInTooSlowlyTimesOutToo() {
        answers(json(200, OK).withChunkedDribbleDelay(4, 4_000));

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.invoke(getRoleGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(calls()).isEqualTo(4);
    }

    @Test
    void aCmdletErrorIsNotTriedAgain() {
        answers(json(
                404,
                "{\"error\":{\"code\":\"NotFound\",\"message\":\"Error executing cmdlet\",\"details\":[{\"code\":"
                        + "\"Context\",\"message\":\"Ex6F9304|Microsoft.Exchange.Configuration.Tasks."
                        + "ManagementObjectNotFoundException|The operation couldn't be performed because object"
                        + " 'Exchange sync role group' couldn't be found on 'AM0PR01MB0001'.\"}]}}"));

        assertThatThrownBy(() -> client.invoke(getRoleGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.code()).isEqualTo("ManagementObjectNotFoundException");
                    assertThat(e.requestId()).isEqualTo("exchange-request-404");
                });
        assertThat(calls()).isEqualTo(1);
    }

    @Test
    void anOverloadedDirectoryIsTriedAgainAsTheExchangeModuleDoes() {
        answers(
                json(
                        500,
                        "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"Error executing cmdlet\","
                                + "\"details\":[{\"code\":\"Context\",\"message\":\"{\\\"Message\\\":\\\"Domain"
                                + " controller is busy.\\\",\\\"TypeName\\\":\\\"Microsoft.Exchange.Data.Directory."
                                + "DCOverloadedException\\\"}\"}]}}"),
                json(200, OK));

        assertThat(client.invoke(getRoleGroup()).rows()).hasSize(1);
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowedSoTheTokenStaysWithExchange() {
        answers(json(200, "{\"value\":[{\"Name\":\"a\"}],\"@odata.nextLink\":\"http://elsewhere.example:1/steal\"}"));

        assertThatThrownBy(() -> client.invoke(getRoleGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> assertThat(e.getMessage()).contains("another host"));
        assertThat(calls()).isEqualTo(1);
    }

    @Test
    void aRepeatedNextLinkStopsInsteadOfLoopingForever() {
        String again = exchange.baseUrl() + CmdletScript.PATH + "?$skiptoken=2";
        answers(json(200, "{\"value\":[{\"Name\":\"a\"}],\"@odata.nextLink\":\"" + again + "\"}"));

        assertThatThrownBy(() -> client.invoke(getRoleGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> assertThat(e.getMessage()).contains("same page link twice"));
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void warningsAreLoggedWithoutTheTokenAndHandedToListeners(CapturedOutput output) {
        answers(json(200, "{\"@adminapi.warnings\":[\"Role group members change\\nslowly.\"],\"value\":[]}"));

        CmdletResult result = client.invoke(getRoleGroup());

        assertThat(result.warnings()).containsExactly("Role group members change\nslowly.");
        assertThat(warnings.heard)
                .containsExactly(new TestExchange.HeardWarnings.Heard(
                        "Get-RoleGroup", List.of("Role group members change\nslowly.")));
        assertThat(output.getOut())
                .contains("Exchange Online warned on Get-RoleGroup: Role group members change slowly.");
        assertThat(output.getAll()).doesNotContain(CmdletScript.TOKEN);
    }

    @Test
    void errorsReportedInASuccessfulAnswerAreFailuresToo() {
        answers(json(
                200,
                "{\"value\":[],\"@adminapi.errors\":[\"Ex6F9304|Microsoft.Exchange.Configuration.Tasks."
                        + "ManagementObjectNotFoundException|The operation couldn't be performed because object 'x'"
                        + " couldn't be found.\"]}"));

        assertThatThrownBy(() -> client.invoke(getRoleGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void anAnswerThatIsNotJsonIsAnUnavailableServiceNotACrash() {
        answers(aResponse().withStatus(200).withBody("<html>gateway</html>"));

        assertThatThrownBy(() -> client.invoke(getRoleGroup()))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.code()).isEqualTo("MalformedAnswer");
                });
    }
}
