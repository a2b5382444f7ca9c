package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The simulated directory on its own: seed, licences and their units, the mailbox clock, and concurrency. */
class SimulatedDirectoryTest {

    static final String E1 = "18181a46-0d4e-45cd-891e-60aabd171b4e";
    static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    static final String POWER_BI = "a403ebcc-fae0-4ca2-8c8c-7a907fd6c235";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final SimulatedDirectory directory = new SimulatedDirectory(seed(), clock, Duration.ofMinutes(2));

    static TenantSeed seed() {
        try (InputStream in = SimulatedDirectoryTest.class.getResourceAsStream("/sandbox/seed.json")) {
            return JsonMapper.builder().build().readValue(in, TenantSeed.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SimulatedUser newUser(String alias) {
        return directory.create(alias, alias + "@example.com", alias, true, "US", false, Set.of());
    }

    @Test
    void thePlaygroundPeopleHaveE1AndReadyMailboxesSoExchangeSeesThemAsRecipients() {
        assertThat(directory.user("alexw@example.com").orElseThrow().licences())
                .extracting(SimulatedUser.Licence::skuId)
                .containsExactly(E1);
        assertThat(directory.mailboxUser("alexw")).isPresent();
        assertThat(directory.mailboxUser("MEGANB@example.com").orElseThrow().displayName())
                .isEqualTo("Megan Bowen");
        assertThat(directory.mailboxUser("Adele Vance").orElseThrow().objectId())
                .isEqualTo("00000000-0000-0000-0000-0000000000022");
        assertThat(directory
                        .mailboxUser("00000000-0000-0000-0000-0000000000023")
                        .orElseThrow()
                        .alias())
                .isEqualTo("isaiahl");
        assertThat(directory.mailboxUser("nobody")).isEmpty();
    }

    @Test
    void aMailboxIsReadyOnlyOnceTheDelayAfterAnExchangeLicenceHasPassed() {
        SimulatedUser svc = newUser("svc-sync");
        assertThat(directory.mailboxUser("svc-sync"))
                .as("no licence, no mailbox")
                .isEmpty();

        directory.assignLicenses(svc.id(), List.of(E1), List.of());
        clock.advance(Duration.ofSeconds(119));
        assertThat(directory.mailboxUser("svc-sync"))
                .as("Exchange is still creating it")
                .isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(directory.mailboxUser("svc-sync")).isPresent();
    }

    @Test
    void aLicenceWithoutExchangeGivesNoMailbox() {
        SimulatedUser analyst = newUser("analyst");
        directory.assignLicenses(analyst.id(), List.of(POWER_BI), List.of());
        clock.advance(Duration.ofHours(1));

        assertThat(directory.mailboxUser("analyst")).isEmpty();
    }

    @Test
    void licensingSomeoneWithoutUsageLocationFailsWithGraphsWords() {
        SimulatedUser nowhere =
                directory.create("Nowhere", "nowhere@example.com", "nowhere", true, null, false, Set.of());

        assertThatThrownBy(() -> directory.assignLicenses(nowhere.id(), List.of(E1), List.of()))
                .hasMessage("License assignment cannot be done for user with invalid usage location.");
    }

    @Test
    void theLastUnitCanBeAssignedOnceAndReassigningAnOwnedLicenceUsesNoUnit() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(newUser("e3-" + i).id());
            directory.assignLicenses(ids.get(i), List.of(E3), List.of());
        }
        directory.assignLicenses(ids.get(0), List.of(E3), List.of());
        String sixth = newUser("e3-5").id();

        assertThatThrownBy(() -> directory.assignLicenses(sixth, List.of(E3), List.of()))
                .hasMessage("Subscription with SKU " + E3 + " does not have any available licenses.");
        assertThat(directory.consumed(directory.sku(E3).orElseThrow())).isEqualTo(5);
    }

    @Test
    void anUnknownLicenceIsRefusedAsGraphDoes() {
        assertThatThrownBy(() -> directory.assignLicenses(
                        "alexw@example.com", List.of("00000000-1111-2222-3333-444444444444"), List.of()))
                .hasMessage("License 00000000-1111-2222-3333-444444444444 does not correspond to a valid company"
                        + " License.");
    }

    @Test
    void aUserOutsideTheVerifiedDomainsIsRefused() {
        assertThatThrownBy(() -> directory.create("X", "x@contoso.com", "x", true, "US", false, Set.of()))
                .hasMessageStartingWith("The domain portion of the userPrincipalName property is invalid.");
        assertThat(directory.create("Y", "y@example.onmicrosoft.com", "y", true, "US", false, Set.of()))
                .isNotNull();
    }

    @Test
    void twoAdminsCreatingTheSameAccountAtOnceGetOneAccountAndOneConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> {
                    try {
                        return newUser("svc-race").id();
                    } catch (GraphRefusal conflict) {
                        return conflict.getMessage();
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : pool.invokeAll(attempts)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes)
                    .filteredOn(outcome -> outcome.startsWith("Another object"))
                    .hasSize(7)
                    .allMatch(outcome -> outcome.equals(
                            "Another object with the same value for property userPrincipalName already exists."));
            assertThat(directory.users(user -> user.mailNickname().equals("svc-race")))
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAliasSomeoneHasIsAConflictOnMailNickname() {
        assertThatThrownBy(() -> directory.create("Alex 2", "alex2@example.com", "ALEXW", true, "US", false, Set.of()))
                .isInstanceOfSatisfying(
                        GraphRefusal.class,
                        refusal -> assertThat(refusal.details())
                                .extracting(GraphRefusal.Detail::target)
                                .containsExactly("mailNickname"));
    }

    @Test
    void membershipIsTransitive() {
        assertThat(directory.memberGroups(
                        "00000000-0000-0000-0000-0000000000022",
                        List.of("5b07ad31-0000-4000-8000-000000000001", "5b07ad31-0000-4000-8000-000000000002")))
                .containsExactly("5b07ad31-0000-4000-8000-000000000002");
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
