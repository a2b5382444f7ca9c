package io.serviceaccountbot.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.storage.RepositoryContract;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** What {@link JdbcWatchedGrants} keeps and finds; each subclass runs it on one database. */
abstract class WatchedGrantsContract extends RepositoryContract {

    static final Instant APPROVED = Instant.parse("2026-12-07T10:00:00.123456Z");
    static final FactKey ROLE_GROUP = new FactKey(FactKey.Kind.ROLE_GROUP_MEMBERS, "Exchange sync role group");
    static final FactKey ACCOUNT = new FactKey(FactKey.Kind.ACCOUNT, "svc-sync@example.com");

    private WatchedGrants grants;

    @Override
    protected String[] tables() {
        return new String[] {"watched_grant"};
    }

    @BeforeEach
    void newRepository() {
        grants = new JdbcWatchedGrants(
                database().jdbc(),
                new TransactionTemplate(database().transactionManager()),
                JsonMapper.builder().build());
    }

    @Test
    void aGrantComesBackAsItWasSavedWithItsFactsAndItsDrift() {
        WatchedGrant grant = grant("account:svc-sync@example.com", List.of(ROLE_GROUP, ACCOUNT));
        Difference grew = new Difference(ROLE_GROUP, set("pattif@example.com"), set());
        WatchedGrant checked =
                grant.checked(List.of(grew), DriftWatch.fingerprint(List.of(grew)), APPROVED.plusSeconds(60), null);

        grants.save(checked);

        WatchedGrant found = grants.find("account:svc-sync@example.com").orElseThrow();
        assertThat(found).isEqualTo(checked);
        assertThat(found.approved().get(ROLE_GROUP)).containsExactly("Exchange Sync Accounts");
        assertThat(found.drift())
                .singleElement()
                .satisfies(difference -> assertThat(difference.words())
                        .isEqualTo("The members of role group 'Exchange sync role group': added outside the bot:"
                                + " pattif@example.com"));
    }

    @Test
    void savingAgainReplacesWhatWasKeptForTheSubject() {
        WatchedGrant first = grant("account:svc-sync@example.com", List.of(ROLE_GROUP));
        grants.save(first);
        SortedMap<FactKey, SortedSet<String>> accepted = new TreeMap<>();
        accepted.put(ROLE_GROUP, set("Exchange Sync Accounts", "pattif@example.com"));

        grants.save(first.approvedAgain(
                accepted, first.requestId(), first.number(), APPROVED.plusSeconds(600), "accepted by Megan Bowen"));

        WatchedGrant found = grants.find("account:svc-sync@example.com").orElseThrow();
        assertThat(found.approved().get(ROLE_GROUP)).containsExactly("Exchange Sync Accounts", "pattif@example.com");
        assertThat(found.approvedHow()).isEqualTo("accepted by Megan Bowen");
        assertThat(found.drift()).isEmpty();
        assertThat(grants.all()).hasSize(1);
    }

    @Test
    void everyGrantIsListedBySubjectAndARemovedOneIsGone() {
        grants.save(grant("app:c55d6177-918e-4745-96d3-1715194bc7e8", List.of(ACCOUNT)));
        grants.save(grant("account:svc-sync@example.com", List.of(ROLE_GROUP)));

        assertThat(grants.all())
                .extracting(WatchedGrant::subject)
                .containsExactly("account:svc-sync@example.com", "app:c55d6177-918e-4745-96d3-1715194bc7e8");
        assertThat(grants.remove("account:svc-sync@example.com")).isTrue();
        assertThat(grants.remove("account:svc-sync@example.com")).isFalse();
        assertThat(grants.find("account:svc-sync@example.com")).isEmpty();
    }

    private static WatchedGrant grant(String subject, List<FactKey> keys) {
        SortedMap<FactKey, SortedSet<String>> approved = new TreeMap<>();
        for (FactKey key : keys) {
            approved.put(
                    key,
                    key.kind() == FactKey.Kind.ACCOUNT
                            ? set(TenantFacts.EXISTS, TenantFacts.ENABLED, TenantFacts.MAILBOX)
                            : set("Exchange Sync Accounts"));
        }
        return new WatchedGrant(
                subject,
                "ApplicationImpersonation of svc-sync@example.com",
                new ApprovalRequestId(UUID.fromString("5b07ad31-0000-4000-8000-0000000000aa")),
                new RequestId("R-7K2QM4"),
                approved,
                APPROVED,
                "approved in R-7K2QM4",
                List.of(),
                null,
                null,
                null);
    }

    private static SortedSet<String> set(String... values) {
        return new TreeSet<>(List.of(values));
    }
}
