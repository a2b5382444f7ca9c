package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.RemoveFromExchangeSync;
import java.util.Map;
import java.util.Optional;

/** {@code remove <mailbox> from exchange sync [for group "<group>"] [because ...]}: one mailbox fewer for Salesforce. */
final class RemoveFromExchangeSyncGrammar extends Grammar<RemoveFromExchangeSync> {

    private static final Clauses CLAUSES = Clauses.of(ExchangeSyncClauses.GROUP, Clauses.BECAUSE);

    RemoveFromExchangeSyncGrammar() {
        super(
                RemoveFromExchangeSync.class,
                Lead.all("remove|exclude|drop|take _ from|out [of] [the] [salesforce] exchange sync"),
                CLAUSES,
                CommandSpec.draft("remove from exchange sync")
                        .syntax("remove <mailbox> from exchange sync [for group \"<group>\"] [because <reason>]")
                        .summary("On Exchange Online: Salesforce stops reading a mailbox, which leaves the group its"
                                + " scope takes in. It only narrows access, so it runs at once.")
                        .examples(
                                "remove isaiahl@contoso.com from exchange sync",
                                "remove isaiahl@contoso.com from exchange sync because Isaiah left the sales team")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest(
                                "Remove from Salesforce sync",
                                "Stop Salesforce reading a mailbox, e.g. remove isaiahl@contoso.com from exchange"
                                        + " sync"));
    }

    @Override
    RemoveFromExchangeSync read(Lead.Match match) {
        String mailbox = match.slots().get(0);
        Map<String, String> clauses = CLAUSES.read(match.rest(), this);
        return new RemoveFromExchangeSync(
                Arguments.valid(ExchangeRules.SMTP_ADDRESS, mailbox),
                ExchangeSyncClauses.group(clauses),
                Optional.ofNullable(clauses.get("because")));
    }

    @Override
    String render(RemoveFromExchangeSync command) {
        return "remove " + Quoting.token(command.mailbox()) + " from exchange sync"
                + ExchangeSyncClauses.group(command.group())
                + GrantImpersonationGrammar.because(command.reason());
    }
}
