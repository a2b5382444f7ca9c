package io.serviceaccountbot.chat;

import io.serviceaccountbot.access.AccessControl;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandCatalog;
import io.serviceaccountbot.command.CommandSpec;
import io.serviceaccountbot.command.Role;
import io.serviceaccountbot.teams.ActivityCheck;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import io.serviceaccountbot.tenant.TenantException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code help}: a card with every command the caller may run, each with its syntax, what it does and an example;
 * {@code help <topic>}: the matching commands with all their examples. Built from the command catalog, so help
 * cannot drift from what the parser accepts.
 */
@Component
class HelpAnswer implements CommandAnswer<Command.Help> {

    private final CommandCatalog catalog = CommandCatalog.standard();
    private final AccessControl access;
    private final Map<Set<Role>, BotMessage> overviewByRoles = new ConcurrentHashMap<>();

    HelpAnswer(AccessControl access) {
        this.access = access;
    }

    @Override
    public Class<Command.Help> commandType() {
        return Command.Help.class;
    }

    @Override
    public BotMessage answer(Command.Help help, Caller caller) {
        Set<Role> roles;
        boolean directoryAnswered = true;
        try {
            roles = access.rolesOf(caller.aadObjectId());
        } catch (TenantException e) {
            roles = Set.of();
            directoryAnswered = false;
        }
        if (help.topic().isPresent()) {
            return topic(help.topic().get(), roles);
        }
        if (!directoryAnswered) {
            return HelpCards.overview(catalog.specsFor(Set.of()), Set.of(), false);
        }
        Set<Role> held = roles;
        return overviewByRoles.computeIfAbsent(held, key -> HelpCards.overview(catalog.specsFor(key), key, true));
    }

    private BotMessage topic(String topic, Set<Role> roles) {
        List<CommandSpec> matches = catalog.lookup(topic);
        if (matches.isEmpty()) {
            return BotMessage.text("I have no command like '" + UserText.forMarkdown(ActivityCheck.shorten(topic))
                    + "'. Type **help** to see them all.");
        }
        return HelpCards.topic(topic, matches, roles);
    }
}
