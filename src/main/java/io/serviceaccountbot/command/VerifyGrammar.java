package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Clauses.Clause;
import io.serviceaccountbot.command.Command.Verify;
import java.util.Map;
import java.util.Optional;

/** {@code verify <account> [against <mailbox>]}, also "check svc-sync". */
final class VerifyGrammar extends Grammar<Verify> {

    private static final Clauses CLAUSES =
            Clauses.of(Clause.of("against", "a mailbox address after 'against'", "against [the] [mailbox]"));

    VerifyGrammar() {
        super(
                Verify.class,
                Lead.all("verify|check|test|validate [the] [impersonation|access|setup|account] [for|of]"),
                CLAUSES,
                CommandSpec.draft("verify")
                        .syntax("verify <account> [against <mailbox>]")
                        .summary("Checks that the account exists, has a mailbox and holds its access, optionally"
                                + " against one mailbox.")
                        .examples("verify svc-sync", "verify svc-sync against alex@contoso.com")
                        .allowedTo(Role.PROVISIONING_ADMIN, Role.APPROVER)
                        .manifest(
                                "Verify account",
                                "Check a service account and its access, e.g. verify svc-sync against"
                                        + " alex@contoso.com"));
    }

    @Override
    Verify read(Lead.Match match) {
        Phrase.Slice account = oneWord(match.rest(), CLAUSES.stops());
        if (account.isBlank()) {
            throw missing("the account to check");
        }
        AccountRef valid = Arguments.account(account.value());
        Map<String, String> clauses = CLAUSES.read(account.rest(), this);
        return new Verify(
                valid,
                Optional.ofNullable(clauses.get("against"))
                        .map(raw -> Arguments.valid(ExchangeRules.SMTP_ADDRESS, raw)));
    }

    @Override
    String render(Verify command) {
        return "verify " + Quoting.token(command.account().value())
                + command.mailbox()
                        .map(mailbox -> " against " + Quoting.token(mailbox))
                        .orElse("");
    }
}
