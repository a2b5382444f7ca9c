package io.serviceaccountbot.chat;

import io.serviceaccountbot.execution.PlanPaused;
import io.serviceaccountbot.execution.PlanProgress;
import io.serviceaccountbot.plans.ProvisioningReport;
import io.serviceaccountbot.plans.StepOutcome;
import io.serviceaccountbot.teams.AdaptiveCards;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.verification.Check;
import io.serviceaccountbot.verification.VerificationReport;
import java.time.Duration;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Cards for what provisioning did, what verification found, and what a role group holds. */
public final class ReportCards {

    private ReportCards() {}

    /** The progress card of a running plan: each step done, running or still to come. */
    public static BotMessage progress(PlanProgress progress) {
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading(UserText.forMarkdown(progress.title())));
        long ended = progress.lines().stream()
                .filter(line ->
                        line.state() != PlanProgress.State.PENDING && line.state() != PlanProgress.State.RUNNING)
                .count();
        body.add(AdaptiveCards.subtle("Request " + progress.requestNumber() + " is being carried out: " + ended + " of "
                        + progress.lines().size() + " steps done.")
                .put("spacing", "None"));
        for (PlanProgress.Line line : progress.lines()) {
            body.add(
                    switch (line.state()) {
                        case PENDING -> line("◻️ **To do:**", line.words(), null);
                        case RUNNING -> line("▶️ **Now:**", line.words() + " (now)", null);
                        default ->
                            line(mark(StepOutcome.Status.valueOf(line.state().name())), line.text(), line.fix());
                    });
        }
        return BotMessage.card(
                UserText.forMarkdown(progress.title()) + ": " + ended + " of "
                        + progress.lines().size() + " steps done",
                AdaptiveCards.card(body));
    }

    /**
     * The progress card of a run whose replica stopped answering: the steps recorded so far, the one it stopped in
     * marked paused, and when another replica resumes it. The steps after it are not listed: they are known again once
     * the plan is drafted anew, and the card goes back to the usual progress then.
     */
    public static BotMessage paused(PlanPaused paused) {
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading("Request " + paused.requestNumber() + " is paused"));
        long ended = paused.lines().stream()
                .filter(line -> line.state() != PlanProgress.State.RUNNING)
                .count();
        String within = resumesWithin(paused.resumesWithin());
        body.add(AdaptiveCards.subtle(ended + (ended == 1 ? " step" : " steps") + " done so far; resuming on another"
                        + " replica " + within + ".")
                .put("spacing", "None"));
        for (PlanProgress.Line line : paused.lines()) {
            body.add(
                    line.state() == PlanProgress.State.RUNNING
                            ? line("⏸️ **Paused:**", line.words(), null)
                            : line(mark(StepOutcome.Status.valueOf(line.state().name())), line.text(), line.fix()));
        }
        body.add(AdaptiveCards.text("⏸️ **Paused:** the replica carrying this out stopped answering; another replica"
                        + " resumes it " + within + ", at the step it was in, and the later steps follow.")
                .put("spacing", "Medium"));
        return BotMessage.card(
                "Request " + paused.requestNumber() + " is paused: resuming on another replica " + within,
                AdaptiveCards.card(body));
    }

    /** "within about 25 s", rounded up to 5 s. */
    private static String resumesWithin(Duration left) {
        long seconds = Math.max(5, (left.toSeconds() + 4) / 5 * 5);
        return "within about " + seconds + " s";
    }

    /**
     * What a plan did, as the last state of its progress card: every step with its outcome and, for a failure, the fix
     * and how to go on ({@code retry} or {@code cancel} the request).
     */
    public static BotMessage provisioning(String requestNumber, ProvisioningReport report) {
        BotMessage card = provisioning(report);
        if (!report.succeeded()) {
            ArrayNode body = (ArrayNode) card.card().get("body");
            body.add(AdaptiveCards.text("Once the cause is fixed, type **retry " + requestNumber + "** to continue"
                            + " from the step that failed (the steps done are kept), or **cancel " + requestNumber
                            + "** to abandon it.")
                    .put("spacing", "Medium"));
        }
        return card;
    }

    public static BotMessage provisioning(ProvisioningReport report) {
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading(UserText.forMarkdown(report.title())));
        for (StepOutcome step : report.steps()) {
            body.add(line(mark(step.status()), step.text(), step.fix()));
        }
        if (report.secretLocation() != null) {
            body.add(AdaptiveCards.text("🔑 The password is stored in " + UserText.forMarkdown(report.secretLocation())
                            + ". It is never shown in chat.")
                    .put("spacing", "Medium"));
        }
        if (report.succeeded() && !report.nextSteps().isEmpty()) {
            body.add(AdaptiveCards.text("**What happens next**").put("spacing", "Medium"));
            int number = 1;
            for (String next : report.nextSteps()) {
                body.add(AdaptiveCards.text(number++ + "\\. " + UserText.forMarkdown(next)));
            }
        }
        String title = UserText.forMarkdown(report.title());
        String summary = report.succeeded() ? title + ": done" : title + ": stopped, see what failed";
        return BotMessage.card(summary, AdaptiveCards.card(body));
    }

    public static BotMessage verification(VerificationReport report) {
        return checks(
                report,
                "Verification of " + UserText.forMarkdown(report.account()),
                "Every check passed.",
                report.failures() + (report.failures() == 1 ? " check fails." : " checks fail.")
                        + " Each says how to fix it.",
                "Verification of " + UserText.forMarkdown(report.account())
                        + (report.allPassed() ? ": all passed" : ": failures"));
    }

    /** A verification report with a note under it, e.g. that it will run again once the mailbox is there. */
    public static BotMessage verification(VerificationReport report, String note) {
        BotMessage card = verification(report);
        ((ArrayNode) card.card().get("body")).add(AdaptiveCards.text(note).put("spacing", "Medium"));
        return card;
    }

    /** {@code doctor}: what the bot may do, and for each missing permission what will fail and how to grant it. */
    static BotMessage doctor(VerificationReport report) {
        return checks(
                report,
                "Doctor: " + UserText.forMarkdown(report.account()),
                "Every token and permission my commands need is there.",
                report.failures() + (report.failures() == 1 ? " thing is" : " things are")
                        + " missing. Each says what will fail and how to fix it.",
                "Doctor: " + (report.allPassed() ? "all permissions present" : report.failures() + " missing"));
    }

    /** A card of checks: the heading, how it went overall, then one line per check with its fix. */
    private static BotMessage checks(
            VerificationReport report, String heading, String allPassed, String failures, String summary) {
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading(heading));
        body.add(AdaptiveCards.subtle(report.allPassed() ? allPassed : failures));
        for (Check check : report.checks()) {
            body.add(line(mark(check.result()), check.name() + ": " + check.detail(), check.fix()));
        }
        return BotMessage.card(summary, AdaptiveCards.card(body));
    }

    static BotMessage roleGroup(ExchangeAdmin.RoleGroup group) {
        ArrayNode body = AdaptiveCards.body();
        String name = UserText.forMarkdown(group.name());
        body.add(AdaptiveCards.heading("Role group " + name));
        ObjectNode facts = AdaptiveCards.factSet();
        AdaptiveCards.fact(
                facts,
                "Roles",
                group.roles().isEmpty() ? "none" : UserText.forMarkdown(String.join(", ", group.roles())));
        AdaptiveCards.fact(
                facts,
                "Members",
                group.members().isEmpty() ? "none" : UserText.forMarkdown(String.join(", ", group.members())));
        body.add(facts);
        return BotMessage.card("Role group " + name, AdaptiveCards.card(body));
    }

    private static ObjectNode line(String mark, String text, String fix) {
        ObjectNode line = AdaptiveCards.container(AdaptiveCards.text(mark + " " + UserText.forMarkdown(text)));
        if (fix != null) {
            ((ArrayNode) line.get("items")).add(AdaptiveCards.subtle("Fix: " + UserText.forMarkdown(fix)));
        }
        return line.put("spacing", "Small");
    }

    /** The mark of a line: an emoji for the eye, and a word for whoever cannot see it (a screen reader, a bare font). */
    private static String mark(StepOutcome.Status status) {
        return switch (status) {
            case DONE -> "✅ **Done:**";
            case ALREADY_DONE -> "☑️ **Already so:**";
            case WAITING -> "⏳ **Waiting:**";
            case FAILED -> "❌ **Failed:**";
            case SKIPPED -> "⏭️ **Skipped:**";
        };
    }

    private static String mark(Check.Result result) {
        return switch (result) {
            case PASSED -> "✅ **Passed:**";
            case FAILED -> "❌ **Failed:**";
            case NOT_APPLICABLE -> "➖ **Not applicable:**";
        };
    }
}
