package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.Doctor;

/** {@code doctor}, also "check the bot's permissions". */
final class DoctorGrammar extends Grammar<Doctor> {

    DoctorGrammar() {
        super(
                Doctor.class,
                Lead.all("doctor", "check [your|the] permissions"),
                Clauses.NONE,
                CommandSpec.draft("doctor")
                        .syntax("doctor")
                        .summary("Checks what I may do in the tenant: each token, and one harmless read per"
                                + " permission my commands need; says what is missing and what will fail without it.")
                        .examples("doctor")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest("Doctor", "Check the bot's tokens and permissions in the tenant"));
    }

    @Override
    Doctor read(Lead.Match match) {
        expectEnd(match.rest());
        return new Doctor();
    }

    @Override
    String render(Doctor command) {
        return "doctor";
    }
}
