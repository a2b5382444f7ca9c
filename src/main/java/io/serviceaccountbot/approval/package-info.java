/**
 * Approval requests: nothing privileged runs until designated approvers agree. A request carries the full plan it
 * would execute, who asked, for which account and why; its life cycle (pending → approved / rejected / expired /
 * cancelled → executing → done / failed) lives on the aggregate, which refuses illegal moves with a named reason and
 * raises an event for every transition.
 *
 * <p>Who may decide is a set of rules, each a value that allows or refuses with a reason: the decider must be an
 * approver (members of the approvers group, snapshotted from the directory when the request opens, and checked against
 * the directory again before anything executes), may not be the requester or the target account, may decide only a
 * pending request before it expires, and decides once. A quorum of distinct approvers approves; one rejection rejects.
 * This package knows nothing of Teams: the cards and the chat are the {@code teams} module's, and who is an approver
 * comes through the {@link io.serviceaccountbot.approval.ApproverDirectory} port.
 */
package io.serviceaccountbot.approval;
