package io.serviceaccountbot.verification;

/**
 * One line of a verification report.
 *
 * @param name what is checked, e.g. "Mailbox provisioned"
 * @param result passed, failed or not applicable
 * @param detail what was found
 * @param fix for a failure, how to fix it in one sentence; otherwise null
 */
public record Check(String name, Result result, String detail, String fix) {

    /** How a check came out. */
    public enum Result {
        PASSED,
        FAILED,
        NOT_APPLICABLE
    }

    static Check passed(String name, String detail) {
        return new Check(name, Result.PASSED, detail, null);
    }

    static Check failed(String name, String detail, String fix) {
        return new Check(name, Result.FAILED, detail, fix);
    }

    static Check notApplicable(String name, String detail) {
        return new Check(name, Result.NOT_APPLICABLE, detail, null);
    }
}
