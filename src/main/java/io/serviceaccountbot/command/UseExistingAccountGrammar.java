package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.UseExistingAccount;

/** {@code use <upn> as service account}. */
final class UseExistingAccountGrammar extends Grammar<UseExistingAccount> {

    UseExistingAccountGrammar() {
        super(
                UseExistingAccount.class,
                Lead.all("use [the] [existing] [user|account|mailbox] _ as [a|an|the] [existing] service account"),
                Clauses.NONE,
                CommandSpec.draft("use as service account")
                        .syntax("use <upn> as service account")
                        .summary("Uses an existing user who already has a mailbox as the service account.")
                        .examples("use svc-sync@contoso.com as service account")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest(
                                "Use existing account",
                                "Use an existing user with a mailbox, e.g. use svc-sync@contoso.com as service"
                                        + " account"));
    }

    @Override
    UseExistingAccount read(Lead.Match match) {
        expectEnd(match.rest());
        return new UseExistingAccount(Arguments.valid(
                DirectoryRules.USER_PRINCIPAL_NAME, match.slots().get(0)));
    }

    @Override
    String render(UseExistingAccount command) {
        return "use " + Quoting.token(command.upn()) + " as service account";
    }
}
