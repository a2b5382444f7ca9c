package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import io.serviceaccountbot.verification.AccountVerification;
import io.serviceaccountbot.verification.MailboxFollowUps;
import io.serviceaccountbot.verification.VerificationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code verify <account>}: checks the account in the tenant, whether or not this bot provisioned it. With {@code
 * against <mailbox>} on an account whose mailbox Exchange is still creating, the probe cannot work yet: the answer
 * says so, and the verification runs again by itself once the mailbox is there, its report posted in the same
 * conversation ({@link VerificationFollowUpPosts}).
 */
@Component
class VerifyAnswer implements CommandAnswer<Command.Verify> {

    private static final Logger log = LoggerFactory.getLogger(VerifyAnswer.class);

    private final AccountVerification verification;
    private final MailboxFollowUps followUps;

    VerifyAnswer(AccountVerification verification, MailboxFollowUps followUps) {
        this.verification = verification;
        this.followUps = followUps;
    }

    @Override
    public Class<Command.Verify> commandType() {
        return Command.Verify.class;
    }

    @Override
    public BotMessage answer(Command.Verify command, Caller caller) {
        VerificationReport report = verification.verify(command.account(), command.mailbox());
        if (command.mailbox().isEmpty() || !report.mailboxComing()) {
            return ReportCards.verification(report);
        }
        String mailbox = command.mailbox().get();
        return ReportCards.verification(
                        report,
                        "⏳ **Waiting:** Exchange is still creating the mailbox of "
                                + UserText.forMarkdown(report.account())
                                + ", so the probe against " + UserText.forMarkdown(mailbox)
                                + " cannot work yet. I will run this verification again"
                                + " when the mailbox is there (waiting up to " + words(followUps) + ") and post it"
                                + " here.")
                .afterDelivery((asked, activityId) -> {
                    if (asked != null) {
                        boolean scheduled = followUps.verifyWhenMailboxReady(
                                command.account(), mailbox, VerificationFollowUpPosts.replyTo(asked));
                        log.debug(
                                "Follow-up of verify {} against {} {}",
                                report.account(),
                                mailbox,
                                scheduled ? "scheduled" : "was scheduled already");
                    }
                });
    }

    private static String words(MailboxFollowUps followUps) {
        long minutes = followUps.limit().toMinutes();
        return minutes >= 1
                ? minutes + (minutes == 1 ? " minute" : " minutes")
                : followUps.limit().toSeconds() + " seconds";
    }
}
