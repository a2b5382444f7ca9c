package io.serviceaccountbot.approval;

import java.time.Instant;

/**
 * One approver's decision on a request.
 *
 * @param approver who decided
 * @param verdict approve or reject
 * @param comment the approver's comment (a rejection's reason), or null
 * @param at when
 */
public record Decision(Person approver, Verdict verdict, String comment, Instant at) {

    /** Approve or reject. */
    public enum Verdict {
        APPROVE,
        REJECT
    }
}
