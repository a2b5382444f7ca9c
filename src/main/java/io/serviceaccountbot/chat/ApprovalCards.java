package io.serviceaccountbot.chat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Decision;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.teams.AdaptiveCards;
import io.serviceaccountbot.teams.UserText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The approval card: what is asked, by whom, for which account and why, the plan step by step, who decided what, and
 * the status; with Approve and Reject for someone who may decide. Its actions carry only the request number and the
 * card version: who clicked comes from the activity, everything else from the stored request.
 */
public final class ApprovalCards {

    static final String APPROVE = "approve";
    static final String REJECT = "reject";
    static final String REFRESH = "refresh";
    static final String COMMENT = "comment";
    static final String REQUEST = "request";
    static final String CARD_VERSION = "cardVersion";
    static final CardInputLimit COMMENT_INPUT = new CardInputLimit(COMMENT, "comment", 500);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ApprovalCards() {}

    /**
     * The card for one viewer: with the buttons when {@code withButtons}, and a refresh for {@code refreshUserIds} so
     * that those people get their own view while the request is pending.
     *
     * @param notice a line above everything, e.g. the answer to a click; or null
     * @param notes lines below everything, e.g. which approvers could not be reached
     */
    public static ObjectNode card(
            ApprovalRequest request,
            boolean withButtons,
            List<String> refreshUserIds,
            String notice,
            List<String> notes) {
        ArrayNode body = AdaptiveCards.body();
        if (notice != null) {
            body.add(AdaptiveCards.text(UserText.forMarkdown(notice))
                    .put("weight", "Bolder")
                    .put("color", "Accent"));
        }
        body.add(AdaptiveCards.heading("Approval request " + request.number()));
        body.add(AdaptiveCards.text(UserText.forMarkdown(status(request)))
                .put("color", colour(request.status()))
                .put("spacing", "None"));
        body.add(facts(request));
        body.add(AdaptiveCards.text("What will happen").put("weight", "Bolder").put("spacing", "Medium"));
        List<String> steps = request.plan();
        for (int i = 0; i < steps.size(); i++) {
            body.add(AdaptiveCards.text((i + 1) + ". " + UserText.forMarkdown(steps.get(i)))
                    .put("spacing", "Small"));
        }
        for (Decision decision : request.decisions()) {
            body.add(AdaptiveCards.subtle(UserText.forMarkdown(decided(decision)))
                    .put("spacing", "Small"));
        }
        if (request.outcome() != null) {
            body.add(AdaptiveCards.text("Result: " + UserText.forMarkdown(request.outcome()))
                    .put("spacing", "Medium"));
        }
        notes.forEach(note ->
                body.add(AdaptiveCards.subtle(UserText.forMarkdown(note)).put("spacing", "Medium")));
        ObjectNode card = AdaptiveCards.card(body);
        if (withButtons) {
            body.add(AdaptiveCards.textInput(
                            COMMENT_INPUT.id(),
                            "Comment (optional; your reason when you reject)",
                            "Why you decide so",
                            COMMENT_INPUT.maxLength())
                    .put("spacing", "Medium"));
            AdaptiveCards.actions(
                    card,
                    AdaptiveCards.execute("Approve", APPROVE, data(request)).put("style", "positive"),
                    AdaptiveCards.execute("Reject", REJECT, data(request)).put("style", "destructive"));
        }
        if (request.status() == RequestStatus.PENDING && !refreshUserIds.isEmpty()) {
            AdaptiveCards.refresh(card, AdaptiveCards.execute("Refresh", REFRESH, data(request)), refreshUserIds);
        }
        return card;
    }

    /** What Teams shows in notifications, e.g. "Approval request R-7K2QM4: grant impersonation to svc-sync". */
    public static String summary(ApprovalRequest request) {
        return "Approval request " + request.number() + ": " + UserText.forMarkdown(asked(request)) + " ("
                + request.status().inWords() + ")";
    }

    /** The command without its justification, which the card shows on its own line. */
    public static String asked(ApprovalRequest request) {
        String because = " because " + request.justification();
        String command = request.commandText();
        return command.endsWith(because) ? command.substring(0, command.length() - because.length()) : command;
    }

    /** The status in one line, with who decided. */
    static String status(ApprovalRequest request) {
        String approvers = PeopleNames.join(request.decisions().stream()
                .filter(decision -> decision.verdict() == Decision.Verdict.APPROVE)
                .map(decision -> decision.approver().name())
                .toList());
        return switch (request.status()) {
            case PENDING ->
                "⏳ Waiting for approval: " + request.approvals() + " of " + request.quorum()
                        + (approvers.isEmpty() ? "" : ", approved by " + approvers);
            case APPROVED -> "✅ Approved by " + approvers + ". It will now be carried out.";
            case EXECUTING -> "⚙️ Approved by " + approvers + "; being carried out now.";
            case DONE -> "✅ Approved by " + approvers + " and done.";
            case FAILED ->
                "❌ Approved by " + approvers + ", but carrying it out failed. Once the cause is fixed, type retry "
                        + request.number() + " to continue where it stopped, or cancel " + request.number()
                        + " to abandon it.";
            case REJECTED ->
                request.decisions().stream()
                        .filter(decision -> decision.verdict() == Decision.Verdict.REJECT)
                        .findFirst()
                        .map(decision -> "❌ Rejected by " + decision.approver().name() + ": "
                                + (decision.comment() == null ? "no reason given" : decision.comment())
                                + ". Nothing was changed.")
                        .orElse("❌ Rejected. Nothing was changed.");
            case EXPIRED ->
                "⌛ Expired on " + when(request.expiresAt()) + " without enough approvals. Nothing was changed.";
            case CANCELLED ->
                request.outcome() == null
                        ? "🚫 Cancelled by " + request.requester().name() + ". Nothing was changed."
                        : "🚫 Approved by " + approvers + ", failed, and abandoned by "
                                + request.requester().name() + "; what was done before it stopped stays done.";
        };
    }

    public static String when(Instant instant) {
        return WHEN.format(instant);
    }

    static ObjectNode data(ApprovalRequest request) {
        ObjectNode data = AdaptiveCards.object();
        data.put(REQUEST, request.number().value());
        data.put(CARD_VERSION, request.cardVersion());
        return data;
    }

    private static ObjectNode facts(ApprovalRequest request) {
        ObjectNode facts = AdaptiveCards.factSet();
        AdaptiveCards.fact(facts, "Asks", UserText.forMarkdown(asked(request)));
        AdaptiveCards.fact(
                facts, "Requested by", UserText.forMarkdown(request.requester().name()));
        AdaptiveCards.fact(facts, "Account", UserText.forMarkdown(request.target()));
        String others = GroupAccessWords.whoGainsAccess(request);
        if (others != null) {
            AdaptiveCards.fact(facts, "Gains access", UserText.forMarkdown(others));
        }
        AdaptiveCards.fact(facts, "Why", UserText.forMarkdown(request.justification()));
        if (request.command() instanceof Command.TimeBound grant
                && grant.duration().isPresent()) {
            AdaptiveCards.fact(
                    facts,
                    "Lasts",
                    grant.duration().get().words() + " from when it is carried out; then I revoke it, under this"
                            + " approval");
        }
        if (request.status() == RequestStatus.PENDING) {
            AdaptiveCards.fact(facts, "Expires", when(request.expiresAt()));
        } else {
            AdaptiveCards.fact(facts, "Requested", when(request.createdAt()));
        }
        AdaptiveCards.fact(
                facts, "Approvals needed", request.quorum() + (request.quorum() == 1 ? " approver" : " approvers"));
        return facts;
    }

    private static String decided(Decision decision) {
        String verb = decision.verdict() == Decision.Verdict.APPROVE
                ? "✅ " + decision.approver().name() + " approved"
                : "❌ " + decision.approver().name() + " rejected";
        return verb + " on " + when(decision.at()) + (decision.comment() == null ? "" : ": " + decision.comment());
    }

    private static String colour(RequestStatus status) {
        return switch (status) {
            case PENDING, EXECUTING -> "Default";
            case APPROVED, DONE -> "Good";
            case REJECTED, FAILED -> "Attention";
            case EXPIRED, CANCELLED -> "Warning";
        };
    }
}
