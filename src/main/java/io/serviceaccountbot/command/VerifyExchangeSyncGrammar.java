package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Clauses.Clause;
import io.serviceaccountbot.command.Command.VerifyExchangeSync;
import java.util.Map;
import java.util.Optional;

/**
 * {@code verify exchange sync [for group "<group>"] [against <mailbox>]}: checks Salesforce's Exchange Online set-up.
 * Its phrasing names the sync, so it outweighs {@code verify <account>}.
 */
final class VerifyExchangeSyncGrammar extends Grammar<VerifyExchangeSync> {

    private static final Clauses CLAUSES = Clauses.of(
            ExchangeSyncClauses.GROUP,
            Clause.of("against", "a mailbox address after 'against'", "against [the] [mailbox]"));

    VerifyExchangeSyncGrammar() {
        super(
                VerifyExchangeSync.class,
                Lead.all("verify|check|test|validate [the] [salesforce] exchange sync"),
                CLAUSES,
                CommandSpec.draft("verify exchange sync")
                        .syntax("verify exchange sync [for group \"<group>\"] [against <mailbox>]")
                        .summary("Checks Salesforce's Exchange Online set-up: its app is there with no tenant-wide"
                                + " mailbox permission left, the group's mailboxes are in scope, and a mailbox outside"
                                + " the group is not.")
                        .examples(
                                "verify exchange sync",
                                "verify exchange sync for group \"Sales Team\"",
                                "verify exchange sync for group \"Sales Team\" against isaiahl@contoso.com")
                        .allowedTo(Role.PROVISIONING_ADMIN, Role.APPROVER)
                        .manifest(
                                "Verify Salesforce sync",
                                "Check Salesforce's Exchange Online access, e.g. verify exchange sync for group"
                                        + " \"Sales Team\""));
    }

    @Override
    VerifyExchangeSync read(Lead.Match match) {
        Map<String, String> clauses = CLAUSES.read(match.rest(), this);
        return new VerifyExchangeSync(
                ExchangeSyncClauses.group(clauses),
                Optional.ofNullable(clauses.get("against"))
                        .map(raw -> Arguments.valid(ExchangeRules.SMTP_ADDRESS, raw)));
    }

    @Override
    String render(VerifyExchangeSync command) {
        return "verify exchange sync" + ExchangeSyncClauses.group(command.group())
                + command.outsider()
                        .map(mailbox -> " against " + Quoting.token(mailbox))
                        .orElse("");
    }
}
