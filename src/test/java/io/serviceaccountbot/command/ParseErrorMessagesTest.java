package io.serviceaccountbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the bot answers when it can't do what was typed: plain words, what is wrong, and an example that works. */
class ParseErrorMessagesTest {

    @Test
    void nothingToReadPointsToHelp() {
        assertThat(replyTo("")).isEqualTo("Type help to see what I can do.");
        assertThat(replyTo("   ")).isEqualTo("Type help to see what I can do.");
        assertThat(replyTo("thanks!")).isEqualTo("Type help to see what I can do.");
        assertThat(replyTo(null)).isEqualTo("Type help to see what I can do.");
    }

    @Test
    void aTypoInTheCommandGetsADidYouMean() {
        assertThat(replyTo("crate service acount svc1"))
                .isEqualTo("I don't know 'crate service acount svc1'. Did you mean create service account?"
                        + " For example: create service account svc-sync");
        assertThat(replyTo("aprove R-7K2Q")).contains("Did you mean approve?");
        assertThat(replyTo("hlep")).contains("Did you mean help?");
        assertThat(replyTo("grant foo")).contains("Did you mean grant impersonation?");
    }

    @Test
    void gibberishGetsNoGuessButAPointerToHelp() {
        assertThat(replyTo("asdkjh qwe zzz"))
                .isEqualTo("I don't know 'asdkjh qwe zzz'. Type help to see what I can do.");
    }

    @Test
    void aBadAliasSaysWhichRuleItBreaksAndShowsOneThatWorks() {
        assertThat(replyTo("create service account \"svc sync\""))
                .startsWith("'svc sync' is not a valid alias: an alias may only contain letters, digits and")
                .contains("no spaces")
                .endsWith("For example: svc-sync");
        assertThat(replyTo("create service account svc sync")).startsWith("'svc sync' is not a valid alias");
        assertThat(replyTo("create service account svc+sync")).contains("'svc+sync' is not a valid alias");
        assertThat(replyTo("create service account .svc")).contains("can't start or end with a period");
        assertThat(replyTo("create service account " + "a".repeat(65))).contains("at most 64 characters");
    }

    @Test
    void badValuesOfOtherKindsNameTheirRule() {
        assertThat(replyTo("create service account svc-sync location USA"))
                .contains("'USA' is not a valid country code", "two-letter", "For example: US");
        assertThat(replyTo("create service account svc-sync license E3!x")).contains("is not a valid licence");
        assertThat(replyTo("use svc-sync as service account"))
                .contains("'svc-sync' is not a valid user principal name", "exactly one @");
        assertThat(replyTo("use svc.@contoso.com as service account")).contains("can't start with a period or end");
        assertThat(replyTo("verify svc-sync against alex"))
                .contains("'alex' is not a valid mailbox address", "For example: alex@contoso.com");
        assertThat(replyTo("grant app access to not-a-guid for group \"Sales\""))
                .contains("'not-a-guid' is not a valid app id", "GUID");
        assertThat(replyTo("grant app access to 6f1c9a5e-2b7d-4c1e-9a3f-8d2e4b6c0a71 for group Sales roles Mail.Sendd"))
                .contains("'Mail.Sendd' is not a valid application role", "Application Mail.Send");
        assertThat(replyTo("approve R-7K2O")).contains("'R-7K2O' is not a valid request id", "without I, L, O or U");
        assertThat(replyTo("show role group " + "x".repeat(65))).contains("at most 64 characters");
    }

    @Test
    void aMissingPartIsNamedWithAnExample() {
        assertThat(replyTo("reject R-7K2Q"))
                .isEqualTo("reject needs a reason. For example: reject R-7K2Q not approved by the mailbox owner");
        assertThat(replyTo("create service account"))
                .isEqualTo("create service account needs an alias for the new account."
                        + " For example: create service account svc-sync");
        assertThat(replyTo("approve")).startsWith("approve needs the id of the request");
        assertThat(replyTo("grant impersonation to svc-sync because"))
                .contains("needs a justification after 'because'");
        assertThat(replyTo("grant app access to 6f1c9a5e-2b7d-4c1e-9a3f-8d2e4b6c0a71"))
                .contains("grant app access needs the group");
        assertThat(replyTo("create service account svc-sync license")).contains("needs a licence after 'license'");
        assertThat(replyTo("plan")).startsWith("plan needs a command to dry-run");
    }

    @Test
    void wordsTheCommandDoesNotTakeAreQuotedBack() {
        assertThat(replyTo("grant impersonation to svc-sync for Salesforce"))
                .startsWith("I understood grant impersonation, but not 'for Salesforce'.")
                .contains("For example: grant impersonation to svc-sync via group");
        assertThat(replyTo("create service account svc-sync license E1 license E3"))
                .startsWith("I understood create service account, but not 'license E3'.");
        assertThat(replyTo("whoami today")).startsWith("I understood whoami, but not 'today'.");
    }

    @Test
    void aPlanOfAPlanIsRefused() {
        assertThat(replyTo("plan plan x"))
                .contains("'plan x' is not a valid command to plan", "plan can't dry-run another plan");
    }

    @Test
    void aPlanOfSomethingWrongSaysWhatIsWrongInside() {
        assertThat(replyTo("plan reject R-7K2Q")).startsWith("reject needs a reason.");
    }

    @Test
    void longInputIsNeverEchoedInFull() {
        String longAlias = "x".repeat(500);
        String reply = replyTo("create service account " + longAlias);
        assertThat(reply).contains("x".repeat(60) + "…").doesNotContain("x".repeat(61));
        assertThat(replyTo("y".repeat(1_500))).contains("y".repeat(60) + "…").doesNotContain("y".repeat(61));
    }

    @Test
    void overlongMessagesAreRefusedWithTheirLength() {
        assertThat(replyTo("help ".repeat(20_000)))
                .isEqualTo("That message is 100,000 characters long; I only read commands of up to 2,000 characters."
                        + " Type help to see what I can do.");
    }

    private static String replyTo(String typed) {
        ParseResult result = CommandParser.parse(typed);
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return ((ParseResult.Rejected) result).error().message();
    }
}
