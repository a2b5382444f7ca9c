package io.serviceaccountbot.approval;

/**
 * The answer to a decision (a card click or {@code approve R-…} in chat), with the request as it now stands so the
 * caller can show it.
 *
 * @param kind what happened
 * @param request the request after the attempt, or null when there is none
 * @param message what to tell the person who decided, in words
 */
public record DecisionResult(Kind kind, ApprovalRequest request, String message) {

    /** What happened to a decision. */
    public enum Kind {
        /** It counts. */
        RECORDED,
        /** The same person decided already; nothing changed. */
        ALREADY_DECIDED,
        /** A rule refused it; nothing changed. */
        REFUSED,
        /** The click came from an old copy of the card; nothing changed, show the current one. */
        STALE_CARD,
        /** No request has that number. */
        NOT_FOUND
    }

    public boolean changedSomething() {
        return kind == Kind.RECORDED;
    }
}
