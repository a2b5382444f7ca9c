package io.serviceaccountbot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.serviceaccountbot.access.AccessControl;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.Decision;
import io.serviceaccountbot.approval.DecisionResult;
import io.serviceaccountbot.approval.RequestChangedConcurrently;
import io.serviceaccountbot.chat.approvals.ApprovalCardViews;
import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandParser;
import io.serviceaccountbot.command.ParseResult;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.command.Role;
import io.serviceaccountbot.governance.AccessReviews;
import io.serviceaccountbot.governance.DriftWatch;
import io.serviceaccountbot.teams.Activity;
import io.serviceaccountbot.teams.ActivityCheck;
import io.serviceaccountbot.teams.ActivityController;
import io.serviceaccountbot.teams.ConversationReference;
import io.serviceaccountbot.teams.InvokeResponse;
import io.serviceaccountbot.teams.PendingTurnLimits;
import io.serviceaccountbot.teams.SlowDownNotices;
import io.serviceaccountbot.teams.TurnQueue;
import io.serviceaccountbot.teams.UserText;
import io.serviceaccountbot.tenant.TenantException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers {@code invoke} activities synchronously, within Teams' time limit. Card actions ({@code
 * adaptiveCard/action}) get an invoke response Teams shows in place of the card; other invoke names are not
 * supported and say so.
 *
 * <p>On an approval card: {@code approve} and {@code reject} record a decision through the approval rules and answer
 * with the card as it now stands for the clicker, {@code refresh} answers with the clicker's view and changes nothing.
 * The clicker is whoever Teams says sent the activity ({@code from.aadObjectId}); of the card's data only the request
 * number and the card version are read. None of this calls the tenant. On a justification card, {@code
 * requestApproval} queues the command like a typed one (its roles and plan need the tenant) and answers at once; on
 * the warning before a grant ends, {@code extend} queues the same grant again, for its requester only. On a drift,
 * {@code restore-grant} queues {@code restore … as approved} like a typed command (so it needs the roles and the
 * approval every such request needs), and {@code accept-drift} records the tenant as it is now as approved, for an
 * approver only and only when the drift is still the one on the card. A
 * value longer than its input takes on the card ({@link CardInputLimit}) is refused and nothing is recorded.
 */
@Component
class CardActionTurn {

    static final String ADAPTIVE_CARD_ACTION = "adaptiveCard/action";
    static final String INACTIVE = "This card is no longer active, so nothing changed.";

    private static final Logger log = LoggerFactory.getLogger(CardActionTurn.class);

    private final Approvals approvals;
    private final ApprovalCardViews views;
    private final TurnQueue turns;
    private final MessageTurn messages;
    private final DirectoryPeople people;
    private final PendingTurnLimits limits;
    private final DriftWatch drift;
    private final AccessReviews reviews;
    private final AccessControl access;
    private final Cache<String, Boolean> sentJustifications = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15))
            .maximumSize(10_000)
            .build();

    CardActionTurn(
            Approvals approvals,
            ApprovalCardViews views,
            TurnQueue turns,
            MessageTurn messages,
            DirectoryPeople people,
            PendingTurnLimits limits,
            DriftWatch drift,
            AccessReviews reviews,
            AccessControl access) {
        this.reviews = reviews;
        this.drift = drift;
        this.access = access;
        this.approvals = approvals;
        this.views = views;
        this.turns = turns;
        this.messages = messages;
        this.people = people;
        this.limits = limits;
    }

    ResponseEntity<?> answer(Activity activity) {
        if (!ADAPTIVE_CARD_ACTION.equals(activity.name())) {
            return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED)
                    .body(ActivityController.error(
                            "NotImplemented",
                            "This bot does not handle '" + ActivityCheck.shorten(String.valueOf(activity.name()))
                                    + "' invokes."));
        }
        CardAction action = CardAction.of(activity.value());
        Caller caller = Caller.of(activity);
        if (caller.aadObjectId() == null || caller.aadObjectId().isBlank()) {
            return ok(InvokeResponse.message(
                    "Teams did not tell me who you are, so I can't act on this for you. Nothing changed."));
        }
        try {
            return ok(
                    switch (action.verb()) {
                        case ApprovalCards.APPROVE -> decide(action, caller, Decision.Verdict.APPROVE);
                        case ApprovalCards.REJECT -> decide(action, caller, Decision.Verdict.REJECT);
                        case ApprovalCards.REFRESH -> refresh(action, caller);
                        case JustificationCard.VERB -> requestApproval(action, caller, activity);
                        case GrantEndCards.EXTEND -> extend(action, caller, activity);
                        case DriftCards.RESTORE -> restore(action, caller, activity);
                        case DriftCards.ACCEPT -> accept(action, caller);
                        case ReviewCards.KEEP -> review(action, caller, true);
                        case ReviewCards.REVOKE -> review(action, caller, false);
                        default -> InvokeResponse.message(INACTIVE);
                    });
        } catch (RuntimeException e) {
            String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
            log.error("A card action failed unexpectedly (reference {})", reference, e);
            return ok(InvokeResponse.message("Something went wrong on my side, and nothing changed. The error is"
                    + " logged with reference " + reference + "."));
        }
    }

    private InvokeResponse decide(CardAction action, Caller caller, Decision.Verdict verdict) {
        Optional<RequestId> number = action.requestNumber();
        Optional<Integer> cardVersion = action.cardVersion();
        if (number.isEmpty() || cardVersion.isEmpty()) {
            return InvokeResponse.message(INACTIVE);
        }
        Optional<String> tooLong = ApprovalCards.COMMENT_INPUT.refusal(action);
        if (tooLong.isPresent()) {
            return InvokeResponse.message(tooLong.get());
        }
        DecisionResult result;
        try {
            result = approvals.decide(
                    number.get(),
                    people.of(caller),
                    verdict,
                    action.input(ApprovalCards.COMMENT).orElse(null),
                    cardVersion.get());
        } catch (RequestChangedConcurrently e) {
            return InvokeResponse.message("Others were deciding this request at the same moment, so your decision"
                    + " was not recorded. Please click again.");
        }
        return switch (result.kind()) {
            case NOT_FOUND -> InvokeResponse.message(INACTIVE);
            case REFUSED -> InvokeResponse.message(result.message() + " Nothing changed.");
            case RECORDED, ALREADY_DECIDED, STALE_CARD ->
                InvokeResponse.card(views.forViewer(result.request(), caller.aadObjectId(), result.message()));
        };
    }

    /**
     * A card's refresh: the full card (command, justification, plan) only for the requester and the request's eligible
     * approvers; anyone else, who may have forged the click with any request number, learns only its status.
     */
    private InvokeResponse refresh(CardAction action, Caller caller) {
        Optional<ApprovalRequest> request = action.requestNumber().flatMap(approvals::find);
        if (request.isEmpty()) {
            return InvokeResponse.message(INACTIVE);
        }
        ApprovalRequest found = request.get();
        if (!ApprovalCardViews.mayRead(found, caller.aadObjectId())) {
            return InvokeResponse.message(
                    "Request " + found.number() + " is " + found.status().inWords() + ".");
        }
        return InvokeResponse.card(views.forViewer(found, caller.aadObjectId(), null));
    }

    private InvokeResponse requestApproval(CardAction action, Caller caller, Activity activity) {
        Optional<String> justification = action.input(JustificationCard.JUSTIFICATION);
        if (justification.isEmpty()) {
            return InvokeResponse.message("Please say why you need this, then click Request approval again.");
        }
        Optional<String> tooLong = JustificationCard.JUSTIFICATION_INPUT.refusal(action);
        if (tooLong.isPresent()) {
            return InvokeResponse.message(tooLong.get());
        }
        Optional<Command.Privileged> asked = action.input(JustificationCard.COMMAND)
                .map(CommandParser::parse)
                .filter(ParseResult.Parsed.class::isInstance)
                .map(parsed -> ((ParseResult.Parsed) parsed).command())
                .filter(Command.Privileged.class::isInstance)
                .map(Command.Privileged.class::cast);
        if (asked.isEmpty()) {
            return InvokeResponse.message(INACTIVE);
        }
        Command.Privileged command;
        try {
            command = JustificationCard.withJustification(asked.get(), justification.get());
        } catch (IllegalArgumentException e) {
            return InvokeResponse.message(
                    "That justification can't be used: " + UserText.forMarkdown(e.getMessage()) + ".");
        }
        return asked(command, caller, activity);
    }

    /**
     * {@code extend} on the warning before a time-bound grant ends: the same grant asked for again, for as long, by its
     * requester alone, as a new request; the grant is read from the server's own request, never from the card.
     */
    private InvokeResponse extend(CardAction action, Caller caller, Activity activity) {
        Optional<ApprovalRequest> request = action.requestNumber().flatMap(approvals::find);
        if (request.isEmpty()
                || !(request.get().command() instanceof Command.TimeBound grant)
                || grant.duration().isEmpty()) {
            return InvokeResponse.message(INACTIVE);
        }
        ApprovalRequest found = request.get();
        if (!found.requester().aadObjectId().equals(caller.aadObjectId())) {
            return InvokeResponse.message(
                    "Only " + UserText.forMarkdown(found.requester().name()) + ", who asked for" + " request "
                            + found.number() + ", can extend it. Nothing changed.");
        }
        Command.TimeBound again;
        try {
            again = grant.because(Optional.of("extends " + found.number() + ": " + found.justification()));
        } catch (IllegalArgumentException tooLong) {
            again = grant;
        }
        return asked(again, caller, activity);
    }

    /** {@code restore-grant} on a drift: {@code restore <grant> as approved}, asked like a typed command. */
    private InvokeResponse restore(CardAction action, Caller caller, Activity activity) {
        Optional<String> grant = action.input(DriftCards.GRANT);
        if (grant.isEmpty()) {
            return InvokeResponse.message(INACTIVE);
        }
        Command.RestoreAsApproved restore;
        try {
            restore = new Command.RestoreAsApproved(
                    AccountRef.of(grant.get()), Optional.of("it drifted from what was approved"));
        } catch (IllegalArgumentException forged) {
            return InvokeResponse.message(INACTIVE);
        }
        return asked(restore, caller, activity);
    }

    /**
     * {@code accept-drift}: an approver records the tenant as it is now as approved, only if the drift is still the one
     * the card shows; the grant and the drift are read again from the server's own records and the tenant.
     */
    private InvokeResponse accept(CardAction action, Caller caller) {
        Optional<String> grant = action.input(DriftCards.GRANT);
        Optional<String> seen = action.input(DriftCards.DRIFT);
        if (grant.isEmpty() || seen.isEmpty()) {
            return InvokeResponse.message(INACTIVE);
        }
        try {
            if (!access.currentRolesOf(caller.aadObjectId()).contains(Role.APPROVER)) {
                return InvokeResponse.message("Only an approver can accept a drift: it approves access that was"
                        + " changed outside the bot. Nothing changed.");
            }
            DriftWatch.Acceptance accepted = drift.accept(grant.get(), seen.get(), people.of(caller));
            return InvokeResponse.message(
                    switch (accepted.kind()) {
                        case ACCEPTED ->
                            "Accepted: " + UserText.forMarkdown(accepted.grant().title()) + " as it is now is what is"
                                    + " approved from here on. The audit log records it.";
                        case CHANGED ->
                            "The drift of "
                                    + UserText.forMarkdown(accepted.grant().title()) + " has changed since"
                                    + " this card, so nothing was accepted. Type drift to see it as it is now.";
                        case NO_DRIFT ->
                            UserText.forMarkdown(accepted.grant().title()) + " is as approved again: there is"
                                    + " nothing to accept.";
                        case NOT_WATCHED -> "I no longer watch that grant (it was revoked). Nothing changed.";
                    });
        } catch (TenantException e) {
            return InvokeResponse.message("I could not read the tenant to check what you accept ("
                    + UserText.forMarkdown(e.getMessage()) + "), so nothing was accepted. Please try again shortly.");
        }
    }

    /**
     * {@code keep-grant} or {@code revoke-grant} on an access review: an approver's answer, checked against the
     * server's own review; the first answer decides, and a requester may not keep their own grant.
     */
    private InvokeResponse review(CardAction action, Caller caller, boolean keep) {
        Optional<java.util.UUID> id;
        try {
            id = action.input(ReviewCards.REVIEW).map(java.util.UUID::fromString);
        } catch (IllegalArgumentException forged) {
            id = Optional.empty();
        }
        if (id.isEmpty()) {
            return InvokeResponse.message(INACTIVE);
        }
        if (!access.currentRolesOf(caller.aadObjectId()).contains(Role.APPROVER)) {
            return InvokeResponse.message("Only an approver can answer an access review. Nothing changed.");
        }
        AccessReviews.Answer answer = reviews.answer(id.get(), people.of(caller), keep);
        return InvokeResponse.message(
                switch (answer.kind()) {
                    case KEPT ->
                        "Kept: " + UserText.forMarkdown(answer.review().title()) + " stays until its next review."
                                + " The audit log records your answer.";
                    case REVOKING ->
                        "Revoking " + UserText.forMarkdown(answer.review().title()) + " now, as you decided; the"
                                + " report follows.";
                    case DECIDED_ALREADY ->
                        "This review was answered already"
                                + (answer.review().decidedBy() == null
                                        ? " (" + answer.review().status().name().toLowerCase(java.util.Locale.ROOT)
                                                + ")"
                                        : " by "
                                                + UserText.forMarkdown(answer.review()
                                                        .decidedBy()
                                                        .name()))
                                + ". Nothing changed.";
                    case OWN_GRANT ->
                        "You asked for this grant, so another approver has to keep it. You may still revoke it."
                                + " Nothing changed.";
                    case UNKNOWN -> INACTIVE;
                });
    }

    /** Queues the command like a typed one (its roles and plan need the tenant) and answers at once, once per card. */
    private InvokeResponse asked(Command.Privileged command, Caller caller, Activity activity) {
        ConversationReference reference = ConversationReference.of(activity);
        String card = reference.key() + "|" + activity.replyToId() + "|" + caller.aadObjectId();
        if (activity.replyToId() != null && sentJustifications.asMap().putIfAbsent(card, true) != null) {
            return InvokeResponse.card(JustificationCard.sent(command));
        }
        PendingTurnLimits.Admission admission = limits.admit(reference.key(), caller.aadObjectId());
        if (admission == null) {
            sentJustifications.invalidate(card);
            return InvokeResponse.message(SlowDownNotices.SLOW_DOWN);
        }
        Runnable turn = () -> {
            try {
                messages.answer(command, caller, reference, activity.replyToId());
            } finally {
                admission.release();
            }
        };
        if (!turns.offer(reference.key(), turn)) {
            admission.release();
            sentJustifications.invalidate(card);
            return InvokeResponse.message("I'm answering too many messages right now; please click again shortly.");
        }
        return InvokeResponse.card(JustificationCard.sent(command));
    }

    private static ResponseEntity<InvokeResponse> ok(InvokeResponse response) {
        return ResponseEntity.ok(response);
    }
}
