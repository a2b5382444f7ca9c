package io.serviceaccountbot.approval;

import static io.serviceaccountbot.approval.Requests.ADELE;
import static io.serviceaccountbot.approval.Requests.ALEX;
import static io.serviceaccountbot.approval.Requests.MEGAN;
import static io.serviceaccountbot.approval.Requests.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceaccountbot.approval.ApprovalRequest.DecisionOutcome;
import io.serviceaccountbot.approval.Decision.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every legal move of a request's life, and the illegal ones refused with a named reason. */
class ApprovalRequestLifeTest {

    private final ApprovalPolicy policy = ApprovalPolicy.standard();

    @Test
    void aNewRequestWaitsForApprovalAndSaysSo() {
        ApprovalRequest request = Requests.pending(1);

        assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(request.number().value()).matches("R-[0-9A-HJKMNP-TV-Z]{6}");
        assertThat(request.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(request.pullEvents()).singleElement().isInstanceOf(ApprovalEvent.Requested.class);
    }

    @Test
    void oneApprovalOfAQuorumOfOneApproves() {
        ApprovalRequest request = Requests.pending(1);
        int card = request.cardVersion();

        DecisionOutcome outcome = request.decide(MEGAN, Verdict.APPROVE, "ok", NOW, policy);

        assertThat(outcome).isInstanceOf(DecisionOutcome.Recorded.class);
        assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(request.cardVersion()).isGreaterThan(card);
        assertThat(request.pullEvents()).last().isInstanceOf(ApprovalEvent.Approved.class);
    }

    @Test
    void aQuorumOfTwoNeedsTwoDistinctApprovers() {
        ApprovalRequest request = Requests.pending(2);

        request.decide(MEGAN, Verdict.APPROVE, null, NOW, policy);
        assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(request.pullEvents()).last().isInstanceOf(ApprovalEvent.ApprovalGiven.class);

        assertThat(request.decide(MEGAN, Verdict.APPROVE, null, NOW, policy))
                .as("the same approver twice is one approval")
                .isInstanceOf(DecisionOutcome.AlreadyDecided.class);
        assertThat(request.status()).isEqualTo(RequestStatus.PENDING);

        request.decide(ADELE, Verdict.APPROVE, null, NOW, policy);
        assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(request.approvals()).isEqualTo(2);
    }

    @Test
    void oneRejectionRejectsEvenAfterAnApproval() {
        ApprovalRequest request = Requests.pending(2);
        request.decide(MEGAN, Verdict.APPROVE, null, NOW, policy);

        request.decide(ADELE, Verdict.REJECT, "not approved by the mailbox owner", NOW, policy);

        assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(request.decisionOf(ADELE).orElseThrow().comment()).isEqualTo("not approved by the mailbox owner");
    }

    @Test
    void aRefusedDecisionChangesNothing() {
        ApprovalRequest request = Requests.pending(1);
        request.pullEvents();
        int card = request.cardVersion();

        DecisionOutcome outcome = request.decide(ALEX, Verdict.APPROVE, null, NOW, policy);

        assertThat(outcome).isInstanceOf(DecisionOutcome.Refused.class);
        assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(request.decisions()).isEmpty();
        assertThat(request.cardVersion()).isEqualTo(card);
        assertThat(request.pullEvents()).isEmpty();
    }

    @Test
    void aDecisionAfterExpiryExpiresTheRequestAndIsRefused() {
        ApprovalRequest request = Requests.pending(1);
        request.pullEvents();

        DecisionOutcome outcome = request.decide(MEGAN, Verdict.APPROVE, null, NOW.plus(Duration.ofDays(2)), policy);

        assertThat(outcome).isInstanceOf(DecisionOutcome.Refused.class);
        assertThat(((DecisionOutcome.Refused) outcome).reason()).contains("expired");
        assertThat(request.status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(request.pullEvents()).singleElement().isInstanceOf(ApprovalEvent.Expired.class);
    }

    @Test
    void expiryOnlyTakesAPendingRequestWhoseTimeIsUp() {
        ApprovalRequest request = Requests.pending(1);

        assertThat(request.expireIfDue(NOW.plus(Duration.ofHours(1)))).isFalse();
        assertThat(request.expireIfDue(NOW.plus(Duration.ofHours(24)))).isTrue();
        assertThat(request.expireIfDue(NOW.plus(Duration.ofHours(48)))).isFalse();
        assertThat(request.status()).isEqualTo(RequestStatus.EXPIRED);
    }

    @Test
    void theRequesterMayCancelWhilePendingAndNobodyElseMay() {
        ApprovalRequest request = Requests.pending(1);

        assertThatThrownBy(() -> request.cancel(MEGAN))
                .isInstanceOf(NotTheRequester.class)
                .hasMessageContaining("Only Alex Wilber");
        request.cancel(ALEX);
        assertThat(request.status()).isEqualTo(RequestStatus.CANCELLED);

        assertThatThrownBy(() -> request.cancel(ALEX))
                .isInstanceOf(IllegalRequestMove.class)
                .hasMessageContaining("cannot be cancelled: it is cancelled");
    }

    @Test
    void aDecidedRequestCannotBeCancelled() {
        ApprovalRequest request = Requests.pending(1);
        request.decide(MEGAN, Verdict.APPROVE, null, NOW, policy);

        assertThatThrownBy(() -> request.cancel(ALEX)).isInstanceOf(IllegalRequestMove.class);
    }

    @Test
    void anApprovedRequestExecutesAndEndsDoneOrFailed() {
        ApprovalRequest done = Requests.pending(1);
        done.decide(MEGAN, Verdict.APPROVE, null, NOW, policy);
        done.startExecution();
        assertThat(done.status()).isEqualTo(RequestStatus.EXECUTING);
        done.finishExecution(true, "role group ready");
        assertThat(done.status()).isEqualTo(RequestStatus.DONE);
        assertThat(done.outcome()).isEqualTo("role group ready");

        ApprovalRequest failed = Requests.pending(1);
        failed.decide(MEGAN, Verdict.APPROVE, null, NOW, policy);
        failed.startExecution();
        failed.finishExecution(false, "Exchange refused");
        assertThat(failed.status()).isEqualTo(RequestStatus.FAILED);
    }

    @Test
    void nothingRunsBeforeApprovalOrTwice() {
        ApprovalRequest request = Requests.pending(1);

        assertThatThrownBy(request::startExecution)
                .isInstanceOf(IllegalRequestMove.class)
                .hasMessageContaining("cannot start executing: it is waiting for approval");
        assertThatThrownBy(() -> request.finishExecution(true, "x")).isInstanceOf(IllegalRequestMove.class);

        request.decide(MEGAN, Verdict.APPROVE, null, NOW, policy);
        request.startExecution();
        assertThatThrownBy(request::startExecution).isInstanceOf(IllegalRequestMove.class);
    }

    @Test
    void aRejectedRequestNeverExecutes() {
        ApprovalRequest request = Requests.pending(1);
        request.decide(MEGAN, Verdict.REJECT, "no", NOW, policy);

        assertThatThrownBy(request::startExecution).isInstanceOf(IllegalRequestMove.class);
    }

    @Test
    void anApprovalWhoseApproverLeftTheGroupIsWithdrawnAndTheRequestWaitsAgain() {
        ApprovalRequest request = Requests.pending(1);
        request.decide(MEGAN, Verdict.APPROVE, null, NOW, policy);

        request.withdrawApproval(MEGAN, "Megan Bowen is no longer in the approvers group");

        assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(request.decisions()).isEmpty();
        assertThat(request.pullEvents()).last().isInstanceOf(ApprovalEvent.ApprovalWithdrawn.class);
    }
}
