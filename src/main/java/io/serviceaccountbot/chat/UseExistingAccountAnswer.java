package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.teams.AdaptiveCards;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import io.serviceaccountbot.verification.AccountVerification;
import io.serviceaccountbot.verification.VerificationReport;
import org.springframework.stereotype.Component;

/**
 * {@code use <upn> as service account}: the article allows an existing user with a mailbox; this checks that the user
 * can serve (enabled, no forced password change, a password that never expires, Exchange licence, mailbox) and says
 * what is missing.
 */
@Component
class UseExistingAccountAnswer implements CommandAnswer<Command.UseExistingAccount> {

    private final AccountVerification verification;

    UseExistingAccountAnswer(AccountVerification verification) {
        this.verification = verification;
    }

    @Override
    public Class<Command.UseExistingAccount> commandType() {
        return Command.UseExistingAccount.class;
    }

    @Override
    public BotMessage answer(Command.UseExistingAccount command, Caller caller) {
        VerificationReport report = verification.verifyAccountOnly(AccountRef.of(command.upn()));
        BotMessage card = ReportCards.verification(report);
        String conclusion = report.allPassed()
                ? command.upn() + " can be the service account. Its password stays with whoever manages it now;"
                        + " next, type: grant impersonation to " + command.upn()
                : command.upn() + " cannot be the service account until the failed checks are fixed.";
        ((tools.jackson.databind.node.ArrayNode) card.card().get("body"))
                .add(AdaptiveCards.text(UserText.forMarkdown(conclusion)).put("weight", "Bolder"));
        return BotMessage.card(UserText.forMarkdown(conclusion), card.card());
    }
}
