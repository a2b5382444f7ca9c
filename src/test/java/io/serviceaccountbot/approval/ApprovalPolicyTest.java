package io.serviceaccountbot.approval;

import static io.serviceaccountbot.approval.Requests.ADELE;
import static io.serviceaccountbot.approval.Requests.ALEX;
import static io.serviceaccountbot.approval.Requests.ISAIAH;
import static io.serviceaccountbot.approval.Requests.MEGAN;
import static io.serviceaccountbot.approval.Requests.NOW;
import static io.serviceaccountbot.approval.Requests.SVC_SYNC;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalRule.RuleResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each rule on its own: it refuses what it must, with a reason a person can read, and allows the rest. */
class ApprovalPolicyTest {

    private final ApprovalRequest request = Requests.pending(1);

    private static String refusal(RuleResult result) {
        assertThat(result).isInstanceOf(RuleResult.Refused.class);
        return ((RuleResult.Refused) result).reason();
    }

    @Test
    void onlyAnApproverMayDecide() {
        assertThat(refusal(ApprovalPolicy.MUST_BE_AN_APPROVER.check(request, ISAIAH, NOW)))
                .contains("Only members of the approvers group");
        assertThat(ApprovalPolicy.MUST_BE_AN_APPROVER.check(request, MEGAN, NOW))
                .isEqualTo(RuleResult.ALLOWED);
    }

    @Test
    void theRequesterMayNotApproveTheirOwnRequest() {
        assertThat(refusal(ApprovalPolicy.REQUESTER_MAY_NOT_DECIDE.check(request, ALEX, NOW)))
                .contains("You asked for this yourself");
        assertThat(ApprovalPolicy.REQUESTER_MAY_NOT_DECIDE.check(request, MEGAN, NOW))
                .isEqualTo(RuleResult.ALLOWED);
    }

    @Test
    void theTargetAccountMayNotApproveEither() {
        assertThat(refusal(ApprovalPolicy.TARGET_MAY_NOT_DECIDE.check(request, SVC_SYNC, NOW)))
                .contains("gives your own account access");
        assertThat(ApprovalPolicy.TARGET_MAY_NOT_DECIDE.check(request, ADELE, NOW))
                .isEqualTo(RuleResult.ALLOWED);
    }

    @Test
    void aMemberOfTheGroupThroughWhichAccessIsGrantedMayNotDecideAndIsToldWhy() {
        ApprovalRequest viaGroup = Requests.pendingViaGroup(1, "Sales Sync", MEGAN);

        assertThat(refusal(ApprovalPolicy.BENEFICIARY_MAY_NOT_DECIDE.check(viaGroup, MEGAN, NOW)))
                .isEqualTo("This request gives you access (you are a member of group 'Sales Sync'), so another"
                        + " approver has to decide it.");
        assertThat(ApprovalPolicy.BENEFICIARY_MAY_NOT_DECIDE.check(viaGroup, ADELE, NOW))
                .isEqualTo(RuleResult.ALLOWED);
        assertThat(refusal(ApprovalPolicy.standard().check(viaGroup, MEGAN, NOW)))
                .as("the standard policy has the rule")
                .contains("you are a member of group 'Sales Sync'");
    }

    @Test
    void withoutAGroupNobodyIsRefusedAsAMember() {
        assertThat(ApprovalPolicy.BENEFICIARY_MAY_NOT_DECIDE.check(request, MEGAN, NOW))
                .isEqualTo(RuleResult.ALLOWED);
    }

    @Test
    void theMembersWhoGainAccessAreNotAmongThePossibleDeciders() {
        ApprovalRequest viaGroup = Requests.pendingViaGroup(2, "Sales Sync", MEGAN);

        assertThat(viaGroup.possibleDeciders())
                .as("not Alex who asked, not svc-sync, not Megan who is in the group")
                .containsExactly(ADELE.aadObjectId());
        assertThat(viaGroup.possibleDeciders().size())
                .as("so a quorum of 2 cannot be reached")
                .isLessThan(viaGroup.quorum());
    }

    @Test
    void anExpiredRequestCannotBeDecidedAndSaysWhenItExpired() {
        assertThat(refusal(ApprovalPolicy.MUST_NOT_BE_EXPIRED.check(request, MEGAN, NOW.plus(Duration.ofHours(24)))))
                .contains("expired on 27 Nov 2026 10:00 UTC")
                .contains("can ask again");
        assertThat(ApprovalPolicy.MUST_NOT_BE_EXPIRED.check(request, MEGAN, NOW.plus(Duration.ofHours(23))))
                .isEqualTo(RuleResult.ALLOWED);
    }

    @Test
    void onlyAPendingRequestCanBeDecided() {
        request.cancel(ALEX);

        assertThat(refusal(ApprovalPolicy.MUST_BE_PENDING.check(request, MEGAN, NOW)))
                .contains("is cancelled already");
    }

    @Test
    void theStandardPolicyGivesTheFirstRefusal() {
        assertThat(refusal(ApprovalPolicy.standard().check(request, ALEX, NOW))).contains("You asked for this");
        assertThat(ApprovalPolicy.standard().check(request, MEGAN, NOW)).isEqualTo(RuleResult.ALLOWED);
    }
}
