package io.serviceaccountbot.provisioning;

import io.serviceaccountbot.command.Command;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code create service account <alias> …}: the article's first step. Creates an enabled user with no forced password
 * change in the organisation's default verified domain, with a usage location and a licence that includes Exchange,
 * and reports whether Exchange has made the mailbox yet. The generated password goes to the secret store before the
 * user exists, so it is never lost, and never into the report. Running the command again finishes what a failure
 * left undone; it never creates a second account, and refuses an existing account it did not create.
 */
public class ServiceAccountCreation {

    private final Directory directory;
    private final SecretStore secrets;
    private final PasswordGenerator passwords;
    private final ProvisioningProperties properties;

    public ServiceAccountCreation(
            Directory directory, SecretStore secrets, PasswordGenerator passwords, ProvisioningProperties properties) {
        this.directory = directory;
        this.secrets = secrets;
        this.passwords = passwords;
        this.properties = properties;
    }

    public ProvisioningReport create(Command.CreateServiceAccount command) {
        return new Attempt(command).run();
    }

    /** One run of the command, with what it has learned so far. */
    private final class Attempt {
        private final String alias;
        private final String licence;
        private final String location;
        private final String displayName;
        private final String secretName;
        private final StepRunner steps = new StepRunner();
        private String upn;
        private DirectoryUser user;
        private String secretLocation;

        Attempt(Command.CreateServiceAccount command) {
            alias = command.alias().value();
            licence = command.license().orElse(properties.defaultLicense());
            location = command.usageLocation().orElse(properties.defaultUsageLocation());
            displayName = command.displayName().orElse(alias);
            secretName = SecretNames.forPassword(alias);
            upn = alias;
        }

        ProvisioningReport run() {
            steps.run("Find the organisation's default domain", this::chooseUserPrincipalName);
            steps.run("Create the user " + upn, this::createUnlessOurs);
            steps.run("Set the usage location", this::ensureUsageLocation);
            steps.run("Assign the licence " + Licences.describe(licence), this::assignLicence);
            steps.run("Check the mailbox", this::checkMailbox);
            if (secretLocation == null && user != null) {
                secretLocation = "the secret store, under " + secretName + " (stored when the account was created)";
            }
            return new ProvisioningReport("Service account " + upn, steps.outcomes(), secretLocation);
        }

        private StepOutcome chooseUserPrincipalName() {
            VerifiedDomain domain = directory.verifiedDomains().stream()
                    .max(Comparator.comparing(VerifiedDomain::isDefault))
                    .orElse(null);
            if (domain == null) {
                return StepOutcome.failed(
                        "The organisation has no verified domain to create " + alias + " in",
                        "Verify a domain in the Microsoft 365 admin center, then run the command again.");
            }
            upn = alias + "@" + domain.name();
            return null;
        }

        private StepOutcome createUnlessOurs() {
            List<DirectoryUser> standingInTheWay = directory.findUsersByUpnOrAlias(upn, alias);
            Optional<DirectoryUser> existing = standingInTheWay.stream()
                    .filter(found -> upn.equalsIgnoreCase(found.userPrincipalName()))
                    .findFirst();
            if (existing.isPresent()) {
                if (secrets.get(secretName).isEmpty()) {
                    return StepOutcome.failed(
                            upn + " already exists, and this bot did not create it",
                            "To make that existing account the service account, type: use " + upn
                                    + " as service account");
                }
                user = existing.get();
                return StepOutcome.alreadyDone(upn + " exists already: this bot created it earlier");
            }
            if (!standingInTheWay.isEmpty()) {
                String owner = standingInTheWay.get(0).userPrincipalName();
                return StepOutcome.failed(
                        "The alias " + alias + " already belongs to " + owner,
                        "Choose another alias, or type: use " + owner + " as service account");
            }
            Secret password = passwords.generate();
            secretLocation = secrets.put(secretName, password).location();
            user = directory.createUser(new NewUser(alias, displayName, upn, location, password));
            return StepOutcome.done(
                    "Created " + upn + " (" + user.displayName() + "): enabled, no password change at first sign-in");
        }

        private StepOutcome ensureUsageLocation() {
            if (user.usageLocation() != null && !user.usageLocation().isBlank()) {
                return StepOutcome.alreadyDone("Usage location " + user.usageLocation());
            }
            directory.setUsageLocation(user.id(), location);
            return StepOutcome.done("Usage location set to " + location);
        }

        private StepOutcome assignLicence() {
            directory.assignLicense(user.id(), licence);
            return StepOutcome.done("Licence " + Licences.describe(licence) + " assigned, with its Exchange plan");
        }

        private StepOutcome checkMailbox() {
            return directory.mailboxStatus(user.id()) == MailboxStatus.READY
                    ? StepOutcome.done("Mailbox ready")
                    : StepOutcome.waiting("Exchange is creating the mailbox; this usually takes a few minutes. Type"
                            + " verify " + alias + " to check on it.");
        }
    }
}
