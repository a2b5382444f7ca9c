package io.serviceaccountbot.governance;

import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.command.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * A grant the bot keeps watching: what was approved, and what the last check found.
 *
 * @param subject whose access it is: {@code account:<upn>} or {@code app:<app id>}, lower case
 * @param title what the grant gives, e.g. "ApplicationImpersonation of svc-sync@contoso.com"
 * @param requestId the request whose approval it stands on (the newest that changed it)
 * @param number that request's number
 * @param approved each fact's approved values
 * @param approvedAt when they were recorded
 * @param approvedHow how, e.g. "approved in R-0007", "accepted by Megan Bowen"
 * @param drift what the last check found different; empty when none
 * @param driftFingerprint the fingerprint of the drift last posted; null when none is
 * @param checkedAt when it was last checked; null before the first check
 * @param checkFailure why the last check could not read the tenant; null when it could
 */
public record WatchedGrant(
        String subject,
        String title,
        ApprovalRequestId requestId,
        RequestId number,
        SortedMap<FactKey, SortedSet<String>> approved,
        Instant approvedAt,
        String approvedHow,
        List<Difference> drift,
        String driftFingerprint,
        Instant checkedAt,
        String checkFailure) {

    public WatchedGrant {
        Objects.requireNonNull(subject, "subject");
        approved = new TreeMap<>(approved);
        drift = List.copyOf(drift);
    }

    static String accountSubject(String upn) {
        return "account:" + upn.toLowerCase(java.util.Locale.ROOT);
    }

    static String appSubject(String appId) {
        return "app:" + appId.toLowerCase(java.util.Locale.ROOT);
    }

    /** The subject of an account's sign-in name or an app id. */
    static String subjectOf(String accountOrApp) {
        try {
            return appSubject(java.util.UUID.fromString(accountOrApp.strip()).toString());
        } catch (IllegalArgumentException notAnApp) {
            return accountSubject(accountOrApp.strip());
        }
    }

    /** The account's sign-in name or the app id, as a command names it. */
    public String name() {
        return subject.substring(subject.indexOf(':') + 1);
    }

    /** Whether the tenant differed from what was approved at the last check. */
    public boolean drifted() {
        return !drift.isEmpty();
    }

    WatchedGrant approvedAgain(
            SortedMap<FactKey, SortedSet<String>> facts, ApprovalRequestId id, RequestId by, Instant at, String how) {
        return new WatchedGrant(subject, title, id, by, facts, at, how, List.of(), null, checkedAt, null);
    }

    WatchedGrant checked(List<Difference> found, String fingerprint, Instant at, String failure) {
        return new WatchedGrant(
                subject, title, requestId, number, approved, approvedAt, approvedHow, found, fingerprint, at, failure);
    }
}
