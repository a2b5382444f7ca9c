package io.serviceaccountbot.teams;

import static io.serviceaccountbot.teams.ApprovalChat.ALEX_CHAT;
import static io.serviceaccountbot.teams.ApprovalChat.MEGAN_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.push.PushMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.serviceaccountbot.tenant.SecretNames;
import io.serviceaccountbot.tenant.SecretStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The traces an operator's OpenTelemetry backend receives, read back from an in-memory exporter: a turn is one trace
 * under the request that brought it, with its answer to the Bot Connector inside; an approval click is a span of its
 * request; an approved plan is a trace with a span per step, and under each step its calls to Graph and to the
 * Exchange Server runner's Azure Automation jobs, each carrying the request id the tenant answered with: the same ids
 * the audit log keeps for that step.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.provisioning.step-backoff=50ms",
            "bot.teams.sends-per-thirty-seconds=1000",
            "bot.teams.sends-per-second=101",
            "bot.sandbox.mailbox-delay=0s"
        })
@Import({ApprovalTestSupport.class, TracingIT.InMemoryTraces.class})
class TracingIT {

    static final InMemorySpanExporter spans = InMemorySpanExporter.create();

    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("tenant.request_id");
    static final AttributeKey<String> ORDINAL = AttributeKey.stringKey("bot.step.ordinal");
    static final Pattern AUDITED_STEP = Pattern.compile("^step (\\d+): ");

    /** Every span ended is handed to the in-memory exporter at once, beside the OTLP export a deployment configures. */
    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryTraces {
        @Bean
        SpanProcessor inMemorySpans() {
            return SimpleSpanProcessor.create(spans);
        }
    }

    static FakeConnector connector;

    @LocalServerPort
    int port;

    @Autowired
    ApprovalTestSupport.ServiceAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecretStore secrets;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void startConnector() throws Exception {
        connector = new FakeConnector();
    }

    @AfterAll
    static void stopConnector() {
        connector.close();
    }

    @BeforeEach
    void forgetEarlierSpans() {
        spans.reset();
    }

    @Test
    void eachTurnIsOneTraceUnderTheRequestThatBroughtItWithItsAnswerAndItsGraphCallsInside() throws Exception {
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.alexSays("help");
        chat.alexSays("create service account svc-traced");

        Eventually.holds(() -> named("bot.turn").size() == 2, "two turns traced");
        List<SpanData> turns = named("bot.turn");
        assertThat(turns).extracting(SpanData::getTraceId).doesNotHaveDuplicates();
        for (SpanData turn : turns) {
            Eventually.holds(() -> childrenOf(turn).stream().anyMatch(TracingIT::isSend), "the answer is sent");
            SpanData request = byId().get(turn.getParentSpanId());
            assertThat(request)
                    .as("the turn's parent is the POST that brought the message")
                    .isNotNull();
            assertThat(request.getTraceId()).isEqualTo(turn.getTraceId());
            assertThat(request.getName()).containsIgnoringCase("post").contains("/api/messages");
        }

        Set<String> turnTraces = turns.stream().map(SpanData::getTraceId).collect(Collectors.toSet());
        List<SpanData> graphCalls = spans.getFinishedSpanItems().stream()
                .filter(span -> turnTraces.contains(span.getTraceId()))
                .filter(span -> span.getName().startsWith("graph "))
                .toList();
        assertThat(graphCalls)
                .as("creating the account called Graph inside the turn, each call with Graph's request id")
                .anySatisfy(call -> assertThat(call.getName()).isEqualTo("graph POST"))
                .allSatisfy(call -> {
                    assertThat(call.getAttributes().get(REQUEST_ID)).isNotBlank();
                    assertThat(ancestors(call))
                            .anySatisfy(ancestor -> assertThat(ancestor).isIn(turns));
                });
        String password =
                secrets.get(SecretNames.forPassword("svc-traced")).orElseThrow().reveal();
        assertThat(spans.getFinishedSpanItems())
                .as("neither the new account's password nor a token reaches a span")
                .allSatisfy(
                        span -> assertThat(span.getAttributes().asMap().values().toString())
                                .doesNotContain(password)
                                .doesNotContainIgnoringCase("bearer ")
                                .doesNotContainIgnoringCase("authorization"));
        assertThat(spans.getFinishedSpanItems())
                .as("no probe or scrape is traced, only what the test did")
                .noneSatisfy(span -> assertThat(span.getName()).contains("actuator"));
    }

    @Test
    void nothingLeavesTheBotUnlessAnEndpointIsConfigured() {
        assertThat(context.getBeansOfType(SpanExporter.class))
                .as("no span exporter without an OTLP endpoint")
                .isEmpty();
        assertThat(context.getBeansOfType(MeterRegistry.class).values())
                .as("metrics are scraped from /actuator/prometheus, never pushed")
                .noneMatch(registry -> registry instanceof PushMeterRegistry);
    }

    @Test
    void anApprovedPlanIsATraceWithASpanPerStepAndTheTenantsRequestIdsOnItsCalls() throws Exception {
        accounts.withMailbox("svc-trace");
        ApprovalChat chat = new ApprovalChat(connector, port);
        chat.installMegansChatAndTheChannel();
        String number = ApprovalChat.numberOn(
                chat.alexSays("grant impersonation to svc-trace because Salesforce Exchange Sync, traced"));
        FakeConnector.Call card = chat.cardPostedTo(MEGAN_CHAT, number);
        List<FakeConnector.Call> before = connector.calls();
        chat.meganClicks("approve", card, null);
        connector.await(
                call -> !before.contains(call)
                        && call.path().contains(ALEX_CHAT)
                        && ApprovalChat.text(call.card()).contains("Verification of svc-trace@example.com"),
                FakeConnector.PATIENCE);

        Eventually.holds(
                () -> named("bot.plan.run").stream()
                        .anyMatch(run -> number.equals(run.getAttributes().get(AttributeKey.stringKey("bot.request")))),
                "the run of " + number + " traced");
        SpanData click = named("bot.card.action").getFirst();
        assertThat(byId().get(click.getParentSpanId()).getName())
                .as("the click is a span of the request that brought it")
                .contains("/api/messages");

        SpanData run = named("bot.plan.run").stream()
                .filter(span -> number.equals(span.getAttributes().get(AttributeKey.stringKey("bot.request"))))
                .findFirst()
                .orElseThrow();
        List<String> stepsRun = jdbc.sql(
                        "select s.words from plan_step s join approval_request r on r.id = s.request_id"
                                + " where r.number = ? order by s.ordinal")
                .param(number)
                .query(String.class)
                .list();
        List<SpanData> stepSpans = childrenOf(run).stream()
                .filter(span -> span.getName().startsWith("step "))
                .toList();
        assertThat(stepSpans)
                .extracting(span -> span.getAttributes().get(AttributeKey.stringKey("bot.step")))
                .as("a span per step of the plan, under the run, in order")
                .containsExactlyElementsOf(stepsRun);
        assertThat(stepSpans).allSatisfy(step -> assertThat(step.getTraceId()).isEqualTo(run.getTraceId()));

        List<SpanData> calls = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(run.getTraceId()))
                .filter(span -> span.getAttributes().get(REQUEST_ID) != null)
                .toList();
        assertThat(calls)
                .as("the runner's Azure Automation jobs are spans of Spring's RestClient")
                .anySatisfy(call -> assertThat(call.getName()).startsWith("http "));
        List<String> audited = jdbc.sql("select detail || '|' || tenant_request_ids from audit_entry"
                        + " where request_number = ? and action = 'plan.step' and tenant_request_ids <> ''")
                .param(number)
                .query(String.class)
                .list();
        assertThat(audited).as("the steps called the tenant").isNotEmpty();
        for (String entry : audited) {
            Matcher step = AUDITED_STEP.matcher(entry);
            assertThat(step.find()).as(entry).isTrue();
            String ordinal = Integer.toString(Integer.parseInt(step.group(1)) - 1);
            Set<String> underTheStep = calls.stream()
                    .filter(call -> ancestors(call).stream()
                            .anyMatch(ancestor -> stepSpans.contains(ancestor)
                                    && ordinal.equals(ancestor.getAttributes().get(ORDINAL))))
                    .map(call -> call.getAttributes().get(REQUEST_ID))
                    .collect(Collectors.toSet());
            List<String> ids = Arrays.stream(
                            entry.substring(entry.lastIndexOf('|') + 1).split("\n"))
                    .filter(id -> !id.isBlank())
                    .toList();
            assertThat(underTheStep)
                    .as("the request ids the audit log names for step %s are on calls under its span", step.group(1))
                    .containsAll(ids);
        }
    }

    private static boolean isSend(SpanData span) {
        return span.getName().startsWith("http ")
                && Objects.toString(span.getAttributes().asMap()).contains("/v3/");
    }

    private static List<SpanData> named(String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> name.equals(observationName(span)))
                .toList();
    }

    /** The observation a span came from: its name, or the name its contextual name replaced. */
    private static String observationName(SpanData span) {
        return switch (span.getName()) {
            case String s when s.startsWith("turn: ") -> "bot.turn";
            case "card action" -> "bot.card.action";
            case "plan run" -> "bot.plan.run";
            case String s when s.startsWith("step ") -> "bot.plan.step";
            default -> span.getName();
        };
    }

    private static Map<String, SpanData> byId() {
        return spans.getFinishedSpanItems().stream()
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity(), (a, b) -> a));
    }

    private static List<SpanData> childrenOf(SpanData parent) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getParentSpanId().equals(parent.getSpanId()))
                .toList();
    }

    private static List<SpanData> ancestors(SpanData span) {
        Map<String, SpanData> byId = byId();
        List<SpanData> found = new ArrayList<>();
        SpanData at = byId.get(span.getParentSpanId());
        while (at != null) {
            found.add(at);
            at = byId.get(at.getParentSpanId());
        }
        return found;
    }
}
