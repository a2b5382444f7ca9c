package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.ShowRoleGroup;

/** {@code show role group "<name>"}; the quotes may be left out. */
final class ShowRoleGroupGrammar extends Grammar<ShowRoleGroup> {

    ShowRoleGroupGrammar() {
        super(
                ShowRoleGroup.class,
                Lead.all(
                        "show|describe|get|display [me] [the] role group",
                        "show|describe|get|display [me] [the] rolegroup"),
                Clauses.NONE,
                CommandSpec.draft("show role group")
                        .syntax("show role group \"<name>\"")
                        .summary("Shows a role group's roles and members.")
                        .examples("show role group \"Exchange sync role group\"")
                        .allowedTo(Role.PROVISIONING_ADMIN, Role.APPROVER)
                        .manifest(
                                "Show role group",
                                "Show a role group's roles and members, e.g. show role group \"Exchange sync role"
                                        + " group\""));
    }

    @Override
    ShowRoleGroup read(Lead.Match match) {
        String name = match.rest().restValue();
        if (name.isBlank()) {
            throw missing("the name of the role group");
        }
        return new ShowRoleGroup(Arguments.valid(ExchangeRules.ROLE_GROUP_NAME, name));
    }

    @Override
    String render(ShowRoleGroup command) {
        return "show role group " + Quoting.quoted(command.name());
    }
}
