package io.serviceaccountbot.plans;

import java.util.List;

/**
 * What a provisioning operation did, step by step, for the answer in chat. It never holds a secret: at most where one
 * was stored.
 *
 * @param title one line, e.g. "Service account svc-sync@contoso.com"
 * @param steps every step in order, including those skipped after a failure
 * @param secretLocation where the generated password is, or null
 * @param nextSteps what people outside the bot do next once every step went well (e.g. the Salesforce admin), in
 *     order; empty when nothing is left to them
 */
public record ProvisioningReport(String title, List<StepOutcome> steps, String secretLocation, List<String> nextSteps) {

    public ProvisioningReport {
        steps = List.copyOf(steps);
        nextSteps = List.copyOf(nextSteps);
    }

    /** A report that leaves nothing to others. */
    public ProvisioningReport(String title, List<StepOutcome> steps, String secretLocation) {
        this(title, steps, secretLocation, List.of());
    }

    /** Whether every step ended well (done, already done, or left to the tenant to finish). */
    public boolean succeeded() {
        return steps.stream()
                .noneMatch(step ->
                        step.status() == StepOutcome.Status.FAILED || step.status() == StepOutcome.Status.SKIPPED);
    }
}
