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
        return ReportCards.verification(verification.verify(command.account(), command.mailbox()));
    }
}
