package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.sandbox.SandboxProperties.ExchangeFlavour;
import io.serviceaccountbot.sandbox.SimulatedDirectoryTest.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated tenant's file: a tenant built anew from the seed and opened on the file of an earlier one is that
 * earlier tenant, with its accounts, licences, mailbox clocks, sign-in checks, Exchange groups, role groups and RBAC
 * for Applications; an unreadable file is kept aside, not lost.
 */
class TenantFileTest {

    private static final String E1 = SimulatedDirectoryTest.E1;
    private static final Set<String> NEVER_EXPIRES = Set.of("DisablePasswordExpiration");

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final JsonMapper json = JsonMapper.builder().build();

    /** One simulated tenant on the file; each instance is what one run of the sandbox builds. */
    private final class Run {
        final SimulatedDirectory directory =
                new SimulatedDirectory(SimulatedDirectoryTest.seed(), clock, Duration.ofMinutes(2));
        final SimulatedCredentials credentials = new SimulatedCredentials();
        final SimulatedExchange exchange = new SimulatedExchange(directory, "example.com");
        final SimulatedRoleGroups roles;
        final SimulatedAppAccess apps;
        final SimulatedTenant tenant;
        final TenantFile file;

        Run() throws Exception {
            this(ExchangeFlavour.EXCHANGE_SERVER);
        }

        Run(ExchangeFlavour flavour) throws Exception {
            roles = new SimulatedRoleGroups(flavour, exchange);
            apps = new SimulatedAppAccess(exchange, roles);
            tenant = new SimulatedTenant(
                    directory,
                    credentials,
                    exchange,
                    roles,
                    apps,
                    "seed-1",
                    () -> SimulatedDirectory.fromSeed(SimulatedDirectoryTest.seed(), clock.instant()));
            String name = flavour.name().toLowerCase(Locale.ROOT).replace('_', '-');
            file = new TenantFile(data.resolve("sandbox-tenant-" + name + ".json"), tenant, json, clock);
            file.open();
        }
    }

    @Test
    void aTenantOpenedOnTheFileOfAnEarlierRunIsThatTenant() throws Exception {
        Run first = new Run();
        SimulatedUser svc =
                first.directory.create("Sync", "svc-sync@example.com", "svc-sync", true, "US", false, NEVER_EXPIRES);
        first.credentials.set(svc.id(), "Correct-Horse-9");
        first.directory.assignLicenses(svc.id(), List.of(E1), List.of());
        clock.advance(Duration.ofMinutes(3));
        first.exchange.newDistributionGroup("Exchange Sync Accounts", null, "Security", List.of("svc-sync"));
        first.roles.newRoleGroup(
                "Exchange sync role group", List.of("ApplicationImpersonation"), List.of("Exchange Sync Accounts"));
        first.file.saveIfChanged();

        Run second = new Run();
        SimulatedUser found = second.directory.user("svc-sync@example.com").orElseThrow();
        assertThat(found).isEqualTo(second.directory.user(svc.id()).orElseThrow());
        assertThat(found.licences()).extracting(SimulatedUser.Licence::skuId).containsExactly(E1);
        assertThat(found.passwordPolicies()).isEqualTo(NEVER_EXPIRES);
        assertThat(second.directory.mailboxUser("svc-sync"))
                .as("the mailbox clock ran on")
                .isPresent();
        assertThat(second.credentials.matches(svc.id(), "Correct-Horse-9")).isTrue();
        assertThat(second.credentials.matches(svc.id(), "wrong")).isFalse();
        assertThat(second.credentials.ntHash(svc.id()))
                .as("NTLM's NT hash is kept with the tenant")
                .hasValueSatisfying(hash -> assertThat(hash).isEqualTo(Ntlm.ntHash("Correct-Horse-9")));
        assertThat(second.exchange
                        .distributionGroupMembers("Exchange Sync Accounts")
                        .rows())
                .extracting(row -> row.get("Alias"))
                .containsExactly("svc-sync");
        assertThat(second.roles.effectiveUsers("ApplicationImpersonation"))
                .extracting(row -> row.get("EffectiveUserName"))
                .contains("svc-sync");
        assertThat(second.directory.domains()).first().isEqualTo("example.com");
        assertThat(second.directory.saved()).isEqualTo(first.directory.saved());
    }

    @Test
    void anAppsScopedAccessOnExchangeOnlineIsKeptAcrossRuns() throws Exception {
        Run first = new Run(ExchangeFlavour.EXCHANGE_ONLINE);
        SimulatedUser svc =
                first.directory.create("Sync", "svc-sync@example.com", "svc-sync", true, "US", false, NEVER_EXPIRES);
        first.directory.assignLicenses(svc.id(), List.of(E1), List.of());
        clock.advance(Duration.ofMinutes(3));
        first.exchange.newDistributionGroup("Sales Mailboxes", null, "Security", List.of("svc-sync"));
        first.apps.newServicePrincipal(
                "c55d6177-918e-4745-96d3-1715194bc7e8", "6f0d9b3e-1c1a-4a7e-9d0e-2f2b0c7c1111", "Salesforce");
        first.apps.newScope(
                "Mailboxes of Sales",
                "MemberOfGroup -eq '" + first.exchange.distinguishedName("Sales Mailboxes") + "'");
        first.apps.newAssignment("Mail-Sales", "Salesforce", "Application Mail.Read", "Mailboxes of Sales");
        first.file.saveIfChanged();

        Run second = new Run(ExchangeFlavour.EXCHANGE_ONLINE);
        assertThat(second.apps.test("Salesforce", "svc-sync").rows())
                .extracting(row -> row.get("InScope"))
                .containsExactly(true);
        assertThat(second.apps.test("Salesforce", "alexw").rows())
                .extracting(row -> row.get("InScope"))
                .containsExactly(false);
    }

    @Test
    void aGroupNameTakenBeforeTheRestartIsStillTaken() throws Exception {
        Run first = new Run();
        first.roles.newRoleGroup("Helpdesk", List.of("Mail Recipients"), List.of());
        first.file.saveIfChanged();

        Run second = new Run();
        assertThat(failure(() -> second.exchange.newDistributionGroup("Helpdesk", null, "Security", List.of())))
                .contains("already exists");
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        Run run = new Run();
        run.directory.create("Sync", "svc-sync@example.com", "svc-sync", true, "US", false, NEVER_EXPIRES);
        run.file.saveIfChanged();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.file.path())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(run.file.path())).contains("svc-sync@example.com");
    }

    @Test
    void resetReturnsTheTenantToItsSeed() throws Exception {
        Run first = new Run();
        first.directory.create("Sync", "svc-sync@example.com", "svc-sync", true, "US", false, NEVER_EXPIRES);
        first.exchange.newDistributionGroup("Exchange Sync Accounts", null, "Security", List.of());
        first.tenant.reset();
        first.file.saveIfChanged();

        Run second = new Run();
        assertThat(second.directory.user("svc-sync@example.com")).isEmpty();
        assertThat(second.directory.user("alexw@example.com")).isPresent();
        assertThat(failure(() -> second.exchange.distributionGroup("Exchange Sync Accounts")))
                .contains("couldn't be found");
    }

    @Test
    void anUnreadableFileIsKeptAsideAndTheTenantStartsFromItsSeed() throws Exception {
        Path file = data.resolve("sandbox-tenant-exchange-server.json");
        Files.writeString(file, "{\"format\":1,\"directory\":{\"users\":[{\"id\":");

        Run run = new Run();
        assertThat(run.directory.user("alexw@example.com")).isPresent();
        try (var files = Files.list(data)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .contains("sandbox-tenant-exchange-server.json")
                    .anyMatch(name -> name.startsWith("sandbox-tenant-exchange-server.json.unreadable-"));
        }
    }

    private static String failure(Runnable action) {
        try {
            action.run();
        } catch (CmdletFailure e) {
            return e.getMessage();
        }
        throw new AssertionError("expected Exchange to refuse");
    }
}
