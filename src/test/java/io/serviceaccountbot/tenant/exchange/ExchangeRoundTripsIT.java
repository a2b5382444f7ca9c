package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot's own Exchange adapter, as Spring wires it in sandbox mode (base URL from the server's port, the tenant id
 * as organisation, the sandbox token), reaches the simulated tenant; and each port operation costs the round trips
 * the table in docs/architecture.md states, counted by the simulator. A caller without the sandbox token is refused.
 */
class ExchangeRoundTripsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext bot;
    private static String root;
    private static ExchangeAdmin exchange;

    @BeforeAll
    static void start() {
        bot = SimulatedExchangeContractIT.sandbox("exchange-online");
        root = "http://127.0.0.1:"
                + ((WebServerApplicationContext) bot).getWebServer().getPort();
        exchange = bot.getBean(ExchangeAdmin.class);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static long roundTrips(Runnable operation) throws Exception {
        HTTP.send(
                HttpRequest.newBuilder(URI.create(root + "/sandbox/control/calls"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        operation.run();
        String counts = HTTP.send(
                        HttpRequest.newBuilder(URI.create(root + "/sandbox/control/calls"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return JsonMapper.builder().build().readTree(counts).path("EXCHANGE").asLong();
    }

    @Test
    void theSimulatedTenantRefusesCallsWithoutTheSandboxToken() {
        ExchangeAdmin stranger = TestExchange.admin(
                SimulatedExchangeContractIT.exchangeBaseUrl(bot),
                scope -> "someone-elses-token",
                Duration.ofSeconds(5),
                TestExchange.instantRetries(new ArrayList<>()),
                (cmdlet, warnings) -> {});

        assertThatThrownBy(() -> stranger.managementRole("Mail Recipients"))
                .asInstanceOf(type(TenantException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED));
    }

    @Test
    void eachOperationCostsTheRoundTripsTheArchitectureTableStates() throws Exception {
        String svc = ExchangeAdminContract.SVC;
        String app = "7a1e5f0c-0000-4000-8000-00000000a001";
        String scope = "Round trip scope";
        Map<String, Long> measured = new LinkedHashMap<>();
        measured.put("managementRole", roundTrips(() -> exchange.managementRole("Mail Recipients")));
        measured.put("ensureSecurityGroup, new", roundTrips(() -> exchange.ensureSecurityGroup("Round Trip Group")));
        measured.put(
                "ensureSecurityGroup, existing", roundTrips(() -> exchange.ensureSecurityGroup("Round Trip Group")));
        measured.put("addGroupMember", roundTrips(() -> exchange.addGroupMember("Round Trip Group", svc)));
        measured.put("securityGroup", roundTrips(() -> exchange.securityGroup("Round Trip Group")));
        measured.put("removeGroupMember", roundTrips(() -> exchange.removeGroupMember("Round Trip Group", svc)));
        measured.put(
                "ensureRoleGroup, new with members",
                roundTrips(() -> exchange.ensureRoleGroup(
                        "Round trip role group", List.of("Mail Recipients"), List.of("Round Trip Group"))));
        measured.put(
                "ensureRoleGroup, existing",
                roundTrips(() -> exchange.ensureRoleGroup(
                        "Round trip role group", List.of("Mail Recipients"), List.of("Round Trip Group"))));
        measured.put("roleGroup", roundTrips(() -> exchange.roleGroup("Round trip role group")));
        measured.put("addRoleGroupMember", roundTrips(() -> exchange.addRoleGroupMember("Round trip role group", svc)));
        measured.put(
                "removeRoleGroupMember",
                roundTrips(() -> exchange.removeRoleGroupMember("Round trip role group", svc)));
        measured.put("effectiveAssignments", roundTrips(() -> exchange.effectiveAssignments("Mail Recipients")));
        measured.put(
                "ensureServicePrincipal, new",
                roundTrips(() -> exchange.ensureServicePrincipal(
                        app, "7a1e5f0c-0000-4000-8000-00000000b001", "Round trip app")));
        measured.put(
                "ensureServicePrincipal, existing",
                roundTrips(() -> exchange.ensureServicePrincipal(
                        app, "7a1e5f0c-0000-4000-8000-00000000b001", "Round trip app")));
        measured.put(
                "ensureManagementScope, new",
                roundTrips(() -> exchange.ensureManagementScope(scope, "Alias -eq 'svc-sync'")));
        measured.put(
                "ensureManagementScope, existing",
                roundTrips(() -> exchange.ensureManagementScope(scope, "Alias -eq 'svc-sync'")));
        measured.put(
                "ensureAppRoleAssignment, new",
                roundTrips(() -> exchange.ensureAppRoleAssignment(app, "Application Mail.ReadWrite", scope)));
        measured.put(
                "ensureAppRoleAssignment, existing",
                roundTrips(() -> exchange.ensureAppRoleAssignment(app, "Application Mail.ReadWrite", scope)));
        measured.put(
                "testServicePrincipalAuthorization",
                roundTrips(() -> exchange.testServicePrincipalAuthorization(app, svc)));
        measured.put(
                "removeAppRoleAssignment",
                roundTrips(() -> exchange.removeAppRoleAssignment(app, "Application Mail.ReadWrite", scope)));
        measured.put("removeManagementScope", roundTrips(() -> exchange.removeManagementScope(scope)));
        measured.put("removeServicePrincipal", roundTrips(() -> exchange.removeServicePrincipal(app)));

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("managementRole", 1L);
        expected.put("ensureSecurityGroup, new", 1L);
        expected.put("ensureSecurityGroup, existing", 3L);
        expected.put("addGroupMember", 1L);
        expected.put("securityGroup", 2L);
        expected.put("removeGroupMember", 1L);
        expected.put("ensureRoleGroup, new with members", 2L);
        expected.put("ensureRoleGroup, existing", 3L);
        expected.put("roleGroup", 2L);
        expected.put("addRoleGroupMember", 1L);
        expected.put("removeRoleGroupMember", 1L);
        expected.put("effectiveAssignments", 1L);
        expected.put("ensureServicePrincipal, new", 1L);
        expected.put("ensureServicePrincipal, existing", 2L);
        expected.put("ensureManagementScope, new", 1L);
        expected.put("ensureManagementScope, existing", 2L);
        expected.put("ensureAppRoleAssignment, new", 1L);
        expected.put("ensureAppRoleAssignment, existing", 2L);
        expected.put("testServicePrincipalAuthorization", 1L);
        expected.put("removeAppRoleAssignment", 1L);
        expected.put("removeManagementScope", 1L);
        expected.put("removeServicePrincipal", 1L);
        measured.forEach((operation, trips) -> System.out.println("round trips: " + operation + " = " + trips));
        assertThat(measured).containsExactlyEntriesOf(expected);
    }
}
