package io.serviceaccountbot.tenant.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceaccountbot.sandbox.SandboxServer;
import io.serviceaccountbot.sandbox.SimulatorControlClient;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.NewUser;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.TenantException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bot's own Graph client against the simulated tenant while the simulator misbehaves on cue: throttles, outages,
 * hangs and slow answers end in success or a typed failure within the time limits, and never in a second account.
 */
@SandboxServer
@Timeout(30)
class SimulatedTenantFaultsIT {

    static final Secret PASSWORD = Secret.of("Faults-Passw0rd-Long-Enough!");

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    private SimulatorControlClient control;
    private SandboxHttp tenant;

    @BeforeEach
    void connect() {
        control = new SimulatorControlClient(port);
        tenant = new SandboxHttp(port);
    }

    @AfterEach
    void calm() {
        control.clearFaults();
        control.latency(0);
    }

    private static NewUser account(String alias) {
        return new NewUser(alias, alias, alias + "@example.com", "US", PASSWORD);
    }

    // Faults are probed with the licence list: the verified domains are kept a while once read.
    @Test
    void aThrottledCallWaitsAsTheSimulatorAsksAndThenSucceeds() {
        control.graphFails("GET /subscribedSkus", 429, 1, 1);
        control.resetCalls();

        long started = System.nanoTime();
        assertThat(directory.subscribedSkus()).isNotEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(control.graphCalls()).isEqualTo(2);
    }

    @Test
    void aThrottleThatDoesNotEndIsReportedAsThrottledAfterThreeRetries() {
        control.graphFails("GET /subscribedSkus", 429, 1, 10);
        control.resetCalls();

        assertThatThrownBy(() -> directory.subscribedSkus()).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.THROTTLED);
            assertThat(e.code()).isEqualTo("TooManyRequests");
            assertThat(e.requestId()).isNotBlank();
        });
        assertThat(control.graphCalls()).isEqualTo(4);
    }

    @Test
    void aBriefOutageWhileLicensingIsRiddenOut() {
        DirectoryUser svc = directory.createUser(account("svc-fault-licence"));
        control.graphFails("/assignLicense", 503, 0, 2);

        directory.assignLicense(svc.id(), "STANDARDPACK");

        assertThat(directory.findUser(svc.id()).orElseThrow().exchangePlanEnabled())
                .isTrue();
    }

    @Test
    void anInternalErrorIsNotRetriedAndIsReportedAsUnavailable() {
        control.graphFails("GET /subscribedSkus", 500, 0, 1);
        control.resetCalls();

        assertThatThrownBy(() -> directory.subscribedSkus()).isInstanceOfSatisfying(TenantException.class, e -> {
            assertThat(e.kind()).isEqualTo(TenantException.Kind.UNAVAILABLE);
            assertThat(e.code()).isEqualTo("generalException");
        });
        assertThat(control.graphCalls()).isEqualTo(1);
    }

    @Test
    void aCreateThatFailedAndIsTriedAgainLeavesExactlyOneAccount() throws Exception {
        control.graphFails("POST /users", 500, 0, 1);

        assertThatThrownBy(() -> directory.createUser(account("svc-fault-once")))
                .isInstanceOfSatisfying(
                        TenantException.class, e -> assertThat(e.kind()).isEqualTo(TenantException.Kind.UNAVAILABLE));
        DirectoryUser created = directory.createUser(account("svc-fault-once"));
        DirectoryUser again = directory.createUser(account("svc-fault-once"));

        assertThat(again.id()).isEqualTo(created.id());
        assertThat(tenant.usersWithAlias("svc-fault-once")).isEqualTo(1);
    }

    @Test
    void aCreateGraphFinishedAfterTheBotGaveUpIsFoundOnTheNextTryNotDuplicated() throws Exception {
        control.latency(3_000);
        assertThatThrownBy(() -> directory.createUser(account("svc-fault-slow")))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("did not answer within 2 s");
                });
        control.latency(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (tenant.get("/users/svc-fault-slow@example.com").statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        DirectoryUser existing = directory.createUser(account("svc-fault-slow"));

        assertThat(existing.userPrincipalName()).isEqualTo("svc-fault-slow@example.com");
        assertThat(tenant.usersWithAlias("svc-fault-slow")).isEqualTo(1);
    }

    @Test
    void aHungSimulatorIsGivenUpOnWithinTheTimeout() {
        control.graphHangs("GET /users/alexw", 8_000);

        long started = System.nanoTime();
        assertThatThrownBy(() -> directory.findUser("alexw@example.com"))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("did not answer");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aShortHangEndingInGatewayTimeoutIsRetried() {
        control.graphHangs("GET /subscribedSkus", 300);

        assertThat(directory.subscribedSkus()).isNotEmpty();
    }
}
