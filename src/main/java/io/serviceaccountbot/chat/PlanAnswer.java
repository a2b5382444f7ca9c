package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.plans.PlanPreview;
import io.serviceaccountbot.plans.Plans;
import io.serviceaccountbot.teams.AdaptiveCards;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code plan <command>}: the dry run. The plan is drafted against the organisation as it is, exactly as the command
 * would draft it, and shown step by step, or why it cannot be done here and what works instead; nothing changes and
 * no approval request is opened.
 */
@Component
class PlanAnswer implements CommandAnswer<Command.Plan> {

    private final ObjectProvider<Plans> plans;

    PlanAnswer(ObjectProvider<Plans> plans) {
        this.plans = plans;
    }

    @Override
    public Class<Command.Plan> commandType() {
        return Command.Plan.class;
    }

    @Override
    public BotMessage answer(Command.Plan command, Caller caller) {
        Plans planner = plans.getIfAvailable();
        String asked = CommandText.of(command.command());
        if (planner == null) {
            return BotMessage.text(
                    "This build of the bot cannot plan **" + UserText.forMarkdown(asked) + "**. Nothing was changed.");
        }
        PlanPreview preview = planner.preview(command.command());
        if (preview instanceof PlanPreview.Refused refused) {
            return BotMessage.text("Planned against the organisation as it is, **" + UserText.forMarkdown(asked)
                    + "** cannot be done here: " + UserText.forMarkdown(refused.reason())
                    + (refused.alternative() == null
                            ? ""
                            : "\n\nWhat works here instead:\n\n" + UserText.inCodeSpan(refused.alternative()))
                    + "\n\nThis was a dry run: nothing was changed.");
        }
        PlanPreview.Ready plan = (PlanPreview.Ready) preview;
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading("Dry run: " + UserText.forMarkdown(plan.title())));
        body.add(AdaptiveCards.monospace(UserText.forMarkdown(asked)));
        for (int i = 0; i < plan.steps().size(); i++) {
            body.add(AdaptiveCards.text(
                    (i + 1) + ". " + UserText.forMarkdown(plan.steps().get(i))));
        }
        body.add(AdaptiveCards.subtle("Nothing was changed. Type the command without 'plan' to carry it out"
                + (command.command() instanceof Command.Privileged ? "; it then waits for an approver." : ".")));
        return BotMessage.card("Dry run: " + UserText.forMarkdown(plan.title()), AdaptiveCards.card(body));
    }
}
