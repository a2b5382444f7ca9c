package io.serviceaccountbot.verification;

import java.util.List;

/**
 * The verification of one account: every check in order.
 *
 * @param account the account as the admin named it, or its user principal name once found
 * @param checks the checks, in the order of the procedure
 * @param mailboxComing whether the account is licensed for Exchange and Exchange is still creating its mailbox, so
 *     the checks that need the mailbox will come out otherwise within minutes
 */
public record VerificationReport(String account, List<Check> checks, boolean mailboxComing) {

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    public VerificationReport(String account, List<Check> checks) {
        this(account, checks, false);
    }

    /** Whether nothing failed. */
    public boolean allPassed() {
        return checks.stream().noneMatch(check -> check.result() == Check.Result.FAILED);
    }

    public long failures() {
        return checks.stream()
                .filter(check -> check.result() == Check.Result.FAILED)
                .count();
    }
}
