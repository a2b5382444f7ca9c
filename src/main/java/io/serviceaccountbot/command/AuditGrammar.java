package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.Audit;
import java.util.List;
import java.util.Optional;

/** {@code audit [<account>]}. */
final class AuditGrammar extends Grammar<Audit> {

    AuditGrammar() {
        super(
                Audit.class,
                Lead.all("[show|get] [me] [the] audit [log|trail|history|entries] [for|of|on]"),
                Clauses.NONE,
                CommandSpec.draft("audit")
                        .syntax("audit [<account>]")
                        .summary("Shows the audit log, for one account or for everything.")
                        .examples("audit", "audit svc-sync")
                        .allowedTo(Role.PROVISIONING_ADMIN, Role.APPROVER)
                        .manifest(
                                "Audit log", "Show the audit log, for everything or one account, e.g. audit svc-sync"));
    }

    @Override
    Audit read(Lead.Match match) {
        Phrase.Slice account = oneWord(match.rest(), List.of());
        if (account.isBlank()) {
            return new Audit(Optional.empty());
        }
        AccountRef valid = Arguments.account(account.value());
        expectEnd(account.rest());
        return new Audit(Optional.of(valid));
    }

    @Override
    String render(Audit command) {
        return "audit"
                + command.account()
                        .map(account -> " " + Quoting.token(account.value()))
                        .orElse("");
    }
}
