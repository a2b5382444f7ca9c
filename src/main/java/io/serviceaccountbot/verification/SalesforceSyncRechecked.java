package io.serviceaccountbot.verification;

/**
 * Salesforce's set-up, approved in a request, was checked again once Exchange had had time to apply it.
 *
 * @param requestNumber the request that set it up, whose requester is told
 * @param report the verification as it stands now
 */
public record SalesforceSyncRechecked(String requestNumber, VerificationReport report) {}
