package io.serviceaccountbot.chat;

import io.serviceaccountbot.access.AccessControl;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.Role;
import io.serviceaccountbot.teams.BotMessage;
import io.serviceaccountbot.teams.UserText;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.DirectoryUser;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code whoami}: the caller's name and sign-in name from the directory, and their roles with this bot. */
@Component
class WhoAmIAnswer implements CommandAnswer<Command.WhoAmI> {

    private final Directory directory;
    private final AccessControl access;

    WhoAmIAnswer(Directory directory, AccessControl access) {
        this.directory = directory;
        this.access = access;
    }

    @Override
    public Class<Command.WhoAmI> commandType() {
        return Command.WhoAmI.class;
    }

    @Override
    public BotMessage answer(Command.WhoAmI command, Caller caller) {
        if (caller.aadObjectId() == null) {
            return BotMessage.text("Teams did not tell me who you are, so you have no role with this bot.");
        }
        Optional<DirectoryUser> user = directory.findUser(caller.aadObjectId());
        Set<Role> roles = access.currentRolesOf(caller.aadObjectId());
        String name = user.map(DirectoryUser::displayName).orElse(caller.nameOr("someone I can't find"));
        String signIn = user.map(found -> " (" + UserText.forMarkdown(found.userPrincipalName()) + ")")
                .orElse("");
        String rolesLine = roles.isEmpty()
                ? "You have no role with this bot, so you can use only **help** and **whoami**."
                : "Your roles: **" + RoleNames.list(roles) + "**.";
        return BotMessage.text("You are **" + UserText.forMarkdown(name) + "**" + signIn + ".\n\n" + rolesLine);
    }
}
