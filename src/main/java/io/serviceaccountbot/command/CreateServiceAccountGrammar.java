package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Clauses.Clause;
import io.serviceaccountbot.command.Command.CreateServiceAccount;
import java.util.Map;
import java.util.Optional;

/** {@code create service account <alias> [named "<display name>"] [license <sku>] [location <country code>]}. */
final class CreateServiceAccountGrammar extends Grammar<CreateServiceAccount> {

    private static final Clauses CLAUSES = Clauses.of(
            Clause.of("named", "a display name after 'named'", "named|called", "[the|a] display name"),
            Clause.of("license", "a licence after 'license', such as E1", "license|licence|sku"),
            Clause.of(
                    "location",
                    "a two-letter country code after 'location', such as US",
                    "[usage] location",
                    "country"));

    CreateServiceAccountGrammar() {
        super(
                CreateServiceAccount.class,
                Lead.all("create|make|add|new [a|an] [new] service account [called]"),
                CLAUSES,
                CommandSpec.draft("create service account")
                        .syntax("create service account <alias> [named \"<display name>\"] [license <sku>]"
                                + " [location <country code>]")
                        .summary("Creates a user with a mailbox to act as a service account; no password change is"
                                + " forced at first sign-in.")
                        .examples(
                                "create service account svc-sync",
                                "create service account svc-sync named \"Salesforce Sync\" license E1 location US")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest(
                                "Create service account",
                                "Create a user with a mailbox for a service, e.g. create service account svc-sync"
                                        + " license E1 location US"));
    }

    @Override
    CreateServiceAccount read(Lead.Match match) {
        Phrase.Slice alias = oneWord(match.rest(), CLAUSES.stops());
        if (alias.isBlank()) {
            throw missing("an alias for the new account");
        }
        Alias valid = Arguments.alias(alias.value());
        Map<String, String> clauses = CLAUSES.read(alias.rest(), this);
        return new CreateServiceAccount(
                valid,
                optional(clauses, "named", DirectoryRules.DISPLAY_NAME),
                optional(clauses, "license", DirectoryRules.LICENSE),
                optional(clauses, "location", DirectoryRules.USAGE_LOCATION));
    }

    private static Optional<String> optional(Map<String, String> clauses, String name, ValueRule rule) {
        return Optional.ofNullable(clauses.get(name)).map(raw -> Arguments.valid(rule, raw));
    }

    @Override
    String render(CreateServiceAccount command) {
        return "create service account " + Quoting.token(command.alias().value())
                + command.displayName()
                        .map(name -> " named " + Quoting.quoted(name))
                        .orElse("")
                + command.license().map(sku -> " license " + Quoting.token(sku)).orElse("")
                + command.usageLocation().map(country -> " location " + country).orElse("");
    }
}
