package io.serviceaccountbot.execution;

import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.plans.ProvisioningReport;

/**
 * The one event that says an approved plan's run ended, done or failed: published in the transaction that records the
 * request's end, with what its listeners need (the report for the requester's card, the summary for the audit log and
 * the metrics).
 *
 * @param id the request's id
 * @param number the request's number
 * @param target the account (or app) that gained or lost access
 * @param report each step and its outcome
 * @param summary the outcome in a line, as the request keeps it
 */
public record RunEnded(
        ApprovalRequestId id, RequestId number, String target, ProvisioningReport report, String summary) {

    /** Whether every step ended well. */
    public boolean succeeded() {
        return report.succeeded();
    }
}
