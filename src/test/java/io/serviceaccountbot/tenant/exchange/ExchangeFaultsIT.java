package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.AuthorizationResult;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter against the simulated tenant while it throttles, fails and hangs ({@code /sandbox/control/faults}): every
 * operation completes or fails with a typed error within its deadline, and an "ensure" interrupted by a fault, even
 * one where Exchange acted but the answer never came, leaves exactly one object when repeated.
 */
class ExchangeFaultsIT {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext bot;
    private static String root;
    private static InvokeCommandClient client;
    private static ExchangeAdmin exchange;

    @BeforeAll
    static void start() {
        bot = SimulatedExchangeContractIT.sandbox("exchange-online");
        root = "http://127.0.0.1:"
                + ((WebServerApplicationContext) bot).getWebServer().getPort();
        Retries retries = new Retries(
                4,
                Duration.ofMillis(50),
                Duration.ofSeconds(5),
                pause -> Thread.sleep(pause.toMillis()),
                Clock.systemUTC());
        client = TestExchange.client(
                SimulatedExchangeContractIT.exchangeBaseUrl(bot),
                scope -> "sandbox-token",
                TIMEOUT,
                retries,
                (cmdlet, warnings) -> {});
        exchange = new CmdletExchangeAdmin(client);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @AfterEach
    void clearFaults() throws Exception {
        HTTP.send(
                HttpRequest.newBuilder(URI.create(root + "/sandbox/control/faults"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Scripts the next {@code times} Exchange calls whose cmdlet contains {@code matching} to fail. */
    private static void inject(String matching, int status, int retryAfterSeconds, int times) throws Exception {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("service", "EXCHANGE");
        fault.put("matching", matching);
        fault.put("status", status);
        fault.put("retryAfterSeconds", retryAfterSeconds);
        fault.put("times", times);
        fault.put("hang", "PT2S");
        HttpResponse<Void> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(root + "/sandbox/control/faults"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fault)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(204);
    }

    private static long exchangeCalls() throws Exception {
        HttpResponse<String> counts = HTTP.send(
                HttpRequest.newBuilder(URI.create(root + "/sandbox/control/calls"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(counts.body()).path("EXCHANGE").asLong();
    }

    /** How many objects a Get- cmdlet finds: inspected over the same endpoint the bot uses. */
    private static int count(Cmdlet lookup) {
        return client.invoke(lookup).rows().size();
    }

    @Test
    void aThrottledCreateWaitsAsToldAndMakesTheGroupOnce() throws Exception {
        inject("New-DistributionGroup", 429, 1, 1);

        long started = System.nanoTime();
        exchange.ensureSecurityGroup("Throttled Group");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(count(Cmdlet.named("Get-DistributionGroup").with("Identity", "Throttled Group")))
                .isEqualTo(1);
    }

    @Test
    void aRoleGroupWhoseCreationAnswerWasLostIsReadBackNotMadeTwice() throws Exception {
        exchange.ensureSecurityGroup("Lost Answer Accounts");
        inject("New-RoleGroup", 0, 0, 1);

        var roleGroup = exchange.ensureRoleGroup(
                "Lost answer role group", List.of("Mail Recipients"), List.of("Lost Answer Accounts"));
        var again = exchange.ensureRoleGroup(
                "Lost answer role group", List.of("Mail Recipients"), List.of("Lost Answer Accounts"));

        assertThat(roleGroup.members()).containsExactly("Lost Answer Accounts");
        assertThat(again).isEqualTo(roleGroup);
        assertThat(count(Cmdlet.named("Get-RoleGroup").with("Identity", "Lost answer role group")))
                .isEqualTo(1);
    }

    @Test
    void anOutageThatDoesNotEndFailsTypedAfterFourCallsWithinTheDeadline() throws Exception {
        inject("Get-RoleGroup", 503, 0, 100);
        long before = exchangeCalls();

        assertTimeoutPreemptively(
                DEADLINE,
                () -> assertThatThrownBy(() -> exchange.roleGroup("Any role group"))
                        .asInstanceOf(type(TenantException.class))
                        .satisfies(e -> {
                            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                            assertThat(e.service()).isEqualTo("Exchange Online");
                            assertThat(e.requestId()).isNotBlank();
                        }));
        assertThat(exchangeCalls() - before).isEqualTo(4);
    }

    @Test
    void aHangThatDoesNotEndFailsTypedInsteadOfHangingTheBot() throws Exception {
        inject("Get-ManagementRole", 0, 0, 100);

        assertTimeoutPreemptively(
                DEADLINE,
                () -> assertThatThrownBy(() -> exchange.managementRole("Mail Recipients"))
                        .asInstanceOf(type(TenantException.class))
                        .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE)));
    }

    @Test
    void everyOperationCompletesOrFailsTypedUnderEveryKindOfFault() throws Exception {
        for (int[] fault : new int[][] {{429, 1}, {500, 0}, {503, 0}, {0, 0}}) {
            String tag = fault[0] == 0 ? "timeout" : String.valueOf(fault[0]);
            String group = "Faulty group " + tag;
            String roleGroup = "Faulty role group " + tag;
            String scope = "Faulty scope " + tag;
            String app = "fa017000-0000-4000-8000-00000000" + String.format("%04d", fault[0]);
            String object = "fa017000-0000-4000-8000-00000001" + String.format("%04d", fault[0]);
            String filter = "MemberOfGroup -eq '" + ExchangeAdminContract.distinguishedName(group) + "'";
            Map<String, Runnable> operations = new LinkedHashMap<>();
            operations.put("managementRole", () -> exchange.managementRole("Application Mail.ReadWrite"));
            operations.put("ensureSecurityGroup", () -> exchange.ensureSecurityGroup(group));
            operations.put("addGroupMember", () -> exchange.addGroupMember(group, ExchangeAdminContract.SVC));
            operations.put("securityGroup", () -> exchange.securityGroup(group));
            operations.put(
                    "ensureRoleGroup",
                    () -> exchange.ensureRoleGroup(roleGroup, List.of("Mail Recipients"), List.of(group)));
            operations.put(
                    "addRoleGroupMember", () -> exchange.addRoleGroupMember(roleGroup, ExchangeAdminContract.TWO));
            operations.put("roleGroup", () -> exchange.roleGroup(roleGroup));
            operations.put(
                    "removeRoleGroupMember",
                    () -> exchange.removeRoleGroupMember(roleGroup, ExchangeAdminContract.TWO));
            operations.put("effectiveAssignments", () -> exchange.effectiveAssignments("Mail Recipients"));
            operations.put("ensureServicePrincipal", () -> exchange.ensureServicePrincipal(app, object, "Faulty app"));
            operations.put("ensureManagementScope", () -> exchange.ensureManagementScope(scope, filter));
            operations.put(
                    "ensureAppRoleAssignment",
                    () -> exchange.ensureAppRoleAssignment(app, "Application Mail.ReadWrite", scope));
            operations.put(
                    "testServicePrincipalAuthorization",
                    () -> exchange.testServicePrincipalAuthorization(app, ExchangeAdminContract.SVC));
            operations.put(
                    "removeAppRoleAssignment",
                    () -> exchange.removeAppRoleAssignment(app, "Application Mail.ReadWrite", scope));
            operations.put("removeManagementScope", () -> exchange.removeManagementScope(scope));
            operations.put("removeServicePrincipal", () -> exchange.removeServicePrincipal(app));
            operations.put("removeGroupMember", () -> exchange.removeGroupMember(group, ExchangeAdminContract.SVC));

            for (var operation : operations.entrySet()) {
                inject("", fault[0], fault[1], 1);
                assertTimeoutPreemptively(
                        DEADLINE,
                        () -> {
                            try {
                                operation.getValue().run();
                            } catch (TenantException typed) {
                                fail(operation.getKey() + " under " + tag + " failed although the fault passed: "
                                        + typed);
                            }
                        },
                        operation.getKey() + " under " + tag);
            }

            assertThat(count(Cmdlet.named("Get-DistributionGroup").with("Identity", group)))
                    .as(tag)
                    .isEqualTo(1);
            assertThat(count(Cmdlet.named("Get-RoleGroup").with("Identity", roleGroup)))
                    .as(tag)
                    .isEqualTo(1);
            assertThat(exchange.roleGroup(roleGroup).orElseThrow().members())
                    .as(tag)
                    .containsExactly(group);
            assertThat(exchange.securityGroup(group).orElseThrow().members())
                    .as(tag)
                    .isEmpty();
            assertThatThrownBy(() -> exchange.testServicePrincipalAuthorization(app, ExchangeAdminContract.SVC))
                    .as(tag + ": the app is gone")
                    .isInstanceOf(TenantException.class);
        }
    }

    @Test
    void anAppAssignmentMadeUnderAFaultIsTheOnlyOneForThatApp() throws Exception {
        String app = "fa017000-0000-4000-8000-00000000aaaa";
        exchange.ensureSecurityGroup("Assigned Mailboxes");
        exchange.addGroupMember("Assigned Mailboxes", ExchangeAdminContract.SVC);
        exchange.ensureServicePrincipal(app, "fa017000-0000-4000-8000-00000000bbbb", "Assigned app");
        exchange.ensureManagementScope(
                "Assigned scope",
                "MemberOfGroup -eq '" + ExchangeAdminContract.distinguishedName("Assigned Mailboxes") + "'");
        inject("New-ManagementRoleAssignment", 0, 0, 1);

        exchange.ensureAppRoleAssignment(app, "Application Mail.Read", "Assigned scope");
        exchange.ensureAppRoleAssignment(app, "Application Mail.Read", "Assigned scope");

        List<JsonNode> assignments = client
                .invoke(Cmdlet.named("Get-ManagementRoleAssignment")
                        .with("Role", "Application Mail.Read")
                        .withSwitch("GetEffectiveUsers"))
                .rows()
                .stream()
                .filter(row ->
                        "Assigned app".equals(row.path("RoleAssigneeName").asString()))
                .toList();
        assertThat(assignments).hasSize(1);
        assertThat(exchange.testServicePrincipalAuthorization(app, ExchangeAdminContract.SVC))
                .extracting(AuthorizationResult::inScope)
                .containsExactly(true);
    }
}
