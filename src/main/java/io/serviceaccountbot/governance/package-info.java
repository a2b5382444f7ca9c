/**
 * Governance: keeping mailbox access as it was approved, after the day it was granted. For now the least-privilege
 * sweep ({@code review mailbox access}, {@link io.serviceaccountbot.governance.MailboxAccessSweep}): who in the whole
 * organisation, not only what the bot granted, can read other people's mailboxes, each line with the command that
 * narrows it. The sweep only reads.
 */
package io.serviceaccountbot.governance;
