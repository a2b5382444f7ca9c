package io.serviceaccountbot.governance;

import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.plans.Drafted;
import io.serviceaccountbot.plans.ProvisioningReport;
import io.serviceaccountbot.plans.Runbook;
import io.serviceaccountbot.plans.StepOutcome;
import io.serviceaccountbot.plans.StepRunner;
import io.serviceaccountbot.plans.TenantPlans;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Takes a grant's access away on the bot's own authority, when that was decided already: a time-bound grant at its end
 * (the revoke was approved with the grant), or an approver's Revoke in an access review. An account loses its
 * ApplicationImpersonation through the plan of {@code revoke impersonation}; an app loses the application roles the
 * grant gave it, each removed and checked.
 */
class Revocations {

    private final TenantPlans plans;
    private final TenantFacts facts;
    private final ExchangeAdmin exchange;

    Revocations(TenantPlans plans, TenantFacts facts, ExchangeAdmin exchange) {
        this.plans = plans;
        this.facts = facts;
        this.exchange = exchange;
    }

    /** The revoke of an account's ApplicationImpersonation, run now; {@code why} goes into the command's record. */
    ProvisioningReport account(String upn, String why, String title) {
        Drafted drafted = plans.draft(new Command.RevokeImpersonation(AccountRef.of(upn), Optional.of(why)));
        if (drafted instanceof Drafted.Refused refused) {
            return new ProvisioningReport(
                    title, List.of(StepOutcome.alreadyDone(refused.refusal().reason())), null);
        }
        StepRunner runner = new StepRunner();
        for (Runbook.Step step : ((Drafted.Ready) drafted).runbook().steps()) {
            runner.run(step.words(), step.action());
        }
        return new ProvisioningReport(title, runner.outcomes(), null);
    }

    /** Takes away what a watched grant gives: an account's impersonation, or an app's application roles. */
    ProvisioningReport grant(WatchedGrant grant, String why, String title) {
        if (grant.subject().startsWith("account:")) {
            return account(grant.name(), why, title);
        }
        StepRunner runner = new StepRunner();
        for (var fact : grant.approved().entrySet()) {
            FactKey key = fact.getKey();
            if (key.kind() != FactKey.Kind.APP_ROLES) {
                continue;
            }
            SortedSet<String> held = facts.read(key);
            for (String role : fact.getValue()) {
                String name = TenantFacts.appRoleName(role);
                String scope = TenantFacts.appRoleScope(role);
                runner.run("Remove the application role " + role + " of app " + key.name(), () -> {
                    if (held.stream().noneMatch(role::equalsIgnoreCase)) {
                        return StepOutcome.alreadyDone("App " + key.name() + " no longer holds " + role);
                    }
                    exchange.removeAppRoleAssignment(key.name(), name, scope);
                    return facts.read(key).stream().anyMatch(role::equalsIgnoreCase)
                            ? StepOutcome.failed(
                                    "App " + key.name() + " still holds " + role + " after its removal",
                                    "Remove it in Exchange Online: Remove-ManagementRoleAssignment for the app.")
                            : StepOutcome.done("Removed " + role + " from app " + key.name());
                });
            }
        }
        if (runner.outcomes().isEmpty()) {
            runner.record(StepOutcome.alreadyDone("The grant gave no application role to take away"));
        }
        return new ProvisioningReport(title, runner.outcomes(), null);
    }
}
