package io.serviceaccountbot.teams;

import io.serviceaccountbot.audit.AuditLog;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Answers messages after their HTTP request has been acknowledged, on a fixed set of workers (virtual threads: a turn
 * mostly waits for the tenant and the Bot Connector, and a parked virtual thread holds no platform thread), one turn at a time per
 * conversation so that answers keep the order of the questions. At most {@code maxPending} turns wait; beyond that
 * {@link #offer} refuses, and the caller tells Teams to come back later instead of queueing without bound. The same
 * queue, keyed by request number, keeps the card updates of one approval request in order. A conversation's turn runs
 * with the conversation named in the logging context, where the audit log finds it.
 */
public class TurnQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TurnQueue.class);

    private final ExecutorService workers;
    private final Semaphore pending;
    private final ConcurrentHashMap<Object, Mailbox> mailboxes = new ConcurrentHashMap<>();

    public TurnQueue(int workers, int maxPending) {
        this("turn", workers, maxPending);
    }

    public TurnQueue(String threadName, int workers, int maxPending) {
        this.workers = Executors.newFixedThreadPool(
                workers, Thread.ofVirtual().name(threadName + "-", 1).factory());
        this.pending = new Semaphore(maxPending);
    }

    /**
     * Queues a turn behind the earlier turns with the same key (a conversation); false when too many turns are
     * waiting.
     */
    public boolean offer(Object conversation, Runnable turn) {
        if (!pending.tryAcquire()) {
            return false;
        }
        Mailbox mailbox = mailboxes.compute(conversation, (key, existing) -> {
            Mailbox target = existing == null ? new Mailbox(key) : existing;
            target.turns.add(turn);
            return target;
        });
        if (mailbox.scheduled.compareAndSet(false, true)) {
            workers.execute(mailbox::drain);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Shutting down with {} unanswered messages", mailboxes.size());
            workers.shutdownNow();
        }
    }

    private final class Mailbox {
        private final Object key;
        private final Queue<Runnable> turns = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        private Mailbox(Object key) {
            this.key = key;
        }

        private void drain() {
            while (true) {
                Runnable turn;
                while ((turn = turns.poll()) != null) {
                    run(turn);
                }
                scheduled.set(false);
                if (turns.isEmpty() || !scheduled.compareAndSet(false, true)) {
                    mailboxes.computeIfPresent(
                            key, (k, self) -> self.turns.isEmpty() && !self.scheduled.get() ? null : self);
                    return;
                }
            }
        }

        private void run(Runnable turn) {
            try (MDC.MDCCloseable context = key instanceof ConversationReference.Key conversation
                    ? MDC.putCloseable(AuditLog.CONVERSATION, conversation.conversationId())
                    : null) {
                turn.run();
            } catch (RuntimeException e) {
                log.error("A turn failed unexpectedly", e);
            } finally {
                pending.release();
            }
        }
    }
}
