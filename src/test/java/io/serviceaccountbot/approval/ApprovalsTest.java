package io.serviceaccountbot.approval;

import static io.serviceaccountbot.approval.Requests.ADELE;
import static io.serviceaccountbot.approval.Requests.ALEX;
import static io.serviceaccountbot.approval.Requests.MEGAN;
import static io.serviceaccountbot.approval.Requests.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.Decision.Verdict;
import io.serviceaccountbot.command.RequestFilter;
import io.serviceaccountbot.command.RequestId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/** The approval service: decisions, replays, stale cards, expiry and the last check before execution. */
class ApprovalsTest {

    private final InMemoryApprovalRequests store = new InMemoryApprovalRequests();
    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final Set<String> approversNow = new HashSet<>(Set.of(MEGAN.aadObjectId(), ADELE.aadObjectId()));
    private Instant now = NOW;

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final ApproverDirectory directory = new ApproverDirectory() {
        @Override
        public Set<String> approvers() {
            return Set.copyOf(approversNow);
        }

        @Override
        public boolean isApprover(String aadObjectId) {
            return approversNow.contains(aadObjectId);
        }
    };

    private Approvals approvals(int quorum) {
        return new Approvals(
                store,
                directory,
                new ApprovalProperties(quorum, Duration.ofHours(24), Duration.ofMinutes(1), 10),
                ApprovalPolicy.standard(),
                clock,
                published::add,
                TransactionOperations.withoutTransaction());
    }

    @Test
    void aRequestIsOpenedForTheApproversTheDirectoryNamesNow() {
        ApprovalRequest request = approvals(1).open(Requests.grantToSvcSync());

        assertThat(request.eligibleApprovers()).containsExactlyInAnyOrder("aad-megan", "aad-adele");
        assertThat(published).singleElement().isInstanceOf(ApprovalEvent.Requested.class);
        assertThat(store.byNumber(request.number())).isPresent();
    }

    @Test
    void theSameClickDeliveredTenTimesAtOnceRecordsOneDecision() throws Exception {
        Approvals approvals = approvals(1);
        ApprovalRequest request = approvals.open(Requests.grantToSvcSync());
        ExecutorService clicks = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<DecisionResult>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(clicks.submit(() -> {
                start.await();
                return approvals.decide(request.number(), MEGAN, Verdict.APPROVE, null, request.cardVersion());
            }));
        }
        start.countDown();
        List<DecisionResult.Kind> kinds = new ArrayList<>();
        for (Future<DecisionResult> result : results) {
            kinds.add(result.get().kind());
        }
        clicks.shutdown();

        assertThat(kinds).containsOnlyOnce(DecisionResult.Kind.RECORDED);
        assertThat(store.byNumber(request.number()).orElseThrow().decisions()).hasSize(1);
        assertThat(published.stream().filter(ApprovalEvent.Approved.class::isInstance))
                .hasSize(1);
    }

    @Test
    void aClickOnAnOldCardChangesNothing() {
        Approvals approvals = approvals(2);
        ApprovalRequest request = approvals.open(Requests.grantToSvcSync());
        int firstCard = request.cardVersion();
        approvals.decide(request.number(), MEGAN, Verdict.APPROVE, null, firstCard);

        DecisionResult stale = approvals.decide(request.number(), ADELE, Verdict.REJECT, "no", firstCard);

        assertThat(stale.kind()).isEqualTo(DecisionResult.Kind.STALE_CARD);
        assertThat(stale.request().status()).isEqualTo(RequestStatus.PENDING);
        assertThat(stale.request().decisions()).hasSize(1);
    }

    @Test
    void aTypedDecisionFollowsTheSameRules() {
        Approvals approvals = approvals(1);
        ApprovalRequest request = approvals.open(Requests.grantToSvcSync());

        DecisionResult own = approvals.decide(request.number(), ALEX, Verdict.APPROVE, null, null);

        assertThat(own.kind()).isEqualTo(DecisionResult.Kind.REFUSED);
        assertThat(own.message()).contains("You asked for this yourself");
    }

    @Test
    void anUnknownRequestIsSaidToBeUnknown() {
        DecisionResult result = approvals(1).decide(RequestId.of("R-ZZZZZZ"), MEGAN, Verdict.APPROVE, null, null);

        assertThat(result.kind()).isEqualTo(DecisionResult.Kind.NOT_FOUND);
        assertThat(result.message()).contains("There is no request R-ZZZZZZ");
    }

    @Test
    void anExpiredRequestCannotBeApprovedAndItsExpiryIsPublishedForTheRequester() {
        Approvals approvals = approvals(1);
        ApprovalRequest request = approvals.open(Requests.grantToSvcSync());
        now = NOW.plus(Duration.ofHours(25));

        DecisionResult late = approvals.decide(request.number(), MEGAN, Verdict.APPROVE, null, null);

        assertThat(late.kind()).isEqualTo(DecisionResult.Kind.REFUSED);
        assertThat(store.byNumber(request.number()).orElseThrow().status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(published).anyMatch(ApprovalEvent.Expired.class::isInstance);
    }

    @Test
    void theExpiryCheckExpiresWhatIsDueAndNothingElse() {
        Approvals approvals = approvals(1);
        ApprovalRequest old = approvals.open(Requests.grantToSvcSync());
        now = NOW.plus(Duration.ofHours(23));
        ApprovalRequest recent = approvals.open(Requests.grantToSvcSync());
        now = NOW.plus(Duration.ofHours(24));

        assertThat(approvals.expireDue()).isEqualTo(1);
        assertThat(store.byNumber(old.number()).orElseThrow().status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(store.byNumber(recent.number()).orElseThrow().status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void executionStartsOnlyAfterTheApproverIsCheckedAgainstTheDirectory() {
        Approvals approvals = approvals(1);
        ApprovalRequest request = approvals.open(Requests.grantToSvcSync());
        approvals.decide(request.number(), MEGAN, Verdict.APPROVE, null, null);
        approversNow.remove(MEGAN.aadObjectId());

        assertThat(approvals.startOrResume(request.id())).isEmpty();

        ApprovalRequest after = store.byNumber(request.number()).orElseThrow();
        assertThat(after.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(published).anyMatch(ApprovalEvent.ApprovalWithdrawn.class::isInstance);
    }

    @Test
    void anApprovedRequestStartsExecutingOnceAndAskingAgainResumesThatRun() {
        Approvals approvals = approvals(1);
        ApprovalRequest request = approvals.open(Requests.grantToSvcSync());
        approvals.decide(request.number(), MEGAN, Verdict.APPROVE, null, null);

        assertThat(approvals.startOrResume(request.id()))
                .get()
                .extracting(ApprovalRequest::status)
                .isEqualTo(RequestStatus.EXECUTING);
        assertThat(approvals.startOrResume(request.id()))
                .as("an interrupted run is resumed, not started anew")
                .get()
                .extracting(ApprovalRequest::status)
                .isEqualTo(RequestStatus.EXECUTING);
        assertThat(published)
                .filteredOn(ApprovalEvent.ExecutionStarted.class::isInstance)
                .hasSize(1);

        approvals.finishExecution(request.id(), true, "done");
        assertThat(store.byNumber(request.number()).orElseThrow().status()).isEqualTo(RequestStatus.DONE);
        assertThat(approvals.startOrResume(request.id())).isEmpty();
    }

    @Test
    void aFailedRequestCanBeRetriedWhileItsApproversStillAreApprovers() {
        Approvals approvals = approvals(1);
        ApprovalRequest request = approvals.open(Requests.grantToSvcSync());
        approvals.decide(request.number(), MEGAN, Verdict.APPROVE, null, null);
        approvals.startOrResume(request.id());
        approvals.finishExecution(request.id(), false, "stopped: no mailbox");

        Approvals.RetryResult retried = approvals.retry(request.number(), ALEX);

        assertThat(retried.refusal()).isNull();
        assertThat(retried.request().status()).isEqualTo(RequestStatus.EXECUTING);
        assertThat(retried.request().outcome()).isNull();
        assertThat(published).anyMatch(ApprovalEvent.ExecutionRetried.class::isInstance);
        assertThat(approvals.awaitingExecution()).containsExactly(request.id());
    }

    @Test
    void aRetryIsRefusedWhenAnApproverLeftTheGroupAndOnlyAFailedRequestCanBeRetried() {
        Approvals approvals = approvals(1);
        ApprovalRequest request = approvals.open(Requests.grantToSvcSync());
        assertThatRefused(() -> approvals.retry(request.number(), ALEX), "cannot be retried: it is waiting");
        approvals.decide(request.number(), MEGAN, Verdict.APPROVE, null, null);
        approvals.startOrResume(request.id());
        approvals.finishExecution(request.id(), false, "stopped");
        approversNow.remove(MEGAN.aadObjectId());

        Approvals.RetryResult retried = approvals.retry(request.number(), ALEX);

        assertThat(retried.refusal()).contains("Megan Bowen is no longer in the approvers group");
        assertThat(store.byNumber(request.number()).orElseThrow().status()).isEqualTo(RequestStatus.FAILED);
    }

    @Test
    void theRequesterAbandonsAFailedRequestAndItCanNoLongerBeRetried() {
        Approvals approvals = approvals(1);
        ApprovalRequest request = approvals.open(Requests.grantToSvcSync());
        approvals.decide(request.number(), MEGAN, Verdict.APPROVE, null, null);
        approvals.startOrResume(request.id());
        approvals.finishExecution(request.id(), false, "stopped");

        assertThat(approvals.cancel(request.number(), ALEX).status()).isEqualTo(RequestStatus.CANCELLED);
        assertThatRefused(() -> approvals.retry(request.number(), ALEX), "cannot be retried: it is cancelled");
        assertThat(approvals.awaitingExecution()).isEmpty();
    }

    private static void assertThatRefused(Runnable move, String reason) {
        org.assertj.core.api.Assertions.assertThatThrownBy(move::run)
                .isInstanceOf(IllegalRequestMove.class)
                .hasMessageContaining(reason);
    }

    @Test
    void theRequesterSeesTheirOwnRequestsAndApproversSeeWhatIsPending() {
        Approvals approvals = approvals(1);
        ApprovalRequest mine = approvals.open(Requests.grantToSvcSync());
        approvals.cancel(mine.number(), ALEX);
        now = NOW.plus(Duration.ofMinutes(1));
        ApprovalRequest waiting = approvals.open(Requests.grantToSvcSync());

        assertThat(approvals.list(RequestFilter.MINE, ALEX, 50))
                .extracting(ApprovalRequest::number)
                .containsExactly(waiting.number(), mine.number());
        assertThat(approvals.list(RequestFilter.PENDING, MEGAN, 50))
                .extracting(ApprovalRequest::number)
                .containsExactly(waiting.number());
    }

    @Test
    void anApproverWhoWasNotReachedIsOfferedThePendingRequestsTheRulesLetThemDecideOldestFirst() {
        Approvals approvals = approvals(2);
        ApprovalRequest first = approvals.open(Requests.grantToSvcSync());
        now = NOW.plus(Duration.ofMinutes(1));
        ApprovalRequest second = approvals.open(Requests.grantToSvcSync());
        ApprovalRequest decidedByMegan = approvals.open(Requests.grantToSvcSync());
        approvals.decide(decidedByMegan.number(), MEGAN, Verdict.APPROVE, null, null);
        ApprovalRequest rejected = approvals.open(Requests.grantToSvcSync());
        approvals.decide(rejected.number(), ADELE, Verdict.REJECT, "no", null);
        ApprovalRequest cancelled = approvals.open(Requests.grantToSvcSync());
        approvals.cancel(cancelled.number(), ALEX);

        assertThat(approvals.awaitingDecisionBy(MEGAN.aadObjectId()))
                .extracting(ApprovalRequest::number)
                .containsExactly(first.number(), second.number());
    }

    @Test
    void anExpiredRequestIsNotOfferedEvenBeforeTheExpiryCheckRan() {
        Approvals approvals = approvals(1);
        approvals.open(Requests.grantToSvcSync());
        now = NOW.plus(Duration.ofHours(24));

        assertThat(approvals.awaitingDecisionBy(MEGAN.aadObjectId())).isEmpty();
    }

    @Test
    void theRequesterTheTargetAndSomeoneOutsideTheSnapshotAreOfferedNothing() {
        Approvals approvals = approvals(1);
        approversNow.addAll(Set.of(ALEX.aadObjectId(), Requests.SVC_SYNC.aadObjectId()));
        store.save(Requests.pending(1));
        approversNow.add(Requests.ISAIAH.aadObjectId());

        assertThat(approvals.awaitingDecisionBy(ALEX.aadObjectId()))
                .as("the requester")
                .isEmpty();
        assertThat(approvals.awaitingDecisionBy(Requests.SVC_SYNC.aadObjectId()))
                .as("the account that would gain access")
                .isEmpty();
        assertThat(approvals.awaitingDecisionBy(Requests.ISAIAH.aadObjectId()))
                .as("added to the approvers group after the request opened")
                .isEmpty();
        assertThat(approvals.awaitingDecisionBy(MEGAN.aadObjectId())).hasSize(1);
    }

    @Test
    void anApproverWhoLeftTheGroupSinceTheRequestOpenedIsOfferedNothing() {
        Approvals approvals = approvals(1);
        approvals.open(Requests.grantToSvcSync());
        approversNow.remove(MEGAN.aadObjectId());

        assertThat(approvals.awaitingDecisionBy(MEGAN.aadObjectId())).isEmpty();
        assertThat(approvals.awaitingDecisionBy(ADELE.aadObjectId())).hasSize(1);
    }
}
