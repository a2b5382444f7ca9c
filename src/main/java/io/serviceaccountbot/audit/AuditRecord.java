package io.serviceaccountbot.audit;

import java.util.List;
import java.util.Objects;

/**
 * One event worth keeping, as a module tells it: published as an application event (or appended directly), it
 * becomes the next entry of the log. Free text is cleaned of anything that looks like a token or a password before it
 * is stored.
 *
 * @param actorId the Entra object id of who acted, or null for the bot itself
 * @param actorName their display name (the bot's for its own acts)
 * @param action what happened, e.g. {@code request.opened}, {@code decision.approve}, {@code step.done}
 * @param requestNumber the approval request, e.g. R-7K2QM4, or null
 * @param target the account, group or app concerned, or null
 * @param outcome how it went, e.g. recorded, refused, done, failed
 * @param detail what exactly, in words (the command, the reason, what a step did)
 * @param tenantRequestIds the tenant's ids for the calls made (Graph {@code request-id}, Exchange correlation ids)
 * @param conversationId the Teams conversation it came from, or null
 */
public record AuditRecord(
        String actorId,
        String actorName,
        String action,
        String requestNumber,
        String target,
        String outcome,
        String detail,
        List<String> tenantRequestIds,
        String conversationId) {

    /** The name the bot goes by in the log for what it does itself, such as running the steps of a plan. */
    public static final String BOT = "Service Account Bot";

    public AuditRecord {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        tenantRequestIds = tenantRequestIds == null ? List.of() : List.copyOf(tenantRequestIds);
    }

    /** The same record from another conversation (the one the thread answers when none was given). */
    AuditRecord inConversation(String conversation) {
        return new AuditRecord(
                actorId, actorName, action, requestNumber, target, outcome, detail, tenantRequestIds, conversation);
    }
}
