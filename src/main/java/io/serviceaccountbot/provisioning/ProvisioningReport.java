package io.serviceaccountbot.provisioning;

import java.util.List;

/**
 * What a provisioning operation did, step by step, for the answer in chat. It never holds a secret: at most where one
 * was stored.
 *
 * @param title one line, e.g. "Service account svc-sync@contoso.com"
 * @param steps every step in order, including those skipped after a failure
 * @param secretLocation where the generated password is, or null
 */
public record ProvisioningReport(String title, List<StepOutcome> steps, String secretLocation) {

    public ProvisioningReport {
        steps = List.copyOf(steps);
    }

    /** Whether every step ended well (done, already done, or left to the tenant to finish). */
    public boolean succeeded() {
        return steps.stream()
                .noneMatch(step ->
                        step.status() == StepOutcome.Status.FAILED || step.status() == StepOutcome.Status.SKIPPED);
    }
}
