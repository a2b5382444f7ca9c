package io.serviceaccountbot.tenant.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.sandbox.SandboxServer;
import io.serviceaccountbot.sandbox.SimulatorControlClient;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.NewUser;
import io.serviceaccountbot.tenant.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How many HTTP round trips each directory operation makes, counted by the simulated tenant, against the fewest the
 * Graph API allows; and how long the directory part of creating a service account takes at 100 ms per call. Each
 * measurement uses a fresh adapter, as a newly started bot would.
 */
@SandboxServer
class GraphRoundTripsIT {

    static final Secret PASSWORD = Secret.of("Trips-Passw0rd-Long-Enough!");

    @LocalServerPort
    int port;

    private SimulatorControlClient control;
    private final Map<String, long[]> table = new LinkedHashMap<>();

    @BeforeEach
    void connect() {
        control = new SimulatorControlClient(port);
    }

    @AfterEach
    void report() {
        control.latency(0);
        table.forEach((operation, trips) ->
                System.out.printf("round trips %-46s %d (minimum %d)%n", operation, trips[0], trips[1]));
    }

    private long trips(String operation, long minimum, Runnable call) {
        control.resetCalls();
        call.run();
        long made = control.graphCalls();
        table.put(operation, new long[] {made, minimum});
        return made;
    }

    @Test
    void everyOperationMakesNoMoreRoundTripsThanTheApiNeeds() {
        GraphDirectory graph = TestGraph.sandbox(port);
        List<String> groups = new ArrayList<>(List.of(DirectoryContract.ADMINS, DirectoryContract.APPROVERS));
        groups.addAll(DirectoryContract.strangerGroups(23));
        DirectoryUser[] svc = new DirectoryUser[1];

        assertThat(trips("findUser", 1, () -> graph.findUser("alexw@example.com")))
                .isEqualTo(1);
        assertThat(trips("findUserByAlias", 1, () -> graph.findUserByAlias("meganb")))
                .isEqualTo(1);
        assertThat(trips("createUser (new)", 1, () -> svc[0] = graph.createUser(account("svc-trips"))))
                .isEqualTo(1);
        assertThat(trips("createUser (exists: conflict, then read)", 2, () -> graph.createUser(account("svc-trips"))))
                .isEqualTo(2);
        assertThat(trips("setUsageLocation", 1, () -> graph.setUsageLocation(svc[0].id(), "US")))
                .isEqualTo(1);
        assertThat(trips("resetPassword", 1, () -> graph.resetPassword(svc[0].id(), PASSWORD)))
                .isEqualTo(1);
        assertThat(trips(
                        "setPasswordPolicies",
                        1,
                        () -> graph.setPasswordPolicies(
                                svc[0].id(), Set.of("DisablePasswordExpiration", "DisableStrongPassword"))))
                .isEqualTo(1);
        assertThat(trips(
                        "assignLicense (first, looks the skuId up)",
                        2,
                        () -> graph.assignLicense(svc[0].id(), "STANDARDPACK")))
                .isEqualTo(2);
        assertThat(trips("assignLicense (skuId known)", 1, () -> graph.assignLicense(svc[0].id(), "STANDARDPACK")))
                .isEqualTo(1);
        assertThat(trips("subscribedSkus", 1, graph::subscribedSkus)).isEqualTo(1);
        assertThat(trips("mailboxStatus", 1, () -> graph.mailboxStatus(svc[0].id())))
                .isEqualTo(1);
        assertThat(trips(
                        "memberGroups (2 groups)",
                        1,
                        () -> graph.memberGroups(DirectoryContract.ADELE, groups.subList(0, 2))))
                .isEqualTo(1);
        assertThat(trips("memberGroups (25 groups)", 2, () -> graph.memberGroups(DirectoryContract.ADELE, groups)))
                .isEqualTo(2);
        assertThat(trips("verifiedDomains", 1, graph::verifiedDomains)).isEqualTo(1);
    }

    @Test
    void theDirectoryPartOfCreatingAServiceAccountTakesFourCallsAt100MsEach() {
        GraphDirectory graph = TestGraph.sandbox(port);
        graph.findUser("alexw@example.com"); // a running bot has its client built and connected
        control.latency(100);
        control.resetCalls();

        long started = System.nanoTime();
        DirectoryUser svc =
                graph.createUser(new NewUser("svc-timed", "svc-timed", "svc-timed@example.com", "US", PASSWORD));
        graph.assignLicense(svc.id(), "STANDARDPACK");
        graph.mailboxStatus(svc.id());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        table.put("create + assign E1 + one mailbox check", new long[] {control.graphCalls(), 4});
        System.out.printf("create + assign E1 + one mailbox check at 100 ms per call: %d ms%n", took.toMillis());
        assertThat(control.graphCalls()).isEqualTo(4);
        assertThat(took).isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
    }

    private static NewUser account(String alias) {
        return new NewUser(alias, alias, alias + "@example.com", null, PASSWORD);
    }
}
