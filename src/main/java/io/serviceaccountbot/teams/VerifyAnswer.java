package io.serviceaccountbot.teams;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.verification.AccountVerification;
import org.springframework.stereotype.Component;

/** {@code verify <account>}: checks the account in the tenant, whether or not this bot provisioned it. */
@Component
class VerifyAnswer implements CommandAnswer<Command.Verify> {

    private final AccountVerification verification;

    VerifyAnswer(AccountVerification verification) {
        this.verification = verification;
    }

    @Override
    public Class<Command.Verify> commandType() {
        return Command.Verify.class;
    }

    @Override
    public BotMessage answer(Command.Verify command, Caller caller) {
        BotMessage report = ReportCards.verification(verification.verify(command.account()));
        command.mailbox()
                .ifPresent(mailbox -> ((tools.jackson.databind.node.ArrayNode)
                                report.card().get("body"))
                        .add(AdaptiveCards.subtle("The live impersonation probe against " + mailbox
                                + " is not available yet; the checks above do not depend on it.")));
        return report;
    }
}
