package io.serviceaccountbot.provisioning;

/**
 * An approved request's plan ran to its end or stopped; published by provisioning for whoever tells the requester.
 *
 * @param requestNumber the approval request, e.g. R-7K2QM4
 * @param report every step and how it went
 */
public record PlanExecuted(String requestNumber, ProvisioningReport report) {}
