package io.serviceaccountbot.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceaccountbot.command.PrivilegedCommands;
import io.serviceaccountbot.command.RequestFilter;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.storage.RepositoryContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link JdbcApprovalRequests} keeps and finds; each subclass runs it on one database. */
abstract class ApprovalRequestsContract extends RepositoryContract {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final Person ALEX = new Person("00000000-0000-0000-0000-0000000000020", "Alex Wilber");
    static final Person MEGAN = new Person("00000000-0000-0000-0000-0000000000021", "Megan Bowen");
    static final Person ADELE = new Person("00000000-0000-0000-0000-0000000000022", "Adele Vance");
    static final Person ISAIAH = new Person("00000000-0000-0000-0000-0000000000023", "Isaiah Langer");
    static final Set<String> APPROVERS = Set.of(MEGAN.aadObjectId(), ADELE.aadObjectId());
    static final ApprovalPolicy POLICY = ApprovalPolicy.standard();

    private ApprovalRequests requests;

    @Override
    protected String[] tables() {
        return new String[] {"approval_decision", "approval_request"};
    }

    @BeforeEach
    void newRepository() {
        requests = new JdbcApprovalRequests(database().jdbc(), database().transactionManager());
    }

    @Test
    void aRequestComesBackAsItWasSavedWithEveryField() {
        ApprovalRequest request = ApprovalRequest.open(
                new ApprovalRequest.Draft(
                        PrivilegedCommands.parse(
                                "grant impersonation to svc-sync because Salesforce \"Exchange Sync\""),
                        List.of(
                                "create mail-enabled security group 'Exchange Sync Accounts'",
                                "add svc-sync to it",
                                "create role group 'Exchange sync role group' — with ApplicationImpersonation\n"),
                        ALEX,
                        "svc-sync@example.com",
                        "5b07ad31-0000-4000-8000-0000000000aa",
                        "Salesforce Exchange Sync for the sales team, ünïcode and 'quotes'"),
                NOW,
                Duration.ofHours(24),
                2,
                APPROVERS);

        ApprovalRequest saved = requests.save(request);

        assertThat(saved.version()).isEqualTo(1);
        assertSameContent(requests.byNumber(request.number()).orElseThrow(), request, 1);
        assertSameContent(requests.byId(request.id()).orElseThrow(), request, 1);
    }

    @Test
    void theCommandIsStoredAsTheTextThatParsesBackToItAndARowThatNoLongerParsesIsNamed() {
        ApprovalRequest request = requests.save(pending(ALEX, NOW, 1, null));

        assertThat(database()
                        .jdbc()
                        .sql("select command from approval_request where number = :number")
                        .param("number", request.number().value())
                        .query(String.class)
                        .single())
                .isEqualTo(request.commandText());
        assertThat(requests.byNumber(request.number()).orElseThrow().command()).isEqualTo(request.command());

        database()
                .jdbc()
                .sql("update approval_request set command = 'grant impersonation to' where number = :number")
                .param("number", request.number().value())
                .update();
        assertThatThrownBy(() -> requests.byNumber(request.number()))
                .hasMessageContaining("Request " + request.number().value())
                .hasMessageContaining("no longer parses");
    }

    @Test
    void theMembersOfTheGroupWhoGainAccessComeBackWithTheRequest() {
        ApprovalRequest.Draft draft = Requests.grantToSvcSync();
        ApprovalRequest request = ApprovalRequest.open(
                new ApprovalRequest.Draft(
                        draft.command(),
                        draft.plan(),
                        draft.requester(),
                        draft.target(),
                        draft.targetObjectId(),
                        draft.justification(),
                        new GroupAccess(
                                "Sales \"Sync\" Accounts",
                                List.of(Requests.MEGAN, new Person("aad-ünïcode", "Zoë 'Q' O\"Brien")))),
                NOW,
                Duration.ofHours(24),
                1,
                APPROVERS);

        requests.save(request);

        ApprovalRequest loaded = requests.byNumber(request.number()).orElseThrow();
        assertSameContent(loaded, request, 1);
        assertThat(loaded.groupAccess().includes(Requests.MEGAN.aadObjectId())).isTrue();
    }

    @Test
    void decisionsComeBackInOrderAndAWithdrawnOneIsGone() {
        ApprovalRequest saved = requests.save(pending(ALEX, NOW, 3, null));
        saved.decide(MEGAN, Decision.Verdict.APPROVE, "fine by me", NOW.plusSeconds(60), POLICY);
        saved.decide(ADELE, Decision.Verdict.APPROVE, null, NOW.plusSeconds(60), POLICY);
        saved = requests.save(saved);

        ApprovalRequest loaded = requests.byId(saved.id()).orElseThrow();
        assertSameContent(loaded, saved, 2);
        assertThat(loaded.decisions())
                .containsExactly(
                        new Decision(MEGAN, Decision.Verdict.APPROVE, "fine by me", NOW.plusSeconds(60)),
                        new Decision(ADELE, Decision.Verdict.APPROVE, null, NOW.plusSeconds(60)));

        loaded.withdrawApproval(MEGAN, "Megan left the approvers group");
        requests.save(loaded);

        assertThat(requests.byId(saved.id()).orElseThrow().decisions())
                .extracting(Decision::approver)
                .containsExactly(ADELE);
    }

    @Test
    void aRejectionAndItsReasonAreKept() {
        ApprovalRequest saved = requests.save(pending(ALEX, NOW, 1, null));
        saved.decide(MEGAN, Decision.Verdict.REJECT, "no ticket number", NOW.plusSeconds(5), POLICY);
        requests.save(saved);

        ApprovalRequest loaded = requests.byNumber(saved.number()).orElseThrow();
        assertThat(loaded.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(loaded.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.verdict()).isEqualTo(Decision.Verdict.REJECT);
            assertThat(decision.comment()).isEqualTo("no ticket number");
        });
    }

    @Test
    void theWholeLifeIsKeptUpToItsOutcome() {
        ApprovalRequest request = requests.save(pending(ALEX, NOW, 1, null));
        request.decide(MEGAN, Decision.Verdict.APPROVE, null, NOW.plusSeconds(1), POLICY);
        request = requests.save(request);
        request.startExecution();
        request = requests.save(request);
        request.finishExecution(true, "role group 'Exchange sync role group' has svc-sync");
        request = requests.save(request);

        ApprovalRequest loaded = requests.byId(request.id()).orElseThrow();
        assertThat(loaded.status()).isEqualTo(RequestStatus.DONE);
        assertThat(loaded.outcome()).isEqualTo("role group 'Exchange sync role group' has svc-sync");
        assertThat(loaded.cardVersion()).isEqualTo(4);
        assertThat(loaded.version()).isEqualTo(4);
    }

    @Test
    void ofTwoCopiesLoadedTogetherOnlyTheFirstSaveWins() {
        ApprovalRequest saved = requests.save(pending(ALEX, NOW, 2, null));
        ApprovalRequest first = requests.byNumber(saved.number()).orElseThrow();
        ApprovalRequest second = requests.byNumber(saved.number()).orElseThrow();

        first.decide(MEGAN, Decision.Verdict.APPROVE, null, NOW.plusSeconds(1), POLICY);
        requests.save(first);
        second.decide(ADELE, Decision.Verdict.REJECT, "no", NOW.plusSeconds(2), POLICY);

        assertThatThrownBy(() -> requests.save(second)).isInstanceOf(RequestChangedConcurrently.class);
        ApprovalRequest stored = requests.byId(saved.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(stored.decisions()).extracting(Decision::approver).containsExactly(MEGAN);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void ofEightReplicasSavingTheSameVersionAtOnceExactlyOneWins() throws Exception {
        ApprovalRequest saved = requests.save(pending(ALEX, NOW, 1, null));
        int replicas = 8;
        List<ApprovalRequest> copies = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            ApprovalRequest copy = requests.byId(saved.id()).orElseThrow();
            copy.decide(MEGAN, Decision.Verdict.APPROVE, "replica " + i, NOW.plusSeconds(1), POLICY);
            copies.add(copy);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (ApprovalRequest copy : copies) {
                Callable<Boolean> save = () -> {
                    start.await();
                    try {
                        requests.save(copy);
                        return true;
                    } catch (RequestChangedConcurrently lost) {
                        return false;
                    }
                };
                results.add(threads.submit(save));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(requests.byId(saved.id()).orElseThrow().decisions()).hasSize(1);
    }

    @Test
    void aNewRequestSavedTwiceIsAConflictNotASecondRow() {
        ApprovalRequest request = pending(ALEX, NOW, 1, null);
        requests.save(request);

        assertThatThrownBy(() -> requests.save(request)).isInstanceOf(RequestChangedConcurrently.class);
        assertThat(requests.list(RequestFilter.ALL, ALEX.aadObjectId(), 10)).hasSize(1);
    }

    @Test
    void listingsFilterAndShowTheNewestFirst() {
        ApprovalRequest oldest = requests.save(pending(ALEX, NOW, 1, null));
        ApprovalRequest isaiahs = requests.save(pending(ISAIAH, NOW.plusSeconds(10), 1, null));
        ApprovalRequest rejected = requests.save(pending(ALEX, NOW.plusSeconds(20), 1, null));
        rejected.decide(MEGAN, Decision.Verdict.REJECT, "no", NOW.plusSeconds(21), POLICY);
        requests.save(rejected);
        ApprovalRequest sameInstantFirst = requests.save(pending(ALEX, NOW.plusSeconds(30), 1, null));
        ApprovalRequest sameInstantSecond = requests.save(pending(ALEX, NOW.plusSeconds(30), 1, null));

        assertThat(numbers(requests.list(RequestFilter.MINE, ALEX.aadObjectId().toUpperCase(), 10)))
                .containsExactly(
                        sameInstantSecond.number(), sameInstantFirst.number(), rejected.number(), oldest.number());
        assertThat(numbers(requests.list(RequestFilter.MINE, ISAIAH.aadObjectId(), 10)))
                .containsExactly(isaiahs.number());
        assertThat(numbers(requests.list(RequestFilter.MINE, MEGAN.aadObjectId(), 10)))
                .isEmpty();
        assertThat(numbers(requests.list(RequestFilter.PENDING, MEGAN.aadObjectId(), 10)))
                .containsExactly(
                        sameInstantSecond.number(), sameInstantFirst.number(), isaiahs.number(), oldest.number());
        assertThat(numbers(requests.list(RequestFilter.ALL, MEGAN.aadObjectId(), 3)))
                .containsExactly(sameInstantSecond.number(), sameInstantFirst.number(), rejected.number());
        assertThat(requests.list(RequestFilter.ALL, MEGAN.aadObjectId(), 10))
                .filteredOn(request -> request.number().equals(rejected.number()))
                .singleElement()
                .satisfies(request -> assertThat(request.decisions()).hasSize(1));
    }

    @Test
    void pendingRequestsWhoseTimeIsUpAreFoundOldestExpiryFirst() {
        Duration day = Duration.ofHours(24);
        ApprovalRequest dueLater = requests.save(pending(ALEX, NOW.plusSeconds(60), 1, null));
        ApprovalRequest dueFirst = requests.save(pending(ALEX, NOW, 1, null));
        ApprovalRequest dueExactlyNow = requests.save(pending(ALEX, NOW.plusSeconds(120), 1, null));
        ApprovalRequest notYet = requests.save(pending(ALEX, NOW.plusSeconds(121), 1, null));
        ApprovalRequest cancelled = pending(ALEX, NOW, 1, null);
        cancelled.cancel(ALEX);
        requests.save(cancelled);
        Instant now = NOW.plus(day).plusSeconds(120);

        assertThat(numbers(requests.pendingExpiredBy(now)))
                .containsExactly(dueFirst.number(), dueLater.number(), dueExactlyNow.number())
                .doesNotContain(notYet.number(), cancelled.number());
        assertThat(requests.pendingExpiredBy(NOW)).isEmpty();
    }

    @Test
    void thePendingRequestsAnApproverIsEligibleForAreFoundOldestFirst() {
        ApprovalRequest later = requests.save(pending(ALEX, NOW.plusSeconds(60), 1, null));
        ApprovalRequest earlier = requests.save(pending(ALEX, NOW, 1, null));
        ApprovalRequest notHers = requests.save(ApprovalRequest.open(
                pending(ALEX, NOW, 1, null).draft(), NOW, Duration.ofHours(24), 1, Set.of(ADELE.aadObjectId())));
        ApprovalRequest rejected = requests.save(pending(ALEX, NOW, 1, null));
        rejected.decide(ADELE, Decision.Verdict.REJECT, "no", NOW.plusSeconds(5), POLICY);
        requests.save(rejected);

        assertThat(numbers(
                        requests.pendingWithEligibleApprover(MEGAN.aadObjectId().toUpperCase())))
                .containsExactly(earlier.number(), later.number())
                .doesNotContain(notHers.number(), rejected.number());
        assertThat(requests.pendingWithEligibleApprover(MEGAN.aadObjectId().substring(0, 30)))
                .as("a part of an id is not the id")
                .isEmpty();
        assertThat(requests.pendingWithEligibleApprover(ISAIAH.aadObjectId())).isEmpty();
    }

    @Test
    void aReaderRacingADecisionSeesTheRequestBeforeOrAfterItNeverHalfSaved() throws Exception {
        List<ApprovalRequest> saved = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            saved.add(requests.save(pending(ALEX, NOW, 1, null)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<List<ApprovalRequest>> reads = pool.submit(() -> {
                start.await();
                List<ApprovalRequest> seen = new ArrayList<>();
                for (int round = 0; round < 60; round++) {
                    for (ApprovalRequest request : saved) {
                        seen.add(requests.byId(request.id()).orElseThrow());
                    }
                    seen.addAll(requests.list(RequestFilter.ALL, MEGAN.aadObjectId(), 100));
                }
                return seen;
            });
            Future<?> decisions = pool.submit(() -> {
                start.await();
                for (ApprovalRequest request : saved) {
                    request.decide(MEGAN, Decision.Verdict.APPROVE, null, NOW.plusSeconds(60), POLICY);
                    requests.save(request);
                }
                return null;
            });
            start.countDown();
            decisions.get();

            assertThat(reads.get())
                    .isNotEmpty()
                    .allSatisfy(request -> assertThat(request.decisions().isEmpty())
                            .as("%s is %s with %s", request.number(), request.status(), request.decisions())
                            .isEqualTo(request.status() == RequestStatus.PENDING));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownRequestsAreNotFound() {
        assertThat(requests.byNumber(RequestId.of("R-0000ZZ"))).isEmpty();
        assertThat(requests.byId(ApprovalRequestId.random())).isEmpty();
    }

    static ApprovalRequest pending(Person requester, Instant at, int quorum, String targetObjectId) {
        return ApprovalRequest.open(
                new ApprovalRequest.Draft(
                        PrivilegedCommands.parse("grant impersonation to svc-sync because Salesforce Exchange Sync"),
                        List.of("create mail-enabled security group 'Exchange Sync Accounts'", "add svc-sync to it"),
                        requester,
                        "svc-sync@example.com",
                        targetObjectId,
                        "Salesforce Exchange Sync"),
                at,
                Duration.ofHours(24),
                quorum,
                APPROVERS);
    }

    private static List<RequestId> numbers(List<ApprovalRequest> found) {
        return found.stream().map(ApprovalRequest::number).toList();
    }

    private static void assertSameContent(ApprovalRequest actual, ApprovalRequest expected, long version) {
        assertThat(actual)
                .usingRecursiveComparison()
                .ignoringFields("events", "version")
                .ignoringCollectionOrderInFields("eligibleApprovers")
                .isEqualTo(expected);
        assertThat(actual.version()).isEqualTo(version);
    }
}
