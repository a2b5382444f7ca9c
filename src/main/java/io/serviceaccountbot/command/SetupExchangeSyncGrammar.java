package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.SetupExchangeSync;
import java.util.Map;
import java.util.Optional;

/** {@code setup exchange sync for <alias> [for group "<group>"] [for <n> days] [because ...]}: the whole runbook. */
final class SetupExchangeSyncGrammar extends Grammar<SetupExchangeSync> {

    private static final Clauses CLAUSES =
            Clauses.of(GrantImpersonationGrammar.SCOPE_GROUP, GrantGrammars.DURATION, Clauses.BECAUSE);

    SetupExchangeSyncGrammar() {
        super(
                SetupExchangeSync.class,
                Lead.all(
                        "setup|configure|prepare [the] [salesforce] exchange sync [for]",
                        "set up [the] [salesforce] exchange sync [for]"),
                CLAUSES,
                CommandSpec.draft("setup exchange sync")
                        .syntax("setup exchange sync for <alias> [for group \"<group>\"] [for <n> days|hours] [because"
                                + " <justification>]")
                        .summary("Runs the whole Salesforce Exchange Sync runbook: creates the account, grants its"
                                + " access after approval, and verifies it; with for group, impersonation only over"
                                + " the mailboxes of that group (Exchange Server).")
                        .examples(
                                "setup exchange sync for svc-sync",
                                "setup exchange sync for svc-sync for group \"Sales Team\"",
                                "setup exchange sync for svc-sync for 30 days because a trial of the sync",
                                "setup exchange sync for svc-sync because Salesforce Exchange Sync for sales team")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest(
                                "Set up Exchange sync",
                                "Run the whole Salesforce Exchange Sync runbook, e.g. setup exchange sync for"
                                        + " svc-sync"));
    }

    @Override
    SetupExchangeSync read(Lead.Match match) {
        Phrase.Slice alias = oneWord(match.rest(), CLAUSES.stops());
        if (alias.isBlank()) {
            throw missing("an alias for the service account");
        }
        Alias valid = Arguments.alias(alias.value());
        Map<String, String> clauses = CLAUSES.read(alias.rest(), this);
        return new SetupExchangeSync(
                valid,
                Optional.ofNullable(clauses.get("scopeGroup"))
                        .map(raw -> Arguments.valid(ExchangeRules.GROUP_NAME, raw)),
                Optional.ofNullable(clauses.get("because")),
                Optional.ofNullable(clauses.get("duration")).map(Arguments::grantDuration));
    }

    @Override
    String render(SetupExchangeSync command) {
        return "setup exchange sync for " + Quoting.token(command.alias().value())
                + command.scopeGroup()
                        .map(name -> " for group " + Quoting.quoted(name))
                        .orElse("")
                + GrantGrammars.lasting(command.duration())
                + GrantImpersonationGrammar.because(command.justification());
    }
}
