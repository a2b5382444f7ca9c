package io.serviceaccountbot.governance;

import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.command.RequestId;

/**
 * A later request for the same account has run and replaces the end an earlier time-bound grant had: a grant until
 * revoked, or a revoke. The newest approval decides, so the earlier end no longer applies.
 *
 * @param id the later request
 * @param number its number
 * @param account the account
 * @param earlierGrant the number of the grant whose end no longer applies
 * @param why in words, e.g. "it now holds the access until someone revokes it"
 */
public record GrantEndCancelled(
        ApprovalRequestId id, RequestId number, String account, String earlierGrant, String why) {}
