package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.AuditVerify;

/** {@code audit verify}, also "verify the audit log". */
final class AuditVerifyGrammar extends Grammar<AuditVerify> {

    AuditVerifyGrammar() {
        super(
                AuditVerify.class,
                Lead.all(
                        "audit [log|trail] verify|check [chain|log|trail|integrity]",
                        "verify|check [the] audit [log|trail|chain] [integrity]"),
                Clauses.NONE,
                CommandSpec.draft("audit verify")
                        .syntax("audit verify")
                        .summary("Checks that no audit entry was changed or removed: the log's hash chain is"
                                + " unbroken.")
                        .examples("audit verify")
                        .allowedTo(Role.PROVISIONING_ADMIN, Role.APPROVER)
                        .manifest("Verify audit log", "Check that the audit log's hash chain is unbroken"));
    }

    @Override
    AuditVerify read(Lead.Match match) {
        expectEnd(match.rest());
        return new AuditVerify();
    }

    @Override
    String render(AuditVerify command) {
        return "audit verify";
    }
}
