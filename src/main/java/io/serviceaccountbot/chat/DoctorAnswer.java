package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.verification.BotAccessCheck;
import io.serviceaccountbot.verification.VerificationReport;
import org.springframework.stereotype.Component;

/** {@code doctor}: the bot's tokens and permissions, one line each, in one card. */
@Component
class DoctorAnswer implements CommandAnswer<Command.Doctor> {

    private final BotAccessCheck check;

    DoctorAnswer(BotAccessCheck check) {
        this.check = check;
    }

    @Override
    public Class<Command.Doctor> commandType() {
        return Command.Doctor.class;
    }

    @Override
    public BotMessage answer(Command.Doctor command, Caller caller) {
        VerificationReport report = check.check();
        return ReportCards.doctor(report);
    }
}
