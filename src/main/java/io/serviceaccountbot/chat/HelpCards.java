package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.CommandSpec;
import io.serviceaccountbot.command.Role;
import io.serviceaccountbot.teams.ActivityCheck;
import io.serviceaccountbot.teams.AdaptiveCards;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;

/** The help cards: an overview of what someone may run, and the details of a topic. */
final class HelpCards {

    private HelpCards() {}

    static BotMessage overview(List<CommandSpec> specs, Set<Role> roles, boolean rolesKnown) {
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading("What I can do for you"));
        if (!rolesKnown) {
            body.add(AdaptiveCards.subtle("I couldn't check your roles with Microsoft Entra ID just now, so this"
                    + " shows only what everyone may do. Try again in a minute."));
        } else if (roles.isEmpty()) {
            body.add(AdaptiveCards.subtle("You have no role with this bot, so these are the commands everyone may"
                    + " use. Provisioning admins and approvers get more; an administrator can add you to the"
                    + " bot's Entra groups."));
        } else {
            body.add(AdaptiveCards.subtle("You are a " + RoleNames.list(roles) + "."));
        }
        for (CommandSpec spec : specs) {
            body.add(AdaptiveCards.container(
                    AdaptiveCards.monospace(placeholders(spec.syntax())).put("weight", "Bolder"),
                    AdaptiveCards.subtle(spec.summary()),
                    AdaptiveCards.monospace("e.g. " + spec.examples().get(0)).put("spacing", "None")));
        }
        body.add(AdaptiveCards.subtle("Type help and a command for all its examples, e.g. help grant.")
                .put("spacing", "Large"));
        return BotMessage.card("What I can do for you", AdaptiveCards.card(body));
    }

    static BotMessage topic(String topic, List<CommandSpec> specs, Set<Role> roles) {
        ArrayNode body = AdaptiveCards.body();
        body.add(AdaptiveCards.heading("Help: " + UserText.forMarkdown(ActivityCheck.shorten(topic))));
        for (CommandSpec spec : specs) {
            var container = AdaptiveCards.container(
                    AdaptiveCards.monospace(placeholders(spec.syntax())).put("weight", "Bolder"),
                    AdaptiveCards.subtle(spec.summary()));
            var items = (ArrayNode) container.get("items");
            if (!spec.allows(roles)) {
                items.add(AdaptiveCards.subtle("Only for " + RoleNames.whoMay(spec.roles()) + "."));
            }
            spec.examples()
                    .forEach(example ->
                            items.add(AdaptiveCards.monospace(example).put("spacing", "None")));
            body.add(container);
        }
        return BotMessage.card("Help: " + UserText.forMarkdown(ActivityCheck.shorten(topic)), AdaptiveCards.card(body));
    }

    /**
     * Teams drops {@code <alias>} from card text as if it were an HTML tag, so placeholders are shown between single
     * angle quotation marks.
     */
    static String placeholders(String syntax) {
        return syntax.replace('<', '‹').replace('>', '›');
    }
}
