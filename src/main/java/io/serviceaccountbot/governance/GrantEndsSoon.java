package io.serviceaccountbot.governance;

import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.command.RequestId;
import java.time.Instant;

/**
 * A time-bound grant ends soon: its requester may ask for it again, for as long, before it does.
 *
 * @param id the grant's request
 * @param number its number
 * @param account the account that holds the access
 * @param endsAt when the bot revokes it
 */
public record GrantEndsSoon(ApprovalRequestId id, RequestId number, String account, Instant endsAt) {}
