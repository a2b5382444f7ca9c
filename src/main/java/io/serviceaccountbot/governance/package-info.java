/**
 * Governance: keeping mailbox access as it was approved, after the day it was granted.
 *
 * <ul>
 *   <li>Time-bound grants ({@link io.serviceaccountbot.governance.GrantExpiries}): a grant approved for some days or
 *       hours ends by itself. Its end is a durable job, one per account and the newest approval's; the requester is
 *       warned before it and may ask again, and at the end the bot revokes what the grant gave, under its approval.
 *   <li>Drift detection ({@link io.serviceaccountbot.governance.DriftWatch}): what each grant left in the tenant is
 *       kept as approved, and a durable job per grant compares the tenant with it; a difference is posted once, and is
 *       restored through an approval ({@code restore … as approved}, {@link
 *       io.serviceaccountbot.governance.DriftRestorePlans}) or accepted by an approver.
 *   <li>Access reviews ({@link io.serviceaccountbot.governance.AccessReviews}): each grant goes back to the approvers
 *       every review interval, Keep or Revoke; one no one answers is escalated once, then reported, never kept.
 *   <li>The least-privilege sweep ({@code review mailbox access}, {@link
 *       io.serviceaccountbot.governance.MailboxAccessSweep}): who in the whole organisation, not only what the bot
 *       granted, can read other people's mailboxes, each line with the command that narrows it. The sweep only reads.
 * </ul>
 */
package io.serviceaccountbot.governance;
