package io.serviceaccountbot.execution;

import io.serviceaccountbot.plans.StepOutcome;
import java.util.List;

/**
 * A step of an approved plan ran and ended (it is not published again for a step a resumed run skips because it ended
 * well before).
 *
 * @param requestNumber the approval request, e.g. R-7K2QM4
 * @param target the account or app the plan is for
 * @param ordinal the step's place in the plan, from 0
 * @param words what the step does, as the plan says
 * @param outcome how it went
 * @param tenantRequestIds the tenant's ids for the calls the step made
 */
public record StepEnded(
        String requestNumber,
        String target,
        int ordinal,
        String words,
        StepOutcome outcome,
        List<String> tenantRequestIds) {

    public StepEnded {
        tenantRequestIds = List.copyOf(tenantRequestIds);
    }
}
