package io.serviceaccountbot.teams;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.serviceaccountbot.audit.AuditLog;
import io.serviceaccountbot.identity.BotIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends a checked activity where it belongs: messages to the turn queue, card actions to an immediate answer,
 * installation and conversation updates to the conversation store. Activities from another tenant get a polite
 * refusal and nothing else. A message Teams delivers again (same activity id in the same conversation) is acknowledged
 * and not answered twice.
 *
 * <p>A personal chat opens with an installationUpdate ({@code add}) and a conversationUpdate (the bot or the user
 * added), in either order, each perhaps delivered twice, perhaps to two replicas: the first of them claims the opening
 * ({@link ConversationClaims}) and queues it (the welcome, then the approval cards waiting for that person); the others
 * are acknowledged and change nothing. A bot added to a channel or group chat says hello there.
 */
@Component
class ActivityRouter {

    private static final Logger audit = LoggerFactory.getLogger("audit");
    private static final Logger log = LoggerFactory.getLogger(ActivityRouter.class);

    /** The installationUpdate action of a new install (not an upgrade, not a removal). */
    static final String INSTALLED = "add";

    private final BotIdentity identity;
    private final ConversationReferences references;
    private final TurnQueue turns;
    private final Conversation conversation;
    private final RedeliveryWindow redeliveries;
    private final ConversationClaims claims;
    private final PendingTurnLimits limits;
    private final SlowDownNotices slowDown;
    private final ObservationRegistry observations;

    ActivityRouter(
            BotIdentity identity,
            ConversationReferences references,
            TurnQueue turns,
            Conversation conversation,
            RedeliveryWindow redeliveries,
            ConversationClaims claims,
            PendingTurnLimits limits,
            SlowDownNotices slowDown,
            ObservationRegistry observations) {
        this.identity = identity;
        this.references = references;
        this.turns = turns;
        this.conversation = conversation;
        this.redeliveries = redeliveries;
        this.claims = claims;
        this.limits = limits;
        this.slowDown = slowDown;
        this.observations = observations;
    }

    ResponseEntity<?> route(Activity activity) {
        String type = activity.type();
        if (ActivityTypes.IGNORED.contains(type)) {
            return ResponseEntity.ok().build();
        }
        ConversationReference reference = ConversationReference.of(activity);
        if (!identity.serves(activity.tenantId())) {
            return refuseForeignTenant(activity, reference);
        }
        return switch (type) {
            case ActivityTypes.MESSAGE -> {
                references.save(reference);
                yield answerOnce(activity, reference);
            }
            case ActivityTypes.INVOKE -> {
                try (MDC.MDCCloseable context = MDC.putCloseable(AuditLog.CONVERSATION, reference.conversationId())) {
                    yield Observation.createNotStarted("bot.card.action", observations)
                            .contextualName("card action")
                            .observe(() -> conversation.cardAction(activity));
                }
            }
            case ActivityTypes.CONVERSATION_UPDATE -> {
                references.save(reference);
                if (reference.isPersonal() && someoneWasAdded(activity)) {
                    yield openOnce(reference);
                }
                yield botWasAdded(activity)
                        ? queue(reference, "welcome", null, null, () -> conversation.welcome(reference))
                        : ResponseEntity.ok().build();
            }
            case ActivityTypes.INSTALLATION_UPDATE -> {
                references.save(reference);
                yield reference.isPersonal() && INSTALLED.equals(activity.action())
                        ? openOnce(reference)
                        : ResponseEntity.ok().build();
            }
            default -> {
                references.save(reference);
                yield ResponseEntity.ok().build();
            }
        };
    }

    /**
     * Queues the answer unless the message was taken on already (a redelivery). When it cannot be queued, the claim is
     * released, so that Teams' next delivery is answered.
     */
    private ResponseEntity<?> answerOnce(Activity activity, ConversationReference reference) {
        if (!redeliveries.takeOn(reference.key(), activity.id())) {
            log.info("Ignored a redelivered message {}", LogSafe.of(activity.id()));
            return ResponseEntity.ok().build();
        }
        ResponseEntity<?> queued = null;
        try {
            queued = queue(
                    reference,
                    "message",
                    senderOf(activity),
                    activity.id(),
                    () -> conversation.message(activity, reference));
            return queued;
        } finally {
            if (queued == null || !queued.getStatusCode().is2xxSuccessful()) {
                redeliveries.release(reference.key(), activity.id());
            }
        }
    }

    /**
     * Queues the opening of a personal chat unless it was claimed already (the other update of the same install, or a
     * redelivery); when it cannot be queued, the claim is released, so that Teams' next delivery opens it.
     */
    private ResponseEntity<?> openOnce(ConversationReference reference) {
        if (!claims.claim(reference.key(), ConversationClaims.PERSONAL_CHAT_OPENED)) {
            log.debug("Personal chat {} was opened already", LogSafe.of(reference.conversationId()));
            return ResponseEntity.ok().build();
        }
        ResponseEntity<?> queued = null;
        try {
            queued = queue(reference, "chat opened", null, null, () -> conversation.personalChatOpened(reference));
            return queued;
        } finally {
            if (queued == null || !queued.getStatusCode().is2xxSuccessful()) {
                claims.release(reference.key(), ConversationClaims.PERSONAL_CHAT_OPENED);
            }
        }
    }

    /**
     * Queues a turn unless its conversation or its sender has too many pending ({@link PendingTurnLimits}), or the
     * queue as a whole is full.
     *
     * <p>Over its own limit, a conversation's activity is acknowledged with 200 and not answered, and a skipped
     * message gets the slow-down notice (at most once per window). Not 429 or 503: for the Bot Connector service any
     * non-2xx answer is a failed delivery, which it may deliver again (the reason this bot remembers message ids), and
     * it documents no backoff for a bot's 429 (Microsoft's rate-limit guidance is for the bot's calls to the
     * connector); re-sending exactly the excess would keep the flood going, and the user would see an error instead
     * of a sentence. Only when the queue as a whole is full, which a single conversation can no longer cause, does
     * the bot answer 503 with Retry-After.
     *
     * <p>The turn is a {@code bot.turn} observation (a span, and a timer by {@code kind}) under the request that
     * brought it, so that a turn's trace holds its request, its answer and the tenant calls it made.
     *
     * @param kind what the turn answers: a message, a welcome, an opened chat, another tenant's message
     * @param sender who sent the activity, for the per-sender limit; null to count only the conversation
     * @param messageId the message to answer with the slow-down notice if it is skipped; null for none
     */
    private ResponseEntity<?> queue(
            ConversationReference reference, String kind, String sender, String messageId, Runnable turn) {
        PendingTurnLimits.Admission admission = limits.admit(reference.key(), sender);
        if (admission == null) {
            if (messageId != null) {
                slowDown.skipped(reference, messageId);
            }
            return ResponseEntity.ok().build();
        }
        Observation request = observations.getCurrentObservation();
        Runnable counted = () -> {
            try {
                Observation.createNotStarted("bot.turn", observations)
                        .parentObservation(request)
                        .contextualName("turn: " + kind)
                        .lowCardinalityKeyValue("kind", kind)
                        .observe(turn);
            } finally {
                admission.release();
            }
        };
        if (turns.offer(reference.key(), counted)) {
            return ResponseEntity.ok().build();
        }
        admission.release();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(ActivityController.error("Busy", "The bot is answering too many messages; try again shortly."));
    }

    private ResponseEntity<?> refuseForeignTenant(Activity activity, ConversationReference reference) {
        audit.warn(
                "refused activity type={} from tenant={} user={} conversation={}: not the configured tenant",
                LogSafe.of(activity.type()),
                LogSafe.of(activity.tenantId()),
                LogSafe.of(activity.from() == null ? null : activity.from().aadObjectId()),
                LogSafe.of(reference.conversationId()));
        return switch (activity.type()) {
            case ActivityTypes.MESSAGE ->
                queue(
                        reference,
                        "another tenant",
                        senderOf(activity),
                        activity.id(),
                        () -> conversation.foreignTenant(activity, reference));
            case ActivityTypes.INVOKE -> ResponseEntity.ok(InvokeResponse.message(Conversation.FOREIGN_TENANT));
            default -> ResponseEntity.ok().build();
        };
    }

    /** The sender's Entra object id, or their Teams id when Teams gave none; null when neither is known. */
    private static String senderOf(Activity activity) {
        if (activity.from() == null) {
            return null;
        }
        String aad = activity.from().aadObjectId();
        return aad != null && !aad.isBlank() ? aad : activity.from().id();
    }

    /** In a personal chat the members are the bot and the user: either being added starts the conversation. */
    private static boolean someoneWasAdded(Activity activity) {
        return activity.membersAdded() != null && !activity.membersAdded().isEmpty();
    }

    private static boolean botWasAdded(Activity activity) {
        return activity.membersAdded() != null
                && activity.recipient() != null
                && activity.membersAdded().stream()
                        .anyMatch(member -> activity.recipient().id().equals(member.id()));
    }
}
