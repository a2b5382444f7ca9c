package io.serviceaccountbot.plans;

import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.tenant.Licences;
import io.serviceaccountbot.tenant.ProvisioningProperties;
import org.springframework.context.ApplicationEventPublisher;

/**
 * {@code create service account <alias> …}: the article's first step. Creates an enabled user with no forced password
 * change and a password that never expires in the organisation's default verified domain, with a usage location and a
 * licence that includes Exchange, and reports whether Exchange has made the mailbox yet. On Exchange Server the account is a user in Active
 * Directory made with its mailbox by New-Mailbox through the runner, so there is no licence to assign. The generated password goes to the secret store before the
 * user exists, so it is never lost, and never into the report. Running the command again finishes what a failure
 * left undone; it never creates a second account, and refuses an existing account it did not create. Each creation,
 * done or failed, is announced as a {@link DirectChangeMade} for the audit log.
 */
public class ServiceAccountCreation {

    private final AccountSteps steps;
    private final ProvisioningProperties properties;
    private final ApplicationEventPublisher events;

    ServiceAccountCreation(AccountSteps steps, ProvisioningProperties properties, ApplicationEventPublisher events) {
        this.steps = steps;
        this.properties = properties;
        this.events = events;
    }

    /** Creates the account {@code by} asked for, and announces it. */
    public ProvisioningReport create(Command.CreateServiceAccount command, Person by) {
        return DirectChanges.make(
                events,
                DirectChangeMade.Kind.ACCOUNT_CREATED,
                by,
                command,
                () -> create(command),
                report -> report.title().replaceFirst("^Service account ", ""));
    }

    private ProvisioningReport create(Command.CreateServiceAccount command) {
        String alias = command.alias().value();
        AccountSteps.Account account = new AccountSteps.Account(
                alias,
                command.displayName().orElse(alias),
                command.license().orElse(properties.defaultLicense()),
                command.usageLocation().orElse(properties.defaultUsageLocation()));
        StepRunner runner = new StepRunner();
        runner.run("Find the organisation's default domain", () -> steps.chooseUserPrincipalName(account));
        runner.run("Create the user " + account.upn, () -> steps.createUnlessOurs(account));
        if (steps.licensed()) {
            runner.run("Set the usage location", () -> steps.ensureUsageLocation(account));
            runner.run("Assign the licence " + Licences.describe(account.licence), () -> steps.assignLicence(account));
        }
        runner.run("Set the password never to expire", () -> steps.ensurePasswordNeverExpires(account));
        runner.run("Check the mailbox", () -> steps.checkMailbox(account));
        return new ProvisioningReport("Service account " + account.upn, runner.outcomes(), account.secretLocation());
    }
}
