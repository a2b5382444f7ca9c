package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Clauses.Clause;
import io.serviceaccountbot.command.Command.GrantAppAccess;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code grant app access to <app id> for group "<group>" [roles <role, ...>] [because ...]}: Exchange Online RBAC for
 * Applications.
 */
final class GrantAppAccessGrammar extends Grammar<GrantAppAccess> {

    private static final Clauses CLAUSES = Clauses.of(
            Clause.of("group", "a group name after 'for group'", "for|to|on [the] [security|mail-enabled|mail] group"),
            Clause.of("roles", "at least one role after 'roles', such as Application Mail.ReadWrite", "roles|role"),
            GrantGrammars.DURATION,
            Clauses.BECAUSE);

    GrantAppAccessGrammar() {
        super(
                GrantAppAccess.class,
                Lead.all("grant|give [the] app|application access [to|for]"),
                CLAUSES,
                CommandSpec.draft("grant app access")
                        .syntax("grant app access to <app id> for group \"<group>\" [roles <role, …>]"
                                + " [for <n> days|hours] [because <justification>]")
                        .summary("Lets an Entra app reach only the mailboxes in a group through Exchange Online RBAC"
                                + " for Applications, after approval; the default role is Application"
                                + " Mail.ReadWrite.")
                        .examples(
                                "grant app access to 6f1c9a5e-2b7d-4c1e-9a3f-8d2e4b6c0a71 for group \"Sales"
                                        + " Mailboxes\"",
                                "grant app access to 6f1c9a5e-2b7d-4c1e-9a3f-8d2e4b6c0a71 for group \"Sales"
                                        + " Mailboxes\" for 7 days because a pilot",
                                "grant app access to 6f1c9a5e-2b7d-4c1e-9a3f-8d2e4b6c0a71 for group \"Sales"
                                        + " Mailboxes\" roles Application Mail.ReadWrite, Application"
                                        + " Calendars.ReadWrite because Salesforce sync for sales team")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest(
                                "Grant app access",
                                "Ask to let an app reach a group's mailboxes (RBAC for Applications), e.g. grant"
                                        + " app access to <app id> for group"));
    }

    @Override
    GrantAppAccess read(Lead.Match match) {
        Phrase.Slice appId = oneWord(match.rest(), CLAUSES.stops());
        if (appId.isBlank()) {
            throw missing("the app id (the application's client id)");
        }
        UUID valid = Arguments.appId(appId.value());
        Map<String, String> clauses = CLAUSES.read(appId.rest(), this);
        if (!clauses.containsKey("group")) {
            throw missing("the group whose mailboxes the app may reach (for group \"<group>\")");
        }
        List<String> roles = Optional.ofNullable(clauses.get("roles"))
                .map(Arguments::applicationRoles)
                .orElse(GrantAppAccess.DEFAULT_ROLES);
        if (roles.isEmpty()) {
            throw missing("at least one role after 'roles', such as Application Mail.ReadWrite");
        }
        return new GrantAppAccess(
                valid,
                Arguments.valid(ExchangeRules.GROUP_NAME, clauses.get("group")),
                roles,
                Optional.ofNullable(clauses.get("because")),
                Optional.ofNullable(clauses.get("duration")).map(Arguments::grantDuration));
    }

    @Override
    String render(GrantAppAccess command) {
        return "grant app access to " + command.appId() + " for group " + Quoting.quoted(command.group())
                + " roles " + String.join(", ", command.roles())
                + GrantGrammars.lasting(command.duration())
                + GrantImpersonationGrammar.because(command.justification());
    }
}
