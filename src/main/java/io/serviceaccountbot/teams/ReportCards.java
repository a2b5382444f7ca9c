package io.serviceaccountbot.teams;

import io.serviceaccountbot.provisioning.ExchangeAdmin;
import io.serviceaccountbot.provisioning.ProvisioningReport;
import io.serviceaccountbot.provisioning.StepOutcome;
import io.serviceaccountbot.verification.Check;
import io.serviceaccountbot.verification.VerificationReport;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Cards for what provisioning did, what verification found, and what a role group holds. */
final class ReportCards {

    private ReportCards() {}

    static BotMessage provisioning(ProvisioningReport report) {
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading(report.title()));
        for (StepOutcome step : report.steps()) {
            body.add(line(mark(step.status()), step.text(), step.fix()));
        }
        if (report.secretLocation() != null) {
            body.add(AdaptiveCards.text(
                            "🔑 The password is stored in " + report.secretLocation() + ". It is never shown in chat.")
                    .put("spacing", "Medium"));
        }
        String summary = report.succeeded() ? report.title() + ": done" : report.title() + ": stopped, see what failed";
        return BotMessage.card(summary, AdaptiveCards.card(body));
    }

    static BotMessage verification(VerificationReport report) {
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading("Verification of " + report.account()));
        body.add(AdaptiveCards.subtle(
                report.allPassed()
                        ? "Every check passed."
                        : report.failures() + (report.failures() == 1 ? " check fails." : " checks fail.")
                                + " Each says how to fix it."));
        for (Check check : report.checks()) {
            body.add(line(mark(check.result()), check.name() + ": " + check.detail(), check.fix()));
        }
        return BotMessage.card(
                "Verification of " + report.account() + (report.allPassed() ? ": all passed" : ": failures"),
                AdaptiveCards.card(body));
    }

    static BotMessage roleGroup(ExchangeAdmin.RoleGroup group) {
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading("Role group " + group.name()));
        ObjectNode facts = AdaptiveCards.factSet();
        AdaptiveCards.fact(facts, "Roles", group.roles().isEmpty() ? "none" : String.join(", ", group.roles()));
        AdaptiveCards.fact(facts, "Members", group.members().isEmpty() ? "none" : String.join(", ", group.members()));
        body.add(facts);
        return BotMessage.card("Role group " + group.name(), AdaptiveCards.card(body));
    }

    private static ObjectNode line(String mark, String text, String fix) {
        ObjectNode line = AdaptiveCards.container(AdaptiveCards.text(mark + " " + text));
        if (fix != null) {
            ((ArrayNode) line.get("items")).add(AdaptiveCards.subtle("Fix: " + fix));
        }
        return line.put("spacing", "Small");
    }

    private static String mark(StepOutcome.Status status) {
        return switch (status) {
            case DONE -> "✅";
            case ALREADY_DONE -> "☑️";
            case WAITING -> "⏳";
            case FAILED -> "❌";
            case SKIPPED -> "⏭️";
        };
    }

    private static String mark(Check.Result result) {
        return switch (result) {
            case PASSED -> "✅";
            case FAILED -> "❌";
            case NOT_APPLICABLE -> "➖";
        };
    }
}
