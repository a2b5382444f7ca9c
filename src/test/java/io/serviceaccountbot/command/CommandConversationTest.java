package io.serviceaccountbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.command.Command.Approve;
import io.serviceaccountbot.command.Command.Audit;
import io.serviceaccountbot.command.Command.AuditVerify;
import io.serviceaccountbot.command.Command.Cancel;
import io.serviceaccountbot.command.Command.CreateServiceAccount;
import io.serviceaccountbot.command.Command.GrantAppAccess;
import io.serviceaccountbot.command.Command.GrantImpersonation;
import io.serviceaccountbot.command.Command.Help;
import io.serviceaccountbot.command.Command.Plan;
import io.serviceaccountbot.command.Command.Reject;
import io.serviceaccountbot.command.Command.Requests;
import io.serviceaccountbot.command.Command.Retry;
import io.serviceaccountbot.command.Command.RevokeImpersonation;
import io.serviceaccountbot.command.Command.SetupExchangeSync;
import io.serviceaccountbot.command.Command.ShowRoleGroup;
import io.serviceaccountbot.command.Command.UseExistingAccount;
import io.serviceaccountbot.command.Command.Verify;
import io.serviceaccountbot.command.Command.WhoAmI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What admins type in Teams, and what the bot understands. */
class CommandConversationTest {

    private static final UUID APP = UUID.fromString("6f1c9a5e-2b7d-4c1e-9a3f-8d2e4b6c0a71");

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("phrasings")
    void understandsTheWaysAdminsPhraseThings(String typed, Command meant) {
        assertThat(parse(typed)).isEqualTo(parsed(meant));
    }

    static Stream<Arguments> phrasings() {
        return Stream.of(
                said("create service account svc-sync", create("svc-sync")),
                said("please create a service account called svc-sync", create("svc-sync")),
                said("create a service account svc-sync", create("svc-sync")),
                said("could you create service account svc-sync?", create("svc-sync")),
                said("Create a new Service Account svc-sync please", create("svc-sync")),
                said("I'd like to create a service account svc-sync, thanks!", create("svc-sync")),
                said("give svc-sync impersonation rights", grant("svc-sync")),
                said("give impersonation to svc-sync", grant("svc-sync")),
                said("grant impersonation to svc-sync", grant("svc-sync")),
                said("grant ApplicationImpersonation to svc-sync@contoso.com", grantUpn("svc-sync@contoso.com")),
                said("remove impersonation from svc-sync", new RevokeImpersonation(alias("svc-sync"), none())),
                said("revoke svc-sync impersonation", new RevokeImpersonation(alias("svc-sync"), none())),
                said("set up exchange sync for svc-sync", new SetupExchangeSync(Alias.of("svc-sync"), none())),
                said("setup exchange sync for svc-sync", new SetupExchangeSync(Alias.of("svc-sync"), none())),
                said(
                        "setup exchange sync for svc-sync for group \"Sales Team\" because CRM",
                        new SetupExchangeSync(Alias.of("svc-sync"), Optional.of("Sales Team"), Optional.of("CRM"))),
                said(
                        "set up exchange sync for svc-sync over the mailboxes of group \"Sales Team\"",
                        new SetupExchangeSync(Alias.of("svc-sync"), Optional.of("Sales Team"), none())),
                said("check svc-sync", new Verify(alias("svc-sync"), none())),
                said("verify impersonation for svc-sync", new Verify(alias("svc-sync"), none())),
                said(
                        "verify svc-sync against alex@contoso.com",
                        new Verify(alias("svc-sync"), Optional.of("alex@contoso.com"))),
                said("show role group Exchange sync role group", new ShowRoleGroup("Exchange sync role group")),
                said("who am i", new WhoAmI()),
                said("Who am I?", new WhoAmI()),
                said("whoami", new WhoAmI()),
                said("review mailbox access", new Command.ReviewMailboxAccess()),
                said("Please review the access to mailboxes", new Command.ReviewMailboxAccess()),
                said("drift", new Command.Drift()),
                said("what has drifted?", new Command.Drift()),
                said(
                        "restore svc-sync as approved",
                        new Command.RestoreAsApproved(AccountRef.of("svc-sync"), Optional.empty())),
                said(
                        "please restore the grant of svc-sync@contoso.com as approved because pattif was added by hand",
                        new Command.RestoreAsApproved(
                                AccountRef.of("svc-sync@contoso.com"), Optional.of("pattif was added by hand"))),
                said("thanks, help", new Help(none())),
                said("help", new Help(none())),
                said("what can you do?", new Help(none())),
                said("help me with grant", new Help(Optional.of("grant"))),
                said("requests", new Requests(RequestFilter.PENDING)),
                said("my requests", new Requests(RequestFilter.MINE)),
                said("show me all requests", new Requests(RequestFilter.ALL)),
                said("requests mine", new Requests(RequestFilter.MINE)),
                said("approve r-7k2q", new Approve(RequestId.of("R-7K2Q"), none())),
                said(
                        "approve R-7K2Q: checked with Alex",
                        new Approve(RequestId.of("R-7K2Q"), Optional.of("checked with Alex"))),
                said(
                        "deny request R-7K2Q because the owner said no",
                        new Reject(RequestId.of("R-7K2Q"), "the owner said no")),
                said("cancel my request R-7K2Q", new Cancel(RequestId.of("R-7K2Q"))),
                said("retry R-7K2Q", new Retry(RequestId.of("R-7K2Q"))),
                said("please resume my request r-7k2q", new Retry(RequestId.of("R-7K2Q"))),
                said("audit", new Audit(none())),
                said("show the audit log for svc-sync", new Audit(Optional.of(alias("svc-sync")))),
                said("audit R-7K2Q", Audit.ofRequest(RequestId.of("R-7K2Q"))),
                said("show me the audit trail of request r-7k2q", Audit.ofRequest(RequestId.of("R-7K2Q"))),
                said("audit verify", new AuditVerify()),
                said("verify the audit log", new AuditVerify()),
                said("use svc-sync@contoso.com as service account", new UseExistingAccount("svc-sync@contoso.com")),
                said(
                        "use the existing mailbox svc-sync@contoso.com as a service account",
                        new UseExistingAccount("svc-sync@contoso.com")),
                said(
                        "dry run setup exchange sync for svc-sync",
                        new Plan(new SetupExchangeSync(Alias.of("svc-sync"), none()))));
    }

    @Test
    void createTakesADisplayNameLicenceAndCountryInAnyOrder() {
        assertThat(parse("create service account svc-sync location us license e1 named \"Salesforce Sync\""))
                .isEqualTo(parsed(new CreateServiceAccount(
                        Alias.of("svc-sync"),
                        Optional.of("Salesforce Sync"),
                        Optional.of("STANDARDPACK"),
                        Optional.of("US"))));
    }

    @Test
    void licenceShortNamesBecomeTheirSkuPartNumbers() {
        assertThat(licenceOf("create service account svc-sync license E3")).contains("ENTERPRISEPACK");
        assertThat(licenceOf("create service account svc-sync license e5")).contains("ENTERPRISEPREMIUM");
        assertThat(licenceOf("create service account svc-sync license Microsoft_365_E5_(no_Teams)"))
                .contains("Microsoft_365_E5_(no_Teams)");
    }

    @Test
    void privilegedCommandsKeepTheJustificationAfterBecause() {
        assertThat(parse("grant impersonation to svc-sync because Salesforce Exchange Sync for sales team"))
                .isEqualTo(parsed(new GrantImpersonation(
                        alias("svc-sync"), none(), none(), Optional.of("Salesforce Exchange Sync for sales team"))));
        assertThat(parse("setup exchange sync for svc-sync because \"sales, Q3\""))
                .isEqualTo(parsed(new SetupExchangeSync(Alias.of("svc-sync"), Optional.of("sales, Q3"))));
    }

    @Test
    void grantImpersonationCanGoThroughAGroupAndANamedRoleGroup() {
        assertThat(parse("grant impersonation to svc-sync in role group \"Exchange sync role group\""
                        + " via group \"Exchange Sync Accounts\" because sales sync"))
                .isEqualTo(parsed(new GrantImpersonation(
                        alias("svc-sync"),
                        Optional.of("Exchange Sync Accounts"),
                        Optional.of("Exchange sync role group"),
                        Optional.of("sales sync"))));
    }

    @Test
    void aGrantMayLastSomeDaysHoursOrMinutesAndSaysSoWhenWrittenBack() {
        GrantImpersonation thirtyDays = new GrantImpersonation(
                alias("svc-sync"),
                none(),
                none(),
                none(),
                Optional.of("migration"),
                Optional.of(new GrantDuration(30, ChronoUnit.DAYS)));
        assertThat(parse("grant impersonation to svc-sync for 30 days because migration"))
                .isEqualTo(parsed(thirtyDays));
        assertThat(CommandText.of(thirtyDays))
                .isEqualTo("grant impersonation to svc-sync for 30 days because migration");
        assertThat(parse("grant impersonation to svc-sync for group \"Sales Team\" for 1 hour"))
                .isEqualTo(parsed(new GrantImpersonation(
                        alias("svc-sync"),
                        none(),
                        none(),
                        Optional.of("Sales Team"),
                        none(),
                        Optional.of(new GrantDuration(1, ChronoUnit.HOURS)))));
        assertThat(parse("grant impersonation to svc-sync via group Accounts for Sales lasting 2 minutes"))
                .isEqualTo(parsed(new GrantImpersonation(
                        alias("svc-sync"),
                        Optional.of("Accounts for Sales"),
                        none(),
                        none(),
                        none(),
                        Optional.of(new GrantDuration(2, ChronoUnit.MINUTES)))));
    }

    @Test
    void theSetUpsAndAppAccessMayLastSomeDaysToo() {
        assertThat(parse("setup exchange sync for svc-sync for group \"Sales Team\" for 30 days because a trial"))
                .isEqualTo(parsed(new Command.SetupExchangeSync(
                        Alias.of("svc-sync"),
                        Optional.of("Sales Team"),
                        Optional.of("a trial"),
                        Optional.of(new GrantDuration(30, ChronoUnit.DAYS)))));
        Command.SetupSalesforceSync salesforce = new Command.SetupSalesforceSync(
                "Sales Team",
                List.of("Application Mail.Read"),
                none(),
                Optional.of(new GrantDuration(12, ChronoUnit.HOURS)));
        assertThat(parse("setup exchange sync for group \"Sales Team\" roles Application Mail.Read for 12 hours"))
                .isEqualTo(parsed(salesforce));
        assertThat(CommandText.of(salesforce))
                .isEqualTo("setup exchange sync for group \"Sales Team\" roles Application Mail.Read for 12 hours");
        assertThat(parse("grant app access to 6f1c9a5e-2b7d-4c1e-9a3f-8d2e4b6c0a71 for group Sales Mailboxes lasting 7"
                        + " days because a pilot"))
                .isEqualTo(parsed(new GrantAppAccess(
                        java.util.UUID.fromString("6f1c9a5e-2b7d-4c1e-9a3f-8d2e4b6c0a71"),
                        "Sales Mailboxes",
                        GrantAppAccess.DEFAULT_ROLES,
                        Optional.of("a pilot"),
                        Optional.of(new GrantDuration(7, ChronoUnit.DAYS)))));
    }

    @Test
    void aDurationThatIsNotAWholeNumberInDigitsIsRefusedWithAnExample() {
        assertThat(((ParseResult.Rejected) parse("grant impersonation to svc-sync for two days"))
                        .error()
                        .message())
                .contains("'two' is not a valid duration")
                .contains("in digits")
                .contains("for 30 days");
        assertThat(((ParseResult.Rejected) parse("grant impersonation to svc-sync for 0 days"))
                        .error()
                        .message())
                .contains("'0' is not a valid duration");
    }

    @Test
    void aBecauseInsideAQuotedNameIsPartOfTheName() {
        assertThat(parse("grant impersonation to svc-sync via group \"Sync because sales\""))
                .isEqualTo(parsed(
                        new GrantImpersonation(alias("svc-sync"), Optional.of("Sync because sales"), none(), none())));
    }

    @Test
    void grantAppAccessDefaultsToMailReadWriteAndAcceptsShortRoleNames() {
        assertThat(parse("grant app access to " + APP + " for group \"Sales Mailboxes\""))
                .isEqualTo(parsed(
                        new GrantAppAccess(APP, "Sales Mailboxes", List.of("Application Mail.ReadWrite"), none())));
        assertThat(parse("grant application access to {" + APP.toString().toUpperCase() + "} for the group Sales"
                        + " roles mail.read and Calendars.ReadWrite because sales sync"))
                .isEqualTo(parsed(new GrantAppAccess(
                        APP,
                        "Sales",
                        List.of("Application Mail.Read", "Application Calendars.ReadWrite"),
                        Optional.of("sales sync"))));
    }

    @Test
    void smartQuotesAndNonBreakingSpacesFromTeamsAreReadAsPlainOnes() {
        assertThat(parse("show\u00A0role group \u201CExchange sync role group\u201D"))
                .isEqualTo(parsed(new ShowRoleGroup("Exchange sync role group")));
        assertThat(parse("create service account svc-sync named \u201EO\u2019Brien Sync\u201F"))
                .isEqualTo(parsed(
                        new CreateServiceAccount(Alias.of("svc-sync"), Optional.of("O'Brien Sync"), none(), none())));
    }

    @Test
    void directionMarksFromRightToLeftKeyboardsAroundTheMessageAreIgnored() {
        assertThat(parse("\u200F verify svc-sync\u200E")).isEqualTo(parsed(new Verify(alias("svc-sync"), none())));
    }

    @Test
    void anInvisibleCharacterThatWouldChangeAWordIsRefusedAndNamed() {
        assertThat(parse("create service account svc\u200Bsec1"))
                .isEqualTo(
                        new ParseResult.Rejected(new ParseError.InvisibleCharacter("U+200B ZERO WIDTH SPACE", "svc")));
        assertThat(((ParseResult.Rejected) parse("verify\u200B svc-sync"))
                        .error()
                        .message())
                .startsWith("Your message contains an invisible character (U+200B ZERO WIDTH SPACE) after 'verify';"
                        + " retype it without it.");
        assertThat(parse("verify svc\u200Fsync")).isInstanceOf(ParseResult.Rejected.class);
        assertThat(parse("verify svc\u2066sync")).isInstanceOf(ParseResult.Rejected.class);
        assertThat(parse("verify svc\u00ADsync")).isInstanceOf(ParseResult.Rejected.class);
    }

    @Test
    void aJoinerInsideAnEmojiIsPartOfThePicture() {
        assertThat(parse("grant impersonation to svc-sync because family \uD83D\uDC68\u200D\uD83D\uDC69 sync"))
                .isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void aQuoteInsideAQuotedNameIsWrittenTwice() {
        assertThat(parse("show role group \"Bob \"\"The Sync\"\" Group\""))
                .isEqualTo(parsed(new ShowRoleGroup("Bob \"The Sync\" Group")));
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        assertThat(parse("show role group \"Exchange sync role group"))
                .isEqualTo(parsed(new ShowRoleGroup("Exchange sync role group")));
    }

    @Test
    void requestIdsAreUpperCased() {
        assertThat(parse("reject r-7k2q not approved by the mailbox owner"))
                .isEqualTo(parsed(new Reject(RequestId.of("R-7K2Q"), "not approved by the mailbox owner")));
    }

    @Test
    void planWrapsAnyOtherCommand() {
        assertThat(parse("plan grant impersonation to svc-sync")).isEqualTo(parsed(new Plan(grant("svc-sync"))));
        assertThat(parse("please plan to create a service account called svc-sync"))
                .isEqualTo(parsed(new Plan(create("svc-sync"))));
    }

    @Test
    void whenTwoCommandsCouldMatchTheOneWithMoreKeywordsWins() {
        assertThat(parse("verify audit log")).isEqualTo(parsed(new AuditVerify()));
        assertThat(parse("withdraw impersonation from svc-sync"))
                .isEqualTo(parsed(new RevokeImpersonation(alias("svc-sync"), none())));
        assertThat(parse("withdraw R-7K2Q")).isEqualTo(parsed(new Cancel(RequestId.of("R-7K2Q"))));
    }

    @Test
    void anAccountSpelledLikeAKeywordCanBeQuoted() {
        assertThat(parse("verify \"audit\"")).isEqualTo(parsed(new Verify(alias("audit"), none())));
        assertThat(parse("audit \"verify\"")).isEqualTo(parsed(new Audit(Optional.of(alias("verify")))));
    }

    @Test
    void anAccountWhoseAliasLooksLikeARequestIdIsAuditedInQuotes() {
        assertThat(parse("audit \"R-7K2Q\"")).isEqualTo(parsed(new Audit(Optional.of(alias("R-7K2Q")))));
        assertThat(CommandText.of(new Audit(Optional.of(alias("R-7K2Q"))))).isEqualTo("audit \"R-7K2Q\"");
        assertThat(CommandText.of(Audit.ofRequest(RequestId.of("R-7K2Q")))).isEqualTo("audit R-7K2Q");
    }

    private static Optional<String> licenceOf(String typed) {
        return ((CreateServiceAccount) ((ParseResult.Parsed) parse(typed)).command()).license();
    }

    private static ParseResult parse(String typed) {
        return CommandParser.parse(typed);
    }

    private static ParseResult parsed(Command command) {
        return new ParseResult.Parsed(command);
    }

    private static Arguments said(String typed, Command meant) {
        return Arguments.of(typed, meant);
    }

    private static CreateServiceAccount create(String alias) {
        return new CreateServiceAccount(Alias.of(alias), none(), none(), none());
    }

    private static GrantImpersonation grant(String alias) {
        return new GrantImpersonation(alias(alias), none(), none(), none());
    }

    private static GrantImpersonation grantUpn(String upn) {
        return new GrantImpersonation(AccountRef.of(upn), none(), none(), none());
    }

    private static AccountRef alias(String alias) {
        return new AccountRef.ByAlias(alias);
    }

    private static <T> Optional<T> none() {
        return Optional.empty();
    }
}
