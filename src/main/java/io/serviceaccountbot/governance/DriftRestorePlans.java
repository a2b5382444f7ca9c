package io.serviceaccountbot.governance;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.plans.Drafted;
import io.serviceaccountbot.plans.PlanPreview;
import io.serviceaccountbot.plans.RestorePlans;
import io.serviceaccountbot.plans.Runbook;
import io.serviceaccountbot.plans.StepOutcome;
import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ServicePrincipal;
import io.serviceaccountbot.tenant.TenantWidePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.Supplier;

/**
 * {@code restore … as approved}: a step per difference between the tenant and what was approved, each undoing one
 * change made outside the bot (a member added to or taken from a role group or group, a scoped assignment, an
 * application role, a tenant-wide permission), checking first that it is still needed. What the bot cannot put back
 * itself (a disabled account, a lost mailbox, a role group's roles) is named as what an admin does next.
 */
class DriftRestorePlans implements RestorePlans {

    private final DriftWatch watch;
    private final TenantFacts facts;
    private final ExchangeAdmin exchange;
    private final Directory directory;
    private final AccountDirectory accounts;

    DriftRestorePlans(
            DriftWatch watch,
            TenantFacts facts,
            ExchangeAdmin exchange,
            Directory directory,
            AccountDirectory accounts) {
        this.accounts = accounts;
        this.watch = watch;
        this.facts = facts;
        this.exchange = exchange;
        this.directory = directory;
    }

    @Override
    public Drafted restore(Command.RestoreAsApproved command) {
        String named = command.grant().value();
        Optional<WatchedGrant> found = watch.find(named);
        if (found.isEmpty()) {
            return refused(
                    "I am not watching a grant of " + named + ": only access the bot granted, and still holds as"
                            + " approved, can be restored.",
                    "drift");
        }
        WatchedGrant grant = found.get();
        SortedMap<FactKey, SortedSet<String>> now =
                facts.readAll(grant.approved().keySet());
        List<Difference> drift = DriftWatch.differences(grant.approved(), now);
        if (drift.isEmpty()) {
            return refused(
                    grant.title() + " is as it was approved (" + grant.approvedHow() + "): nothing to restore.", null);
        }
        Runbook.Builder runbook = Runbook.titled("Restore " + grant.title() + " as " + grant.approvedHow())
                .target(grant.name(), null);
        List<String> byHand = new ArrayList<>();
        int steps = 0;
        for (Difference difference : drift) {
            steps += steps(grant, difference, runbook, byHand);
        }
        if (steps == 0) {
            return refused("I cannot put " + grant.title() + " back myself: " + String.join(" ", byHand), null);
        }
        return new Drafted.Ready(runbook.build().withNextSteps(byHand));
    }

    private int steps(WatchedGrant grant, Difference difference, Runbook.Builder runbook, List<String> byHand) {
        FactKey key = difference.key();
        int added = 0;
        switch (key.kind()) {
            case ROLE_GROUP_MEMBERS, GROUP_MEMBERS -> {
                boolean roleGroup = key.kind() == FactKey.Kind.ROLE_GROUP_MEMBERS;
                String where = (roleGroup ? "role group '" : "group '") + key.name() + "'";
                for (String member : difference.added()) {
                    runbook.step(
                            "Remove " + member + " from " + where + " (added outside the bot)",
                            unless(key, member, false, where, () -> {
                                if (roleGroup) {
                                    exchange.removeRoleGroupMember(key.name(), member);
                                } else {
                                    exchange.removeGroupMember(key.name(), member);
                                }
                            }));
                    added++;
                }
                for (String member : difference.removed()) {
                    runbook.step("Add " + member + " to " + where + " again", unless(key, member, true, where, () -> {
                        if (roleGroup) {
                            exchange.addRoleGroupMember(key.name(), member);
                        } else {
                            exchange.addGroupMember(key.name(), member);
                        }
                    }));
                    added++;
                }
            }
            case SCOPED_IMPERSONATION -> {
                for (String assignment : difference.added()) {
                    String name = TenantFacts.before(assignment, TenantFacts.OVER_SCOPE);
                    runbook.step(
                            "Remove the role assignment '" + name + "' (ApplicationImpersonation of " + key.name()
                                    + ", made outside the bot)",
                            unless(
                                    key,
                                    assignment,
                                    false,
                                    "the assignments",
                                    () -> exchange.removeRoleAssignment(name)));
                    added++;
                }
                for (String assignment : difference.removed()) {
                    String name = TenantFacts.before(assignment, TenantFacts.OVER_SCOPE);
                    String scope = TenantFacts.after(assignment, TenantFacts.OVER_SCOPE);
                    runbook.step(
                            "Assign ApplicationImpersonation to " + key.name() + " over the scope '" + scope
                                    + "' again ('" + name + "')",
                            unless(
                                    key,
                                    assignment,
                                    true,
                                    "the assignments",
                                    () -> exchange.ensureUserRoleAssignment(
                                            name, TenantFacts.IMPERSONATION, key.name(), scope)));
                    added++;
                }
            }
            case APP_ROLES -> {
                for (String role : difference.added()) {
                    String name = TenantFacts.appRoleName(role);
                    String scope = TenantFacts.appRoleScope(role);
                    runbook.step(
                            "Remove the application role " + role + " of app " + key.name() + " (added outside the"
                                    + " bot)",
                            unless(
                                    key,
                                    role,
                                    false,
                                    "the app's roles",
                                    () -> exchange.removeAppRoleAssignment(key.name(), name, scope)));
                    added++;
                }
                for (String role : difference.removed()) {
                    String scope = TenantFacts.appRoleScope(role);
                    if (scope == null) {
                        byHand.add("Give app " + key.name() + " the role " + role + " again, if it still needs it.");
                        continue;
                    }
                    runbook.step(
                            "Assign the application role " + role + " to app " + key.name() + " again",
                            unless(
                                    key,
                                    role,
                                    true,
                                    "the app's roles",
                                    () -> exchange.ensureAppRoleAssignment(
                                            key.name(), TenantFacts.appRoleName(role), scope)));
                    added++;
                }
            }
            case TENANT_WIDE -> {
                for (String permission : difference.added()) {
                    runbook.step(
                            "Remove the tenant-wide permission " + permission + " from app " + key.name()
                                    + " (granted outside the bot: it reaches every mailbox, whatever the scope)",
                            unless(
                                    key,
                                    permission,
                                    false,
                                    "its tenant-wide permissions",
                                    () -> removeTenantWide(key.name(), permission)));
                    added++;
                }
            }
            case SCOPE_FILTER ->
                byHand.add("Set the filter of management scope '" + key.name() + "' back to "
                        + String.join("", difference.removed()) + " (Set-ManagementScope -RecipientRestrictionFilter):"
                        + " the bot does not change a scope that exists.");
            case ROLE_GROUP_ROLES ->
                byHand.add("Change the roles of role group '" + key.name() + "' back in Exchange (added: "
                        + String.join(", ", difference.added()) + "; removed: "
                        + String.join(", ", difference.removed()) + "): the bot does not change a role group's"
                        + " roles.");
            case ACCOUNT -> {
                if (difference.removed().contains(TenantFacts.PASSWORD_KEPT)
                        && !difference.removed().contains(TenantFacts.EXISTS)) {
                    runbook.step(
                            "Set the password of " + key.name() + " never to expire again",
                            unless(
                                    key,
                                    TenantFacts.PASSWORD_KEPT,
                                    true,
                                    "its settings",
                                    () -> keepPassword(key.name())));
                    added++;
                }
                String fix = accountFix(difference, grant);
                if (!fix.isEmpty()) {
                    byHand.add(difference.words() + ". " + fix);
                }
            }
        }
        return added;
    }

    private static String accountFix(Difference difference, WatchedGrant grant) {
        if (difference.removed().contains(TenantFacts.EXISTS)) {
            return "Revoke its access (revoke impersonation from " + grant.name() + "), or create the account again.";
        }
        if (difference.removed().contains(TenantFacts.ENABLED)) {
            return "Enable it again where it is kept (Active Directory or Entra ID) if it should still work.";
        }
        if (difference.removed().contains(TenantFacts.MAILBOX)) {
            return "Give it a mailbox again (Enable-Mailbox on Exchange Server, a licence with Exchange on Exchange"
                    + " Online).";
        }
        return "";
    }

    /** An action that changes the tenant only while the fact still differs from what was approved for this value. */
    private Supplier<StepOutcome> unless(
            FactKey key, String value, boolean approvedThere, String where, Runnable change) {
        return () -> {
            boolean there = facts.read(key).stream().anyMatch(value::equalsIgnoreCase);
            if (there == approvedThere) {
                return StepOutcome.alreadyDone(
                        value + (approvedThere ? " is in " : " is not in ") + where + " already, as approved");
            }
            change.run();
            boolean nowThere = facts.read(key).stream().anyMatch(value::equalsIgnoreCase);
            if (nowThere != approvedThere) {
                return StepOutcome.failed(
                        value + (approvedThere ? " is still not in " : " is still in ") + where + " after the change",
                        "Check " + where + " in Exchange, then type restore " + key.name() + " as approved again.");
            }
            return StepOutcome.done(
                    (approvedThere ? "Put " + value + " back in " : "Took " + value + " out of ") + where);
        };
    }

    private void keepPassword(String upn) {
        accounts.findUser(upn)
                .ifPresent(user ->
                        accounts.setPasswordPolicies(user.id(), Set.of(DirectoryUser.DISABLE_PASSWORD_EXPIRATION)));
    }

    private void removeTenantWide(String appId, String label) {
        ServicePrincipal app = directory.findServicePrincipal(appId).orElse(null);
        if (app == null) {
            return;
        }
        for (TenantWidePermission permission : directory.tenantWidePermissions(app)) {
            if (permission.label().equalsIgnoreCase(label)) {
                directory.removeTenantWidePermission(app, permission.assignmentId());
            }
        }
    }

    private static Drafted refused(String reason, String alternative) {
        return new Drafted.Refused(new PlanPreview.Refused(reason, alternative));
    }
}
