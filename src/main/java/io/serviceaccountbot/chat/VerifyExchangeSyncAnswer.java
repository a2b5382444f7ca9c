package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.verification.SalesforceSyncVerification;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code verify exchange sync [for group "<group>"] [against <mailbox>]}: Salesforce's set-up, checked as it stands. */
@Component
class VerifyExchangeSyncAnswer implements CommandAnswer<Command.VerifyExchangeSync> {

    private final SalesforceSyncVerification verification;

    VerifyExchangeSyncAnswer(SalesforceSyncVerification verification) {
        this.verification = verification;
    }

    @Override
    public Class<Command.VerifyExchangeSync> commandType() {
        return Command.VerifyExchangeSync.class;
    }

    @Override
    public BotMessage answer(Command.VerifyExchangeSync command, Caller caller) {
        return ReportCards.verification(
                verification.verify(command.group(), command.outsider(), Optional.ofNullable(caller.aadObjectId())));
    }
}
