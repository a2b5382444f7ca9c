package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.plans.PlanPreview;
import io.serviceaccountbot.teams.AdaptiveCards;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks for the justification a privileged command lacks. The button sends the command's canonical text and the typed
 * justification; the server parses that text again and checks the clicker's roles again, so the card is trusted no
 * more than a typed command.
 */
public final class JustificationCard {

    public static final String VERB = "requestApproval";
    public static final String COMMAND = "command";
    public static final String JUSTIFICATION = "justification";
    static final CardInputLimit JUSTIFICATION_INPUT = new CardInputLimit(JUSTIFICATION, "justification", 500);

    private JustificationCard() {}

    public static BotMessage ask(Command.Privileged command, PlanPreview.Ready plan) {
        String text = CommandText.of(command);
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading("Why do you need this?"));
        body.add(AdaptiveCards.text(
                "**" + UserText.forMarkdown(plan.title()) + "** needs an approver's agreement, and approvers want to"
                        + " know why. Say why, and I'll ask them."));
        body.add(AdaptiveCards.text("What will happen").put("weight", "Bolder").put("spacing", "Medium"));
        List<String> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            body.add(AdaptiveCards.text((i + 1) + ". " + UserText.forMarkdown(steps.get(i)))
                    .put("spacing", "Small"));
        }
        body.add(AdaptiveCards.textInput(
                        JUSTIFICATION_INPUT.id(),
                        "Justification",
                        "e.g. Salesforce Exchange Sync for the sales team",
                        JUSTIFICATION_INPUT.maxLength())
                .put("isRequired", true)
                .put("errorMessage", "Say why you need it")
                .put("spacing", "Medium"));
        body.add(AdaptiveCards.subtle("Or type it: " + UserText.forMarkdown(text) + " because ‹why›")
                .put("spacing", "Small"));
        ObjectNode data = AdaptiveCards.object();
        data.put(COMMAND, text);
        ObjectNode card = AdaptiveCards.card(body);
        AdaptiveCards.actions(card, AdaptiveCards.execute("Request approval", VERB, data));
        return BotMessage.card("Why do you need this? " + UserText.forMarkdown(plan.title()), card);
    }

    /** What replaces the card once its button was clicked, so that it is not sent twice. */
    static ObjectNode sent(Command.Privileged command) {
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading("Asking for approval"));
        body.add(AdaptiveCards.monospace(UserText.forMarkdown(CommandText.of(command))));
        body.add(AdaptiveCards.subtle("My answer follows in this chat."));
        return AdaptiveCards.card(body);
    }

    /** The same command with this justification. */
    static Command.Privileged withJustification(Command.Privileged command, String justification) {
        Optional<String> why = Optional.of(justification);
        if (command instanceof Command.TimeBound grant) {
            return grant.because(why);
        } else if (command instanceof Command.RevokeImpersonation revoke) {
            return new Command.RevokeImpersonation(revoke.account(), why);
        } else if (command instanceof Command.AddToExchangeSync add) {
            return new Command.AddToExchangeSync(add.mailbox(), add.group(), why);
        } else if (command instanceof Command.RestoreAsApproved restore) {
            return new Command.RestoreAsApproved(restore.grant(), why);
        }
        throw new IllegalArgumentException("not a privileged command: " + command.getClass());
    }
}
