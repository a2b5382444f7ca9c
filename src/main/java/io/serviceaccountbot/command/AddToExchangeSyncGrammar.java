package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.AddToExchangeSync;
import java.util.Map;
import java.util.Optional;

/** {@code add <mailbox> to exchange sync [for group "<group>"] [because ...]}: one more mailbox for Salesforce. */
final class AddToExchangeSyncGrammar extends Grammar<AddToExchangeSync> {

    private static final Clauses CLAUSES = Clauses.of(ExchangeSyncClauses.GROUP, Clauses.BECAUSE);

    AddToExchangeSyncGrammar() {
        super(
                AddToExchangeSync.class,
                Lead.all("add|include _ to|in|into [the] [salesforce] exchange sync"),
                CLAUSES,
                CommandSpec.draft("add to exchange sync")
                        .syntax("add <mailbox> to exchange sync [for group \"<group>\"] [because <justification>]")
                        .summary("On Exchange Online: lets Salesforce read one more mailbox, by adding it to the group"
                                + " its scope takes in, after approval.")
                        .examples(
                                "add isaiahl@contoso.com to exchange sync",
                                "add isaiahl@contoso.com to exchange sync for group \"Sales Team\" because Isaiah"
                                        + " joined the sales team")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest(
                                "Add to Salesforce sync",
                                "Ask to let Salesforce read one more mailbox, e.g. add isaiahl@contoso.com to exchange"
                                        + " sync"));
    }

    @Override
    AddToExchangeSync read(Lead.Match match) {
        String mailbox = match.slots().get(0);
        Map<String, String> clauses = CLAUSES.read(match.rest(), this);
        return new AddToExchangeSync(
                Arguments.valid(ExchangeRules.SMTP_ADDRESS, mailbox),
                ExchangeSyncClauses.group(clauses),
                Optional.ofNullable(clauses.get("because")));
    }

    @Override
    String render(AddToExchangeSync command) {
        return "add " + Quoting.token(command.mailbox()) + " to exchange sync"
                + ExchangeSyncClauses.group(command.group())
                + GrantImpersonationGrammar.because(command.justification());
    }
}
