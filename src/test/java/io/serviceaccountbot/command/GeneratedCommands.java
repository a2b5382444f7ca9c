package io.serviceaccountbot.command;

import static org.quicktheories.generators.SourceDSL.longs;

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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of valid commands. Values are drawn from each rule's whole character set, from the language's own
 * keywords (an account called "audit" must survive a round trip) and from hostile free text.
 *
 * <p>Values a rule refuses are filtered out with {@code assuming}, so a theory using these generators needs more
 * generate attempts than QuickTheories' default of 10 (see {@link #GENERATE_ATTEMPTS}). A failing command shrinks
 * towards the first kind listed (help), towards absent optional parts and towards shorter values.
 */
final class GeneratedCommands {

    /** Filtered draws one generated command may throw away; about one in five draws of a group name is too long. */
    static final int GENERATE_ATTEMPTS = 1_000;

    private static final String UPN_PUNCTUATION = "'._!#^~-";
    private static final String NICKNAME_PUNCTUATION = "!#%*+/=?^_~$&'`{}|.-";
    private static final String LATIN_1_SUPPLEMENT = latin1Supplement();
    private static final String CROCKFORD_BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghjkmnpqrstvwxyz";

    /** Percent of optional values left out. */
    private static final int ABSENT = 25;

    private GeneratedCommands() {}

    /** Any command; one in ten is a plan of another. */
    static Gen<Command> any() {
        Gen<Command> simple = simple();
        Gen<Command> planned = simple.map(command -> new Plan(command));
        return Generate.frequency(Pair.of(9, simple), Pair.of(1, planned));
    }

    /** Every kind of command but a plan, equally often. */
    private static Gen<Command> simple() {
        List<Gen<? extends Command>> kinds = List.of(
                topics().toOptionals(ABSENT).map(Help::new),
                newAliases()
                        .zip(
                                displayNames().toOptionals(ABSENT),
                                licences().toOptionals(ABSENT),
                                countries().toOptionals(ABSENT),
                                CreateServiceAccount::new),
                upns().map(UseExistingAccount::new),
                accounts()
                        .zip(
                                groupNames().toOptionals(ABSENT),
                                groupNames().toOptionals(ABSENT),
                                justifications(),
                                GrantImpersonation::new)
                        .zip(
                                groupNames().toOptionals(ABSENT),
                                grantDurations().toOptionals(ABSENT),
                                (grant, scope, duration) -> new GrantImpersonation(
                                        grant.account(),
                                        grant.group(),
                                        grant.roleGroup(),
                                        scope,
                                        grant.justification(),
                                        duration)),
                accounts().zip(justifications(), RevokeImpersonation::new),
                newAliases()
                        .zip(groupNames().toOptionals(ABSENT), justifications(), SetupExchangeSync::new)
                        .zip(grantDurations().toOptionals(ABSENT), SetupExchangeSync::lasting),
                appIds().zip(groupNames(), applicationRoles(), justifications(), GrantAppAccess::new)
                        .zip(grantDurations().toOptionals(ABSENT), GrantAppAccess::lasting),
                accounts().zip(mailboxes().toOptionals(ABSENT), Verify::new),
                groupNames().map(ShowRoleGroup::new),
                Generate.enumValues(RequestFilter.class).map(Requests::new),
                requestIds().zip(GeneratedText.freeText().toOptionals(ABSENT), Approve::new),
                requestIds().zip(GeneratedText.freeText(), Reject::new),
                requestIds().map(Cancel::new),
                requestIds().map(Retry::new),
                accounts().toOptionals(ABSENT).map(account -> new Audit(account)),
                requestIds().map(Audit::ofRequest),
                Generate.constant(new AuditVerify()),
                Generate.constant(new WhoAmI()),
                Generate.constant(new Command.ReviewMailboxAccess()),
                Generate.constant(new Command.Drift()),
                accounts().zip(justifications(), Command.RestoreAsApproved::new));
        return Generate.pick(kinds).flatMap(kind -> kind);
    }

    private static Gen<Alias> newAliases() {
        Gen<String> random = GeneratedText.stringsOf(GeneratedText.LETTERS_AND_DIGITS + UPN_PUNCTUATION, 1, 64);
        return Generate.oneOf(random, Generate.pick(GeneratedText.vocabulary()))
                .assuming(DirectoryRules.NEW_ACCOUNT_ALIAS::accepts)
                .map(Alias::of);
    }

    private static Gen<String> nicknames() {
        Gen<String> random = GeneratedText.stringsOf(
                GeneratedText.LETTERS_AND_DIGITS + NICKNAME_PUNCTUATION + LATIN_1_SUPPLEMENT, 1, 64);
        return Generate.oneOf(random, Generate.pick(GeneratedText.vocabulary()))
                .assuming(DirectoryRules.MAIL_NICKNAME::accepts);
    }

    private static Gen<String> upns() {
        Gen<String> user = GeneratedText.stringsOf(GeneratedText.LETTERS_AND_DIGITS + UPN_PUNCTUATION, 1, 64);
        Gen<String> label = GeneratedText.stringsOf(GeneratedText.LETTERS_AND_DIGITS, 1, 12);
        Gen<String> domain = GeneratedText.listsOf(label, 2, 4).map(labels -> String.join(".", labels));
        return user.zip(domain, (local, host) -> local + "@" + host)
                .assuming(DirectoryRules.USER_PRINCIPAL_NAME::accepts);
    }

    private static Gen<AccountRef> accounts() {
        Gen<AccountRef> byAlias = nicknames().map(AccountRef.ByAlias::new);
        Gen<AccountRef> byUpn = upns().map(AccountRef.ByUpn::new);
        return Generate.oneOf(byAlias, byUpn);
    }

    private static Gen<String> mailboxes() {
        return upns().assuming(ExchangeRules.SMTP_ADDRESS::accepts);
    }

    private static Gen<GrantDuration> grantDurations() {
        return longs().between(1, GrantDuration.MOST)
                .zip(
                        Generate.pick(List.of(
                                java.time.temporal.ChronoUnit.DAYS,
                                java.time.temporal.ChronoUnit.HOURS,
                                java.time.temporal.ChronoUnit.MINUTES)),
                        GrantDuration::new);
    }

    private static Gen<Optional<String>> justifications() {
        return GeneratedText.freeText().toOptionals(ABSENT);
    }

    private static Gen<String> topics() {
        Gen<String> keywords = Generate.pick(CommandCatalog.standard().specs()).map(CommandSpec::keyword);
        return Generate.oneOf(keywords, GeneratedText.freeText());
    }

    private static Gen<String> displayNames() {
        return GeneratedText.freeText().assuming(DirectoryRules.DISPLAY_NAME::accepts);
    }

    private static Gen<String> groupNames() {
        return GeneratedText.freeText().assuming(ExchangeRules.GROUP_NAME::accepts);
    }

    private static Gen<String> licences() {
        Gen<String> known = Generate.pick(List.of(
                "E1", "e3", "E5", "SPE_E5", "STANDARDPACK", "Microsoft_365_E5_(no_Teams)", "O365_w/o_Teams_Bundle_M5"));
        Gen<String> random = GeneratedText.stringsOf(GeneratedText.LETTERS_AND_DIGITS + "_()/.+ -", 1, 40);
        return Generate.oneOf(known, random).assuming(DirectoryRules.LICENSE::accepts);
    }

    private static Gen<String> countries() {
        return GeneratedText.stringsOf("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 2, 2);
    }

    private static Gen<RequestId> requestIds() {
        return GeneratedText.stringsOf(CROCKFORD_BASE32, 4, 12).map(suffix -> RequestId.of("R-" + suffix));
    }

    private static Gen<UUID> appIds() {
        return longs().all().zip(longs().all(), UUID::new);
    }

    /** Up to four roles, possibly repeated: the command keeps each once. */
    private static Gen<List<String>> applicationRoles() {
        return GeneratedText.listsOf(Generate.pick(ExchangeRules.APPLICATION_ROLES), 1, 4);
    }

    /** U+00A1 to U+00FF, the Latin-1 letters and signs a mailNickname may hold. */
    private static String latin1Supplement() {
        StringBuilder characters = new StringBuilder();
        for (char c = '\u00A1'; c <= '\u00FF'; c++) {
            characters.append(c);
        }
        return characters.toString();
    }
}
