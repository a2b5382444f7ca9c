package io.serviceaccountbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.command.Command.Approve;
import io.serviceaccountbot.command.Command.CreateServiceAccount;
import io.serviceaccountbot.command.Command.GrantImpersonation;
import io.serviceaccountbot.command.Command.Help;
import io.serviceaccountbot.command.Command.Plan;
import io.serviceaccountbot.command.Command.Reject;
import io.serviceaccountbot.command.Command.Verify;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The text the bot writes when it suggests a command or shows what a plan will run. */
class CommandTextTest {

    @Test
    void writesTheCanonicalForm() {
        Command command = new CreateServiceAccount(
                Alias.of("svc-sync"), Optional.of("Salesforce Sync"), Optional.of("E1"), Optional.of("us"));
        assertThat(CommandText.of(command))
                .isEqualTo(
                        "create service account svc-sync named \"Salesforce Sync\" license STANDARDPACK location US");
    }

    @Test
    void quotesNamesAndDoublesQuotesInsideThem() {
        Command command = new GrantImpersonation(
                AccountRef.of("svc-sync"), Optional.of("Bob \"The Sync\" Group"), Optional.empty(), Optional.empty());
        assertThat(CommandText.of(command))
                .isEqualTo("grant impersonation to svc-sync via group \"Bob \"\"The Sync\"\" Group\"");
    }

    @Test
    void quotesAnAccountSpelledLikeAKeyword() {
        assertThat(CommandText.of(new Verify(AccountRef.of("audit"), Optional.empty())))
                .isEqualTo("verify \"audit\"");
        assertThat(CommandText.of(new Verify(AccountRef.of("svc!"), Optional.empty())))
                .isEqualTo("verify \"svc!\"");
    }

    @Test
    void quotesFreeTextThatWouldOtherwiseLoseItsEnding() {
        Command command = new GrantImpersonation(
                AccountRef.of("svc-sync"), Optional.empty(), Optional.empty(), Optional.of("Is it needed?"));
        assertThat(CommandText.of(command)).isEqualTo("grant impersonation to svc-sync because \"Is it needed?\"");
        assertThat(CommandText.of(new Reject(RequestId.of("R-7K2Q"), "because no")))
                .isEqualTo("reject R-7K2Q \"because no\"");
        assertThat(CommandText.of(new Approve(RequestId.of("R-7K2Q"), Optional.of("fine by me"))))
                .isEqualTo("approve R-7K2Q fine by me");
    }

    @Test
    void writesPlanAroundTheCommandItPlans() {
        assertThat(CommandText.of(new Plan(new Help(Optional.of("Grant"))))).isEqualTo("plan help grant");
    }

    @Test
    void whatItWritesReadsBackAsTheSameCommand() {
        Command command = new Reject(RequestId.of("R-7K2Q"), "owner said \u201Cno\u201D.");
        assertThat(CommandParser.parse(CommandText.of(command))).isEqualTo(new ParseResult.Parsed(command));
    }
}
