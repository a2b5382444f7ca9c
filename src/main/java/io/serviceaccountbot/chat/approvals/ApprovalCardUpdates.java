package io.serviceaccountbot.chat.approvals;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.teams.BotConnector;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.ConnectorException;
import io.serviceaccountbot.teams.ConversationReference;
import io.serviceaccountbot.teams.ConversationReferences;
import io.serviceaccountbot.teams.TurnQueue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps every posted copy of an approval card showing the request as it stands: after each change, each copy whose
 * version is behind is replaced in place ({@code PUT} on its activity). Work for one request runs in order on its own
 * queue, away from the thread that changed the request, and always renders the stored request rather than the event,
 * so updates that arrive close together end with the latest state.
 */
@Component
class ApprovalCardUpdates implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApprovalCardUpdates.class);

    /** How many times the copies are replaced in a row while the request keeps changing underneath. */
    private static final int MAX_ROUNDS = 3;

    private final Approvals approvals;
    private final ApprovalCardCopies copies;
    private final ConversationReferences references;
    private final BotConnector connector;
    private final ApprovalCardViews views;
    private final RequesterCardNotes requesterNotes;
    private final TurnQueue queue = new TurnQueue("approval-cards", 4, 20_000);
    private final Cache<ApprovalCardCopies.CardCopy, Integer> shownVersion = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofDays(2))
            .maximumSize(200_000)
            .build();

    ApprovalCardUpdates(
            Approvals approvals,
            ApprovalCardCopies copies,
            ConversationReferences references,
            BotConnector connector,
            ApprovalCardViews views,
            RequesterCardNotes requesterNotes) {
        this.approvals = approvals;
        this.copies = copies;
        this.references = references;
        this.connector = connector;
        this.views = views;
        this.requesterNotes = requesterNotes;
    }

    /** Runs {@code work} after the earlier work for the same request. */
    void enqueue(String requestNumber, Runnable work) {
        if (!queue.offer(requestNumber, work)) {
            log.warn("Too many card updates are waiting; request {}'s cards are not updated now", requestNumber);
        }
    }

    /** Brings every copy of the request's card up to date, later, in order. */
    void refresh(String requestNumber) {
        enqueue(requestNumber, () -> updateCopies(requestNumber));
    }

    /**
     * Redraws the requester's copies of a pending request's card, later, in order, although the request itself did not
     * change: what they say about the approvers (who did not get the card) did.
     */
    void refreshRequesterCopies(String requestNumber) {
        enqueue(requestNumber, () -> redrawRequesterCopies(requestNumber));
    }

    private void redrawRequesterCopies(String requestNumber) {
        Optional<ApprovalRequest> found = approvals.find(RequestId.of(requestNumber));
        if (found.isEmpty() || found.get().status() != RequestStatus.PENDING) {
            return;
        }
        for (ApprovalCardCopies.CardCopy copy : copies.of(requestNumber)) {
            if (copy.audience() == ApprovalCardCopies.Audience.REQUESTER && !replace(found.get(), copy)) {
                return;
            }
        }
    }

    /** Remembers which version a newly posted copy shows. */
    void posted(ApprovalCardCopies.CardCopy copy, int cardVersion) {
        copies.add(copy);
        shownVersion.put(copy, cardVersion);
    }

    /** Replaces each copy that shows an older version; now, on the calling thread. */
    void updateCopies(String requestNumber) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<ApprovalRequest> found = approvals.find(RequestId.of(requestNumber));
            if (found.isEmpty()) {
                return;
            }
            ApprovalRequest request = found.get();
            if (!updateCopiesTo(request)) {
                return;
            }
            Optional<ApprovalRequest> after = approvals.find(RequestId.of(requestNumber));
            if (after.isEmpty() || after.get().cardVersion() == request.cardVersion()) {
                return;
            }
            // The request changed while its cards were being replaced (on another replica, say): another update may
            // have landed before this one, so replace them again with the newer state; the last writer is current.
        }
    }

    /** Replaces each copy that shows an older version than {@code request}'s; false when interrupted. */
    private boolean updateCopiesTo(ApprovalRequest request) {
        String requestNumber = request.number().value();
        for (ApprovalCardCopies.CardCopy copy : copies.of(requestNumber)) {
            if (copy.audience() == ApprovalCardCopies.Audience.PROGRESS) {
                continue;
            }
            Integer shown = shownVersion.getIfPresent(copy);
            if (shown != null && shown == request.cardVersion()) {
                continue;
            }
            if (!replace(request, copy)) {
                return false;
            }
        }
        return true;
    }

    /** Replaces one copy with the request as it stands; false when interrupted. */
    private boolean replace(ApprovalRequest request, ApprovalCardCopies.CardCopy copy) {
        String requestNumber = request.number().value();
        Optional<ConversationReference> to = references.find(
                copy.conversation().serviceUrl(), copy.conversation().conversationId());
        if (to.isEmpty()) {
            log.warn("Cannot update a card of request {}: its conversation is unknown", requestNumber);
            return true;
        }
        try {
            connector.update(to.get(), copy.activityId(), views.message(request, cardFor(request, copy, to.get())));
            shownVersion.put(copy, request.cardVersion());
        } catch (ConnectorException e) {
            log.warn("Could not update a card of request {}: {}", requestNumber, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    /** The conversations where the requester asked, or their personal chats when none is known. */
    List<ConversationReference> requesterChats(ApprovalRequest request) {
        List<ConversationReference> asked = copies.of(request.number().value()).stream()
                .filter(copy -> copy.audience() == ApprovalCardCopies.Audience.REQUESTER)
                .map(copy -> references.find(
                        copy.conversation().serviceUrl(), copy.conversation().conversationId()))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        return asked.isEmpty() ? references.personalChatsOf(request.requester().aadObjectId()) : asked;
    }

    /** Posts a message into the requester's conversations. */
    void tellRequester(ApprovalRequest request, BotMessage message) {
        for (ConversationReference chat : requesterChats(request)) {
            try {
                connector.post(chat, message);
            } catch (ConnectorException e) {
                log.warn("Could not tell the requester of {}: {}", request.number(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private ObjectNode cardFor(ApprovalRequest request, ApprovalCardCopies.CardCopy copy, ConversationReference to) {
        return switch (copy.audience()) {
            case APPROVER -> views.forViewer(request, to.userAadObjectId(), null);
            case REQUESTER -> views.shared(request, requesterNotes.of(request));
            case CHANNEL, PROGRESS -> views.shared(request, List.of());
        };
    }

    @Override
    public void close() throws InterruptedException {
        queue.close();
    }
}
