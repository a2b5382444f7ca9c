package io.serviceaccountbot.command;

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
import io.serviceaccountbot.command.Command.RevokeImpersonation;
import io.serviceaccountbot.command.Command.SetupExchangeSync;
import io.serviceaccountbot.command.Command.ShowRoleGroup;
import io.serviceaccountbot.command.Command.UseExistingAccount;
import io.serviceaccountbot.command.Command.Verify;
import io.serviceaccountbot.command.Command.WhoAmI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of valid commands. Values are drawn from each rule's whole character set, from the language's own
 * keywords (an account called "audit" must survive a round trip) and from hostile free text.
 */
final class GeneratedCommands {

    private static final String UPN_PUNCTUATION = "'._!#^~-";
    private static final String NICKNAME_PUNCTUATION = "!#%*+/=?^_~$&'`{}|.-";

    private GeneratedCommands() {}

    /** Any command; one in ten is a plan of another. */
    static Arbitrary<Command> any() {
        Arbitrary<Command> simple = simple();
        return Arbitraries.frequencyOf(Tuple.of(9, simple), Tuple.of(1, simple.map(Plan::new)));
    }

    private static Arbitrary<Command> simple() {
        return Arbitraries.oneOf(
                topics().optional().map(Help::new),
                Combinators.combine(
                                newAliases(),
                                displayNames().optional(),
                                licences().optional(),
                                countries().optional())
                        .as(CreateServiceAccount::new),
                upns().map(UseExistingAccount::new),
                Combinators.combine(
                                accounts(),
                                groupNames().optional(),
                                groupNames().optional(),
                                justifications())
                        .as(GrantImpersonation::new),
                Combinators.combine(accounts(), justifications()).as(RevokeImpersonation::new),
                Combinators.combine(newAliases(), justifications()).as(SetupExchangeSync::new),
                Combinators.combine(appIds(), groupNames(), applicationRoles(), justifications())
                        .as(GrantAppAccess::new),
                Combinators.combine(accounts(), mailboxes().optional()).as(Verify::new),
                groupNames().map(ShowRoleGroup::new),
                Arbitraries.of(RequestFilter.class).map(Requests::new),
                Combinators.combine(requestIds(), GeneratedText.freeText().optional())
                        .as(Approve::new),
                Combinators.combine(requestIds(), GeneratedText.freeText()).as(Reject::new),
                requestIds().map(Cancel::new),
                accounts().optional().map(Audit::new),
                Arbitraries.just(new AuditVerify()),
                Arbitraries.just(new WhoAmI()));
    }

    private static Arbitrary<Alias> newAliases() {
        Arbitrary<String> random = Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars(UPN_PUNCTUATION)
                .ofMinLength(1)
                .ofMaxLength(64);
        return Arbitraries.oneOf(random, Arbitraries.of(GeneratedText.vocabulary()))
                .filter(DirectoryRules.NEW_ACCOUNT_ALIAS::accepts)
                .map(Alias::of);
    }

    private static Arbitrary<String> nicknames() {
        Arbitrary<String> random = Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars(NICKNAME_PUNCTUATION)
                .withCharRange('\u00A1', '\u00FF')
                .ofMinLength(1)
                .ofMaxLength(64);
        return Arbitraries.oneOf(random, Arbitraries.of(GeneratedText.vocabulary()))
                .filter(DirectoryRules.MAIL_NICKNAME::accepts);
    }

    private static Arbitrary<String> upns() {
        Arbitrary<String> user = Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars(UPN_PUNCTUATION)
                .ofMinLength(1)
                .ofMaxLength(64);
        Arbitrary<String> label =
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> domain = label.list().ofMinSize(2).ofMaxSize(4).map(labels -> String.join(".", labels));
        return Combinators.combine(user, domain)
                .as((local, host) -> local + "@" + host)
                .filter(DirectoryRules.USER_PRINCIPAL_NAME::accepts);
    }

    private static Arbitrary<AccountRef> accounts() {
        return Arbitraries.oneOf(nicknames().map(AccountRef.ByAlias::new), upns().map(AccountRef.ByUpn::new));
    }

    private static Arbitrary<String> mailboxes() {
        return upns().filter(ExchangeRules.SMTP_ADDRESS::accepts);
    }

    private static Arbitrary<Optional<String>> justifications() {
        return GeneratedText.freeText().optional();
    }

    private static Arbitrary<String> topics() {
        return Arbitraries.oneOf(
                Arbitraries.of(CommandCatalog.standard().specs()).map(CommandSpec::keyword), GeneratedText.freeText());
    }

    private static Arbitrary<String> displayNames() {
        return GeneratedText.freeText().filter(DirectoryRules.DISPLAY_NAME::accepts);
    }

    private static Arbitrary<String> groupNames() {
        return GeneratedText.freeText().filter(ExchangeRules.GROUP_NAME::accepts);
    }

    private static Arbitrary<String> licences() {
        Arbitrary<String> known = Arbitraries.of(
                "E1", "e3", "E5", "SPE_E5", "STANDARDPACK", "Microsoft_365_E5_(no_Teams)", "O365_w/o_Teams_Bundle_M5");
        Arbitrary<String> random = Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars("_()/.+ -")
                .ofMinLength(1)
                .ofMaxLength(40);
        return Arbitraries.oneOf(known, random).filter(DirectoryRules.LICENSE::accepts);
    }

    private static Arbitrary<String> countries() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .ofLength(2);
    }

    private static Arbitrary<RequestId> requestIds() {
        return Arbitraries.strings()
                .withChars("0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghjkmnpqrstvwxyz")
                .ofMinLength(4)
                .ofMaxLength(12)
                .map(suffix -> RequestId.of("R-" + suffix));
    }

    private static Arbitrary<UUID> appIds() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    /** Up to four roles, possibly repeated: the command keeps each once. */
    private static Arbitrary<List<String>> applicationRoles() {
        return Arbitraries.of(ExchangeRules.APPLICATION_ROLES)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
    }
}
