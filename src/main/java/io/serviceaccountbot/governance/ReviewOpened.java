package io.serviceaccountbot.governance;

/**
 * An access review opened, or was escalated because no one answered it by its deadline: the approvers get its card,
 * with Keep and Revoke.
 *
 * @param review the review, with its (new) deadline
 * @param grant the grant as approved
 * @param escalated whether this is the second, last, call
 */
public record ReviewOpened(GrantReview review, WatchedGrant grant, boolean escalated) {}
