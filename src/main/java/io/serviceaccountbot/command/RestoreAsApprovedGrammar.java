package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.RestoreAsApproved;
import java.util.Optional;

/** {@code restore <account or app id> as approved [because ...]}, also "restore the grant of svc-sync as approved". */
final class RestoreAsApprovedGrammar extends Grammar<RestoreAsApproved> {

    private static final Clauses CLAUSES = Clauses.of(Clauses.BECAUSE);

    RestoreAsApprovedGrammar() {
        super(
                RestoreAsApproved.class,
                Lead.all("restore # as approved", "restore [the] grant|access of|to|for # as approved"),
                CLAUSES,
                CommandSpec.draft("restore as approved")
                        .syntax("restore <account or app id> as approved [because <justification>]")
                        .summary("Puts a grant that drifted back as it was approved (what `drift` lists), after"
                                + " approval.")
                        .examples(
                                "restore svc-sync as approved",
                                "restore svc-sync as approved because pattif was added to the role group by hand")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest(
                                "Restore as approved",
                                "Ask to put a drifted grant back as approved, e.g. restore svc-sync as approved"));
    }

    @Override
    RestoreAsApproved read(Lead.Match match) {
        AccountAndClauses read = accountAndClauses(match, CLAUSES, "the account or app whose grant to restore");
        return new RestoreAsApproved(
                read.account(), Optional.ofNullable(read.clauses().get("because")));
    }

    @Override
    String render(RestoreAsApproved command) {
        return "restore " + Quoting.token(command.grant().value()) + " as approved"
                + GrantImpersonationGrammar.because(command.justification());
    }
}
