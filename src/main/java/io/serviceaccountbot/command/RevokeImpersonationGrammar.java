package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.RevokeImpersonation;
import java.util.Map;
import java.util.Optional;

/** {@code revoke impersonation from <account> [because ...]}, also "remove impersonation from svc-sync". */
final class RevokeImpersonationGrammar extends Grammar<RevokeImpersonation> {

    private static final Clauses CLAUSES = Clauses.of(Clauses.BECAUSE);
    private static final String RIGHTS = "[right|rights|role|permission|permissions]";

    RevokeImpersonationGrammar() {
        super(
                RevokeImpersonation.class,
                Lead.all(
                        "revoke|remove|withdraw [the] impersonation|applicationimpersonation " + RIGHTS
                                + " [from|for|of]",
                        "revoke|remove|withdraw _ [the] impersonation|applicationimpersonation " + RIGHTS),
                CLAUSES,
                CommandSpec.draft("revoke impersonation")
                        .syntax("revoke impersonation from <account> [because <justification>]")
                        .summary("Takes the account (or its group) out of the impersonation role group, after"
                                + " approval.")
                        .examples(
                                "revoke impersonation from svc-sync",
                                "revoke impersonation from svc-sync because the Salesforce sync was retired")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest(
                                "Revoke impersonation",
                                "Ask to remove an account's impersonation, e.g. revoke impersonation from svc-sync"));
    }

    @Override
    RevokeImpersonation read(Lead.Match match) {
        AccountAndClauses read = accountAndClauses(match, CLAUSES, "the account to take it from");
        AccountRef valid = read.account();
        Map<String, String> clauses = read.clauses();
        return new RevokeImpersonation(valid, Optional.ofNullable(clauses.get("because")));
    }

    @Override
    String render(RevokeImpersonation command) {
        return "revoke impersonation from " + Quoting.token(command.account().value())
                + GrantImpersonationGrammar.because(command.justification());
    }
}
