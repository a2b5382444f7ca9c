package io.serviceaccountbot.governance;

import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.command.RequestId;
import java.time.Duration;
import java.time.Instant;

/**
 * A time-bound grant has run, and the bot will revoke it when it ends; or, when {@code endsAt} is null, it could not
 * arrange that, and the grant stays until someone revokes it.
 *
 * @param id the grant's request
 * @param number its number, e.g. R-7K2M9Q
 * @param account the account that holds the access
 * @param lasting how long the grant lasts
 * @param endsAt when the bot revokes it, or null when it could not arrange that
 */
public record GrantExpiryScheduled(
        ApprovalRequestId id, RequestId number, String account, Duration lasting, Instant endsAt) {}
