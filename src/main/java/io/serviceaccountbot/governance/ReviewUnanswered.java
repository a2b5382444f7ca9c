package io.serviceaccountbot.governance;

/** No one answered an access review, even escalated: it is reported by {@code drift}, and never taken as kept. */
public record ReviewUnanswered(GrantReview review) {}
