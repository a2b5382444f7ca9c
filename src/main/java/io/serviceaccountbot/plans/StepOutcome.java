package io.serviceaccountbot.plans;

/**
 * What one step of a provisioning operation did, in words for the admin.
 *
 * @param status how it went
 * @param text what was done or found, e.g. "Created svc-sync@contoso.com, enabled, no password change at first
 *     sign-in"
 * @param fix for a failure, what the admin can do about it in one sentence; otherwise null
 */
public record StepOutcome(Status status, String text, String fix) {

    /** How a step went. */
    public enum Status {
        /** Done now. */
        DONE,
        /** Already so before; nothing changed. */
        ALREADY_DONE,
        /** Started; the tenant finishes it on its own (e.g. the mailbox). */
        WAITING,
        /** Failed; the operation stopped here. */
        FAILED,
        /** Not done because an earlier step failed. */
        SKIPPED
    }

    public static StepOutcome done(String text) {
        return new StepOutcome(Status.DONE, text, null);
    }

    public static StepOutcome alreadyDone(String text) {
        return new StepOutcome(Status.ALREADY_DONE, text, null);
    }

    public static StepOutcome waiting(String text) {
        return new StepOutcome(Status.WAITING, text, null);
    }

    public static StepOutcome failed(String text, String fix) {
        return new StepOutcome(Status.FAILED, text, fix);
    }

    public static StepOutcome skipped(String text) {
        return new StepOutcome(Status.SKIPPED, text, null);
    }
}
