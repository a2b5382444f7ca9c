package io.serviceaccountbot.plans;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.Licences;
import io.serviceaccountbot.tenant.ProvisioningProperties;
import io.serviceaccountbot.tenant.VerifiedDomain;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Plans} against the tenant: every privileged command becomes a runbook after a read-only look at the
 * organisation and the target (nothing changes while a plan is only shown or waits for approval), and {@code plan}
 * also shows what creating or checking an account would do. The executor asks for the same runbook again when the
 * request is approved, so it acts on the tenant as it is then.
 */
public class TenantPlans implements Plans {

    private final ImpersonationRunbooks impersonation;
    private final AppAccessRunbooks appAccess;
    private final SalesforceSyncRunbooks salesforce;
    private final AccountDirectory directory;
    private final ProvisioningProperties properties;
    private final RestorePlans restores;
    private final GrantTerms terms;

    TenantPlans(
            ImpersonationRunbooks impersonation,
            AppAccessRunbooks appAccess,
            SalesforceSyncRunbooks salesforce,
            AccountDirectory directory,
            ProvisioningProperties properties,
            RestorePlans restores,
            GrantTerms terms) {
        this.restores = restores;
        this.terms = terms;
        this.impersonation = impersonation;
        this.appAccess = appAccess;
        this.salesforce = salesforce;
        this.directory = directory;
        this.properties = properties;
    }

    @Override
    public PlanPreview preview(Command command) {
        if (command instanceof Command.Plan plan) {
            return preview(plan.command());
        }
        if (command instanceof Command.Privileged privileged) {
            return draft(privileged).preview();
        }
        if (command instanceof Command.CreateServiceAccount create) {
            return createServiceAccount(create);
        }
        if (command instanceof Command.UseExistingAccount use) {
            return useExistingAccount(use);
        }
        if (command instanceof Command.RemoveFromExchangeSync remove) {
            return SalesforceSyncRemoval.preview(remove);
        }
        String text = CommandText.of(command);
        return new PlanPreview.Ready(
                text + ": changes nothing",
                List.of("Nothing changes in the tenant: this command only reads and answers"),
                text,
                null);
    }

    /** The runbook of a privileged command, to be approved, or why it cannot run here; reads the tenant only. */
    public Drafted draft(Command.Privileged command) {
        return draft(command, null);
    }

    /**
     * The runbook of a privileged command, or why it cannot run here; reads the tenant, changes nothing.
     *
     * @param approvedGroupMembers when drafting an approved command to run, the object ids (lower case) of the members
     *     of the group it goes through whom the approvers saw: its steps grant nothing through the group once it has
     *     others; null when drafting for approval
     */
    public Drafted draft(Command.Privileged command, Set<String> approvedGroupMembers) {
        Drafted drafted = draftOnly(command, approvedGroupMembers);
        if (drafted instanceof Drafted.Ready && command instanceof Command.TimeBound timeBound) {
            Optional<String> tooLong = terms.refusal(timeBound);
            if (tooLong.isPresent()) {
                return Drafted.refused(tooLong.get(), null);
            }
        }
        return drafted;
    }

    private Drafted draftOnly(Command.Privileged command, Set<String> approvedGroupMembers) {
        if (command instanceof Command.GrantImpersonation grant) {
            return impersonation.grant(grant, approvedGroupMembers);
        }
        if (command instanceof Command.RevokeImpersonation revoke) {
            return impersonation.revoke(revoke);
        }
        if (command instanceof Command.SetupExchangeSync setup) {
            return impersonation.setup(setup, approvedGroupMembers);
        }
        if (command instanceof Command.SetupSalesforceSync setup) {
            return salesforce.setup(setup);
        }
        if (command instanceof Command.AddToExchangeSync add) {
            return salesforce.add(add, approvedGroupMembers != null);
        }
        if (command instanceof Command.RestoreAsApproved restore) {
            return restores.restore(restore);
        }
        return appAccess.grant((Command.GrantAppAccess) command);
    }

    private PlanPreview createServiceAccount(Command.CreateServiceAccount command) {
        String alias = command.alias().value();
        String upn = alias + "@" + defaultDomain();
        String licence = command.license().orElse(properties.defaultLicense());
        if (!directory.licensed()) {
            return new PlanPreview.Ready(
                    "Create the service account " + upn,
                    List.of(
                            "Create the user " + upn + " ("
                                    + command.displayName().orElse(alias) + ") with its"
                                    + " mailbox in " + directory.name() + " (New-Mailbox, through the Exchange Server"
                                    + " runner), enabled and with no password change at next logon, its password kept"
                                    + " in the secret store and read from there by the runner, never sent in a job",
                            "Set its password never to expire (Set-ADUser -PasswordNeverExpires)",
                            "Check its mailbox"),
                    upn,
                    null);
        }
        return new PlanPreview.Ready(
                "Create the service account " + upn,
                List.of(
                        "Create the user " + upn + " (" + command.displayName().orElse(alias)
                                + "), enabled and with no password change at next sign-in, its password kept in the"
                                + " secret store",
                        "Set its usage location to "
                                + command.usageLocation().orElse(properties.defaultUsageLocation()),
                        "Assign the licence " + Licences.describe(licence),
                        "Check whether Exchange has created its mailbox"),
                upn,
                null);
    }

    private PlanPreview useExistingAccount(Command.UseExistingAccount command) {
        String upn = command.upn();
        String id = directory.findUser(upn).map(DirectoryUser::id).orElse(null);
        return new PlanPreview.Ready(
                "Check " + upn + " as the service account (nothing changes)",
                directory.licensed()
                        ? List.of(
                                "Look up " + upn + " in the directory",
                                "Check that it is enabled and need not change its password at next sign-in",
                                "Check its usage location and that a licence with Exchange is assigned",
                                "Check that its mailbox exists")
                        : List.of(
                                "Look up " + upn + " in " + directory.name() + " through the Exchange Server runner",
                                "Check that it is enabled and that its password never expires",
                                "Check that its mailbox exists"),
                upn,
                id);
    }

    private String defaultDomain() {
        List<VerifiedDomain> domains = directory.domains();
        return domains.stream()
                .filter(VerifiedDomain::isDefault)
                .findFirst()
                .or(() -> domains.stream().findFirst())
                .map(VerifiedDomain::name)
                .orElse("<default domain>");
    }
}
