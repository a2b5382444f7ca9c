package io.serviceaccountbot.chat.approvals;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.serviceaccountbot.approval.ApprovalPolicy;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.ApprovalRule.RuleResult;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.chat.ApprovalCards;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.ConversationReference;
import io.serviceaccountbot.teams.ConversationReferences;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who sees which approval card. Someone sees Approve and Reject only when the approval rules would let them decide
 * now (an eligible approver, not the requester, the target or a member of its group, who has not decided yet, on a pending request); everyone
 * else sees the status. The refresh goes to the eligible approvers' Teams user ids, from their personal chats with the
 * bot. Nothing here calls the tenant, so a card can be rendered within an invoke's time limit.
 */
@Component
public class ApprovalCardViews {

    /** Teams honours at most 60 user ids in {@code refresh.userIds}. */
    static final int MAX_REFRESH_USERS = 60;

    private final ConversationReferences references;
    private final Clock clock;
    private final ApprovalPolicy policy = ApprovalPolicy.standard();
    private final Cache<String, List<String>> refreshUserIds = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000)
            .build();

    public ApprovalCardViews(ConversationReferences references, Clock clock) {
        this.references = references;
        this.clock = clock;
    }

    /** The card as this person sees it, with {@code notice} (the answer to their click) on top. */
    public ObjectNode forViewer(ApprovalRequest request, String aadObjectId, String notice) {
        return ApprovalCards.card(request, mayDecide(request, aadObjectId), refreshUserIds(request), notice, List.of());
    }

    /** The card everyone may see: the status, and a refresh that gives approvers their buttons. */
    public ObjectNode shared(ApprovalRequest request, List<String> notes) {
        return ApprovalCards.card(request, false, refreshUserIds(request), null, notes);
    }

    BotMessage message(ApprovalRequest request, ObjectNode card) {
        return BotMessage.card(ApprovalCards.summary(request), card);
    }

    /** Whether the rules let this person decide the request now. */
    boolean mayDecide(ApprovalRequest request, String aadObjectId) {
        if (aadObjectId == null || aadObjectId.isBlank()) {
            return false;
        }
        Person viewer = new Person(aadObjectId, null);
        return request.decisionOf(viewer).isEmpty()
                && policy.check(request, viewer, clock.instant()) instanceof RuleResult.Allowed;
    }

    /** Whether this person may read the whole request: its requester, or one of its eligible approvers. */
    public static boolean mayRead(ApprovalRequest request, String aadObjectId) {
        return aadObjectId != null
                && (request.requester().is(aadObjectId)
                        || request.eligibleApprovers().stream().anyMatch(aadObjectId::equalsIgnoreCase));
    }

    /** Forgets whom the request's refresh goes to: an approver opened a personal chat with the bot. */
    void approverChatsChanged(String requestNumber) {
        refreshUserIds.invalidate(requestNumber);
    }

    /**
     * The approvers who may decide: not the requester, the target account, or a member of the group through which it
     * gains access.
     */
    public static List<String> deciders(ApprovalRequest request) {
        return request.possibleDeciders();
    }

    private List<String> refreshUserIds(ApprovalRequest request) {
        if (request.status() != RequestStatus.PENDING) {
            return List.of();
        }
        return refreshUserIds.get(
                request.number().value(),
                number -> deciders(request).stream()
                        .flatMap(approver -> references.personalChatsOf(approver).stream())
                        .map(ConversationReference::userId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .limit(MAX_REFRESH_USERS)
                        .toList());
    }
}
