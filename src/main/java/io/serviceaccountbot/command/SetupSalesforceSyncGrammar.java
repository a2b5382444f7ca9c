package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Clauses.Clause;
import io.serviceaccountbot.command.Command.SetupSalesforceSync;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code setup exchange sync for group "<group>" [roles <role, ...>] [because ...]}: Salesforce's Exchange Online
 * set-up. Its phrasing names the group, so it outweighs {@code setup exchange sync for <alias>}.
 */
final class SetupSalesforceSyncGrammar extends Grammar<SetupSalesforceSync> {

    private static final Clauses CLAUSES = Clauses.of(
            Clause.of("roles", "at least one role after 'roles', such as Application Mail.Read", "roles|role"),
            GrantGrammars.DURATION,
            Clauses.BECAUSE);

    SetupSalesforceSyncGrammar() {
        super(
                SetupSalesforceSync.class,
                Lead.all(
                        "setup|configure|prepare [the] [salesforce] exchange sync for [the] [security|mail-enabled|mail]"
                                + " group",
                        "set up [the] [salesforce] exchange sync for [the] [security|mail-enabled|mail] group"),
                CLAUSES,
                CommandSpec.draft("setup exchange sync for group")
                        .syntax("setup exchange sync for group \"<group>\" [roles <role, …>] [for <n> days|hours]"
                                + " [because <justification>]")
                        .summary("On Exchange Online: lets Salesforce's app read only the mailboxes of a group (RBAC"
                                + " for Applications) and removes its tenant-wide mailbox permissions, after"
                                + " approval.")
                        .examples(
                                "setup exchange sync for group \"Sales Team\"",
                                "setup exchange sync for group \"Sales Team\" for 30 days",
                                "setup exchange sync for group \"Sales Team\" because Einstein Activity Capture for"
                                        + " the sales team")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest(
                                "Set up Salesforce sync",
                                "Exchange Online: let Salesforce read only a group's mailboxes, e.g. setup exchange"
                                        + " sync for group \"Sales Team\""));
    }

    @Override
    SetupSalesforceSync read(Lead.Match match) {
        Phrase.Slice group = match.rest().until(CLAUSES.stops());
        if (group.isBlank()) {
            throw missing("the group whose mailboxes Salesforce may read (for group \"<group>\")");
        }
        Map<String, String> clauses = CLAUSES.read(group.rest(), this);
        List<String> roles = Optional.ofNullable(clauses.get("roles"))
                .map(Arguments::applicationRoles)
                .orElse(List.of());
        if (clauses.containsKey("roles") && roles.isEmpty()) {
            throw missing("at least one role after 'roles', such as Application Mail.Read");
        }
        return new SetupSalesforceSync(
                Arguments.valid(ExchangeRules.GROUP_NAME, group.value()),
                roles,
                Optional.ofNullable(clauses.get("because")),
                Optional.ofNullable(clauses.get("duration")).map(Arguments::grantDuration));
    }

    @Override
    String render(SetupSalesforceSync command) {
        return "setup exchange sync for group " + Quoting.quoted(command.group())
                + (command.roles().isEmpty() ? "" : " roles " + String.join(", ", command.roles()))
                + GrantGrammars.lasting(command.duration())
                + GrantImpersonationGrammar.because(command.justification());
    }
}
