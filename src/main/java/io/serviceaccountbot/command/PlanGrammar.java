package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Command.Plan;

/** {@code plan <command>}: a dry run of any other command. */
final class PlanGrammar extends Grammar<Plan> {

    private static final String EXAMPLE = "plan setup exchange sync for svc-sync";

    PlanGrammar() {
        super(
                Plan.class,
                Lead.all("plan|simulate|preview|dry-run [to]", "dry run [to]", "what if"),
                Clauses.NONE,
                CommandSpec.draft("plan")
                        .syntax("plan <command>")
                        .summary("Shows the steps a command would take, without doing anything.")
                        .examples(EXAMPLE, "plan grant impersonation to svc-sync")
                        .allowedTo(Role.PROVISIONING_ADMIN)
                        .manifest("Plan (dry run)", "See what a command would do without doing it, e.g. " + EXAMPLE));
    }

    @Override
    Plan read(Lead.Match match) {
        String inner = Politeness.strip(match.rest().rest());
        if (inner.isEmpty()) {
            throw missing("a command to dry-run");
        }
        Phrase phrase = Phrase.of(inner);
        if (Lead.best(leads(), phrase).isPresent()) {
            throw new Rejection(new ParseError.InvalidArgument(
                    "command to plan", inner, "plan can't dry-run another plan", EXAMPLE));
        }
        ParseResult result = CommandParser.parsePhrase(phrase);
        if (result instanceof ParseResult.Parsed parsed) {
            return new Plan(parsed.command());
        }
        throw new Rejection(((ParseResult.Rejected) result).error());
    }

    @Override
    String render(Plan plan) {
        return "plan " + CommandText.of(plan.command());
    }
}
