package io.serviceaccountbot.approval;

/**
 * Where a request is in its life: pending → approved / rejected / expired / cancelled → executing → done / failed; a
 * failed request can be retried (→ executing) or abandoned (→ cancelled).
 */
public enum RequestStatus {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED,
    CANCELLED,
    EXECUTING,
    DONE,
    FAILED;

    /** Whether nothing more can happen to the request on its own (a failed one waits for retry or cancel). */
    public boolean isFinal() {
        return this == REJECTED || this == EXPIRED || this == CANCELLED || this == DONE || this == FAILED;
    }

    /** The status in words, e.g. "waiting for approval". */
    public String inWords() {
        return switch (this) {
            case PENDING -> "waiting for approval";
            case APPROVED -> "approved";
            case REJECTED -> "rejected";
            case EXPIRED -> "expired";
            case CANCELLED -> "cancelled";
            case EXECUTING -> "being carried out";
            case DONE -> "done";
            case FAILED -> "failed";
        };
    }
}
