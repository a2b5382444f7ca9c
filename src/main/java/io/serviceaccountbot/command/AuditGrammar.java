package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.Audit;
import java.util.List;
import java.util.Optional;

/**
 * {@code audit [<account>|<request id>]}. A word shaped like a request id (R-7K2Q) names a request; an account whose
 * alias looks like one is written in quotes ({@code audit "R-7K2Q"}).
 */
final class AuditGrammar extends Grammar<Audit> {

    AuditGrammar() {
        super(
                Audit.class,
                Lead.all("[show|get] [me] [the] audit [log|trail|history|entries] [for|of|on] [request]"),
                Clauses.NONE,
                CommandSpec.draft("audit")
                        .syntax("audit [<account>|<request id>]")
                        .summary("Shows the audit log, one line per entry, for everything or for one account; for one"
                                + " request, its entries in full with the tenant's request ids.")
                        .examples("audit", "audit svc-sync", "audit R-7K2Q")
                        .allowedTo(Role.PROVISIONING_ADMIN, Role.APPROVER)
                        .manifest(
                                "Audit log",
                                "Show the audit log, for everything, one account (audit svc-sync) or one request (audit"
                                        + " R-7K2Q)"));
    }

    @Override
    Audit read(Lead.Match match) {
        Phrase rest = match.rest();
        Optional<Phrase.Slice> request = rest.word().isEmpty()
                ? Optional.empty()
                : rest.token().filter(word -> RequestId.RULE.accepts(word.value()));
        if (request.isPresent()) {
            RequestId id = Arguments.requestId(request.get().value());
            expectEnd(request.get().rest());
            return Audit.ofRequest(id);
        }
        Phrase.Slice account = oneWord(rest, List.of());
        if (account.isBlank()) {
            return new Audit(Optional.empty());
        }
        AccountRef valid = Arguments.account(account.value());
        expectEnd(account.rest());
        return new Audit(Optional.of(valid));
    }

    @Override
    String render(Audit command) {
        if (command.request().isPresent()) {
            return "audit " + command.request().get();
        }
        return "audit"
                + command.account()
                        .map(account -> " "
                                + (RequestId.RULE.accepts(account.value())
                                        ? Quoting.quoted(account.value())
                                        : Quoting.token(account.value())))
                        .orElse("");
    }
}
