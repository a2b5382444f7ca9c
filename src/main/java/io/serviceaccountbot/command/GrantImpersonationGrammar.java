package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Clauses.Clause;
import io.serviceaccountbot.command.Command.GrantImpersonation;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code grant impersonation to <account> [via group "<group>"] [in role group "<role group>"] [for group "<group>"]
 * [because ...]}, also
 * phrased "give svc-sync impersonation rights".
 */
final class GrantImpersonationGrammar extends Grammar<GrantImpersonation> {

    /** {@code for group "<group>"}: impersonation over the mailboxes of that group only. */
    static final Clause SCOPE_GROUP = Clause.of(
            "scopeGroup",
            "a group name after 'for group'",
            "for|over [the] mailboxes of [the] [security|mail-enabled|mail|distribution] group",
            "for|over [the] [security|mail-enabled|mail|distribution] group");

    private static final Clauses CLAUSES = Clauses.of(
            Clause.of(
                    "group",
                    "a group name after 'via group'",
                    "via|through|using [the] [security|mail-enabled|mail] group"),
            Clause.of(
                    "roleGroup",
                    "a role group name after 'in role group'",
                    "in|into [the] role group",
                    "in|into [the] rolegroup"),
            SCOPE_GROUP,
            GrantGrammars.DURATION,
            Clauses.BECAUSE);

    private static final String RIGHTS = "[right|rights|role|permission|permissions]";

    GrantImpersonationGrammar() {
        super(
                GrantImpersonation.class,
                Lead.all(
                        "grant|give|assign|add [the] impersonation|applicationimpersonation " + RIGHTS + " [to|for]",
                        "grant|give|assign _ [the] impersonation|applicationimpersonation " + RIGHTS),
                CLAUSES,
                CommandSpec.draft("grant impersonation")
                        .syntax(
                                "grant impersonation to <account> [via group \"<group>\"] [in role group \"<role group>\"]"
                                        + " [for group \"<group>\"] [for <n> days|hours] [because <justification>]")
                        .summary("Adds the account, or a mail-enabled security group that contains it, to a role group"
                                + " holding ApplicationImpersonation, after approval; with for group, only over the"
                                + " mailboxes of that group; with for <n> days or hours, the bot revokes it by itself"
                                + " then. Exchange Server only: Exchange Online removed this role in 2025, so use grant"
                                + " app access there.")
                        .examples(
                                "grant impersonation to svc-sync",
                                "grant impersonation to svc-sync for group \"Sales Team\"",
                                "grant impersonation to svc-sync for 30 days because migration to the new CRM",
                                "grant impersonation to svc-sync via group \"Exchange Sync Accounts\" in role group"
                                        + " \"Exchange sync role group\" because Salesforce Exchange Sync for sales team")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest(
                                "Grant impersonation",
                                "Ask to give an account ApplicationImpersonation (Exchange Server), e.g. grant"
                                        + " impersonation to svc-sync"));
    }

    @Override
    GrantImpersonation read(Lead.Match match) {
        AccountAndClauses read = accountAndClauses(match, CLAUSES, "the account to grant it to");
        AccountRef valid = read.account();
        Map<String, String> clauses = read.clauses();
        return new GrantImpersonation(
                valid,
                Optional.ofNullable(clauses.get("group")).map(raw -> Arguments.valid(ExchangeRules.GROUP_NAME, raw)),
                Optional.ofNullable(clauses.get("roleGroup"))
                        .map(raw -> Arguments.valid(ExchangeRules.ROLE_GROUP_NAME, raw)),
                Optional.ofNullable(clauses.get("scopeGroup"))
                        .map(raw -> Arguments.valid(ExchangeRules.GROUP_NAME, raw)),
                Optional.ofNullable(clauses.get("because")),
                Optional.ofNullable(clauses.get("duration")).map(Arguments::grantDuration));
    }

    @Override
    String render(GrantImpersonation command) {
        return "grant impersonation to " + Quoting.token(command.account().value())
                + command.group()
                        .map(group -> " via group " + Quoting.quoted(group))
                        .orElse("")
                + command.roleGroup()
                        .map(name -> " in role group " + Quoting.quoted(name))
                        .orElse("")
                + command.scopeGroup()
                        .map(name -> " for group " + Quoting.quoted(name))
                        .orElse("")
                + GrantGrammars.lasting(command.duration())
                + because(command.justification());
    }

    static String because(Optional<String> justification) {
        return justification
                .map(text -> " because " + Quoting.freeText(text, Set.of()))
                .orElse("");
    }
}
