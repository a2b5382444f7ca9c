package io.serviceaccountbot.chat.approvals;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.chat.ReportCards;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.execution.PlanPaused;
import io.serviceaccountbot.execution.PlanProgress;
import io.serviceaccountbot.teams.BotConnector;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.ConnectorException;
import io.serviceaccountbot.teams.ConversationReference;
import io.serviceaccountbot.teams.ConversationReferences;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One progress card per approved plan, in the conversation where the requester asked: posted when the first step
 * starts, then replaced in place as steps start and end, and at the end replaced by the report. Changes that come
 * close together are merged: a card is replaced at most once per {@link #MIN_INTERVAL} (the last state, the report,
 * at once, even when an update is waiting for its turn; it is shown once), always with the latest state, so a fast plan sends a few updates instead of one per step and stays well
 * inside Teams' send limits. The card's
 * activity id is stored with the approval card copies, so a run resumed on another replica updates the same card.
 */
@Component
class ProgressCards implements AutoCloseable {

    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ProgressCards.class);

    private final Approvals approvals;
    private final ApprovalCardCopies copies;
    private final ConversationReferences references;
    private final BotConnector connector;
    private final ApprovalCardUpdates updates;
    private final Cache<String, Pending> latest =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofDays(1)).build();
    private final Cache<String, Long> lastSent =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).build();
    private final Set<String> due = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress-cards");
        thread.setDaemon(true);
        return thread;
    });

    ProgressCards(
            Approvals approvals,
            ApprovalCardCopies copies,
            ConversationReferences references,
            BotConnector connector,
            ApprovalCardUpdates updates) {
        this.approvals = approvals;
        this.copies = copies;
        this.references = references;
        this.connector = connector;
        this.updates = updates;
    }

    /** A step started or ended. The events of one run come in order, from the thread that runs it. */
    @EventListener
    void onProgress(PlanProgress progress) {
        show(progress.requestNumber(), ReportCards.progress(progress));
    }

    /**
     * The replica running the plan stopped answering (noticed here, on another replica): the card says the run is
     * paused and resumes on another replica, until the resumed run's progress replaces it.
     */
    @EventListener
    void onPaused(PlanPaused paused) {
        show(paused.requestNumber(), ReportCards.paused(paused));
    }

    /** Shows {@code card} as the request's progress card: soon, merged with any change that follows quickly. */
    void show(String requestNumber, BotMessage card) {
        show(requestNumber, card, null);
    }

    /**
     * Shows the last state of the card, then runs {@code after} on the request's queue (e.g. the verification report,
     * which should come after the card it follows). Nothing may be shown for the request after this.
     */
    void showLast(String requestNumber, BotMessage card, Runnable after) {
        show(requestNumber, card, after);
    }

    private void show(String requestNumber, BotMessage card, Runnable after) {
        latest.put(requestNumber, new Pending(card, after));
        boolean alreadyDue = !due.add(requestNumber);
        if (alreadyDue && after == null) {
            return;
        }
        Long sent = lastSent.getIfPresent(requestNumber);
        long wait = sent == null || after != null ? 0 : Math.max(0, sent + MIN_INTERVAL.toNanos() - System.nanoTime());
        timer.schedule(() -> updates.enqueue(requestNumber, () -> send(requestNumber)), wait, TimeUnit.NANOSECONDS);
    }

    private void send(String requestNumber) {
        due.remove(requestNumber);
        Pending pending = latest.getIfPresent(requestNumber);
        if (pending == null) {
            return;
        }
        if (pending.after() != null) {
            latest.invalidate(requestNumber);
        }
        try {
            send(requestNumber, pending.card(), pending.after() != null);
        } finally {
            if (pending.after() != null) {
                pending.after().run();
            }
        }
    }

    /**
     * Posts or replaces the card. A progress card (not the last one) is shown only while the request is being carried
     * out: a replica that was paused with a card waiting, and wakes after another replica finished the run, must not
     * put its stale progress over the report.
     */
    private void send(String requestNumber, BotMessage card, boolean last) {
        Optional<ApprovalRequest> request = approvals.find(RequestId.of(requestNumber));
        if (request.isEmpty() || (!last && request.get().status() != RequestStatus.EXECUTING)) {
            return;
        }
        lastSent.put(requestNumber, System.nanoTime());
        List<ApprovalCardCopies.CardCopy> posted = copies.of(requestNumber).stream()
                .filter(copy -> copy.audience() == ApprovalCardCopies.Audience.PROGRESS)
                .toList();
        try {
            if (posted.isEmpty()) {
                for (ConversationReference chat : updates.requesterChats(request.get())) {
                    String activityId = connector.post(chat, card);
                    if (activityId != null && !activityId.isEmpty()) {
                        copies.add(new ApprovalCardCopies.CardCopy(
                                requestNumber, chat.key(), activityId, ApprovalCardCopies.Audience.PROGRESS));
                    }
                }
                return;
            }
            for (ApprovalCardCopies.CardCopy copy : posted) {
                Optional<ConversationReference> to = references.find(
                        copy.conversation().serviceUrl(), copy.conversation().conversationId());
                if (to.isPresent()) {
                    connector.update(to.get(), copy.activityId(), card);
                }
            }
        } catch (ConnectorException e) {
            log.warn("Could not show the progress of request {}: {}", requestNumber, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The card to show, and what to do once it is shown (or null). */
    private record Pending(BotMessage card, Runnable after) {}
}
